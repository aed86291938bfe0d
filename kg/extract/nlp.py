"""Loading the English pipeline, once per process, only when ingestion needs it."""

from __future__ import annotations

from typing import Any

from kg.config import NLP_MODEL
from kg.errors import ModelError

_NLP: Any = None


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
                    token.is_sent_start = False  # "China (Taizhou) International Expo" is one name
            return doc

    try:
        nlp = spacy.load(NLP_MODEL)
    except OSError as err:
        raise ModelError(
            f"the English model {NLP_MODEL!r} is not installed; run `make setup`"
        ) from err
    nlp.add_pipe("kg_newline_boundaries", before="parser")
    _NLP = nlp
    return nlp
