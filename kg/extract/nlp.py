"""Loading the English pipeline, once per process, only when ingestion needs it."""

from __future__ import annotations

from typing import Any

from kg.config import NLP_MODEL
from kg.errors import ModelError

_NLP: Any = None


def _after_abbreviation(doc: Any, token: Any) -> bool:
    """Whether ``token`` follows an abbreviation's period that ends no sentence: "No." before
    a number, a legal form ("Ltd.", "Co.", "Inc.") before a lower-case word."""
    i = token.i
    prev = doc[i - 1]
    words = [doc[k].text.strip(",.").lower() for k in range(max(0, i - 3), i)]
    if token.like_num and (words[-1:] == ["no"] or words[-2:] == ["no", ""]):
        return True  # "No. | 6"
    if prev.like_num and words[-3:] == ["no", "", prev.text.lower()]:
        return True  # "No. 6 | People's Hospital"
    legal = {"ltd", "co", "inc", "corp", "plc", "llc", "pte", "sdn", "bhd"}
    if token.text.strip(",.").lower() in legal and (
            (words[-1:] and words[-1] in legal) or (prev.text == "." and len(words) >= 2 and words[-2] in legal)):
        return True  # "Acme Pte. | Ltd.", "Acme Sdn. | Bhd.": one legal form in two words
    return bool(token.is_lower and token.is_alpha and ((words[-1:] and words[-1] in legal) or (
        prev.text == "." and len(words) >= 2 and words[-2] in legal)))


def _split_glued_legal_forms(nlp: Any) -> None:
    """"Acme Bio-Tech Co.,Ltd": Chinese company names often glue the comma to the next legal
    form, and the tokenizer then makes one token of ",Ltd"; a comma between a period and a
    letter is split off, so the name's legal form reads as in "Co., Ltd"."""
    from spacy.util import compile_infix_regex

    infixes = [*nlp.Defaults.infixes, r"(?<=\.),(?=[A-Za-z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def load_pipeline() -> Any:
    """The spaCy pipeline named in :data:`kg.config.NLP_MODEL`, with newline sentence starts.

    A line break in an article is a hard boundary (headlines and captions carry no final
    period), so a component before the parser marks the token after a newline as a sentence
    start, never starts one inside parentheses, after a possessive or after a line's first
    word; the parser keeps preset boundaries.
    """
    global _NLP
    if _NLP is not None:
        return _NLP
    try:
        import spacy
        from spacy.language import Language
    except ImportError as err:  # pragma: no cover - spaCy is a hard dependency
        raise ModelError("spaCy is not installed; run `make setup`") from err

    if "kg_newline_boundaries" not in Language.factories:

        @Language.component("kg_newline_boundaries")
        def newline_boundaries(doc: Any) -> Any:
            for token in doc[1:]:
                prev = doc[token.i - 1]
                if "\n" in prev.text or "\n" in prev.whitespace_:
                    token.is_sent_start = True
                elif prev.is_alpha and not token.is_space and (prev.i == 0 or "\n" in doc[prev.i - 1].text
                                                               or "\n" in doc[prev.i - 1].whitespace_):
                    # a line's first word does not stand alone: after blanked furniture the
                    # parser would cut "Cedar | Hospital opened ..."
                    token.is_sent_start = False
                elif prev.text in {"(", ")", "'s", "’s", "-"} or token.text in {"(", ")"}:
                    token.is_sent_start = False  # "China (Pinecity) International Expo" is one name
                elif _after_abbreviation(doc, token):
                    token.is_sent_start = False  # "Pine No. 6 Hospital", "Acme Co.,Ltd. on May 9"
            return doc

    try:
        nlp = spacy.load(NLP_MODEL)
    except OSError as err:
        raise ModelError(
            f"the English model {NLP_MODEL!r} is not installed; run `make setup`"
        ) from err
    _split_glued_legal_forms(nlp)
    nlp.add_pipe("kg_newline_boundaries", before="parser")
    _NLP = nlp
    return nlp
