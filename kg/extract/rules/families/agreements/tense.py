"""Whether a sentence's signing has happened: "will sign", "is expected to sign" and a
headline's "A to sign MoU with B" announce a signing still to come, and a planned agreement is
no signed one (gold lists the agreements signed). Read from the parse: the auxiliaries of the
signing verbs and the verb an infinitive depends on."""

from __future__ import annotations

from typing import Any

# the verbs that sign or conclude an agreement
_SIGNING = frozenset({"sign", "ink", "seal", "clinch", "conclude", "strike", "pen"})
_MODAL = frozenset({"will", "would", "shall", "'ll", "’ll"})
# "is expected / set / scheduled / due to sign", "plans / hopes / intends to sign"
_PLAN = frozenset({"expect", "set", "schedule", "due", "plan", "intend", "hope", "aim", "prepare",
                   "go", "agree", "seek", "want", "wish", "look"})


def _to_come(verb: Any) -> bool:
    """A signing verb with a modal ("will sign", "will be signed") or an infinitive that a verb
    of planning governs ("expected to sign") or that heads the sentence (a headline's "to sign")."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lower_ in _MODAL for c in aux):
        return True
    if any(c.lower_ == "to" for c in aux):
        return verb.dep_ == "ROOT" or verb.head.lemma_.lower() in _PLAN
    return False


def planned(sent: Any) -> bool:
    """Every signing verb of the sentence is one to come (none is: nothing planned)."""
    verbs = [t for t in sent if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in _SIGNING]
    return bool(verbs) and all(_to_come(v) for v in verbs)
