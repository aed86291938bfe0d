"""The article reader: the state of one article being read, and the order of the steps.

:class:`Reader` holds what is known of one article while it is read (entities and their type
votes, mentions, editions, the main event, facts) and the small interface the rule families
write through (:meth:`Reader.entity`, :meth:`Reader.alias`, :meth:`Reader.mention`,
:meth:`Reader.fact`). :meth:`Reader.run` calls the steps in order, each a module named for its
job: names (:mod:`~kg.extract.rules.names`, :mod:`~kg.extract.rules.editions`), events named by
a description (:mod:`~kg.extract.rules.described`), the main event
(:mod:`~kg.extract.rules.main_event`), anaphora (:mod:`~kg.extract.rules.anaphora`), merges
(:mod:`~kg.extract.rules.merges`), types (:mod:`~kg.extract.rules.types_from_context`), posts
(:mod:`~kg.extract.rules.titled`), each sentence through the families
(:mod:`~kg.extract.rules.families`), and the finish (:mod:`~kg.extract.rules.finish`).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from spacy.tokens import Span

from kg.articles import main_year
from kg.extract import lexicon as lx
from kg.extract.dates import DateSpan
from kg.extract.heads import head_word
from kg.extract.nlp import load_pipeline
from kg.extract.rules.anaphora import city_anaphora, it_anaphora, park_anaphora, resolve_anaphora
from kg.extract.rules.described import descriptive_events, featured_lists, subtitles, title_aliases
from kg.extract.rules.editions import series_to_edition
from kg.extract.rules.families import FAMILIES, HEADLINE_FAMILIES
from kg.extract.rules.finish import finish
from kg.extract.rules.main_event import choose_main_event
from kg.extract.rules.names import add_names
from kg.extract.rules.nested_events import nested_events
from kg.extract.rules.sentence import Sentence, evidence
from kg.extract.rules.short_forms import short_forms
from kg.extract.rules.structure import parents_from_names
from kg.extract.rules.titled import read_titles
from kg.extract.rules.types_from_context import agents_are_organizations, countries_are_places, type_from_cues
from kg.extract.rules.when import dated_phrases
from kg.extract.titles import find_titled_names
from kg.names import normalize_name
from kg.records import Article, Entity, EntityType, Extraction, Fact, Literal, Relation


@dataclass
class Mention:
    """One place in the text that names (or refers to) an entity."""

    start: int
    end: int
    key: str
    sent: int
    anaphor: bool = False


class SentenceSpan(Span):
    """A sentence of the article whose text is built once.

    Why: spaCy's ``Span.text`` joins every token's text on each access, and the steps and
    families ask a sentence for its text a dozen times; as a span it is still what every
    step reads (tokens, root, characters).
    """

    @cached_property
    def text(self) -> str:
        return str(super().text)


class RulesExtractor:
    """The rule-based extractor; loads the NLP model on first use."""

    name = "rules-v2"

    def extract(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        nlp = load_pipeline()
        batch = list(articles)
        for article, doc in zip(batch, nlp.pipe(a.text for a in batch), strict=True):
            yield Reader(article, doc, self.name).run()


_NEW_CLAUSE = re.compile(r"(⟦\d+⟧),\s+(⟦(\d+)⟧)(?=\s+[a-z])")
_TICKER = re.compile(r"\s*\(\s*(?:⟦\d+⟧|[A-Z]{2,})\s*:\s*(?:⟦\d+⟧|[A-Z.]{1,6})\s*\)")
_ANNOUNCED_IT = re.compile(r"^(?P<a>⟦\d+⟧)(?P<mid>[^;]{0,250}?\b(?:announced|announces|said|"
                           r"says|stated|confirmed|revealed|disclosed)\s+(?:today\s+|on\s+\w+\s+)?that\s+)it(?=\s+[a-z])")
_SAME_BRACKET = re.compile(r"(⟦(\d+)⟧)\s*\(\s*(?:the\s+)?[\"“]?⟦(\d+)⟧[\"”]?(?:\s+(?:19|20)\d\d)?\s*\)")

class Reader:
    """One article being read: its state, and the steps in order (:meth:`run`)."""

    def __init__(self, article: Article, doc: Any, extractor: str) -> None:
        self.article = article
        self.doc = doc
        self.text: str = article.text  # the doc's own, which spaCy rebuilds from every token on each access
        self.sents = [s for s in (SentenceSpan(doc, x.start, x.end) for x in doc.sents) if s.text.strip()]
        # the doc's base noun phrases: spaCy walks the whole doc for them on each request
        self.noun_chunks: list[Any] = list(doc.noun_chunks)
        self.ex = Extraction(article, extractor)
        self.key_by_norm: dict[str, str] = {}
        self.mentions: list[Mention] = []
        self.votes: dict[str, Counter[EntityType]] = defaultdict(Counter)
        self.strong: dict[str, EntityType] = {}
        self.acronyms: dict[str, str] = {}  # acronym -> key
        self.editions: dict[str, str] = {}  # series key -> edition key
        self.edition_year: dict[str, int] = {}
        self.edition_nth: dict[str, int] = {}  # edition key -> its ordinal ("the fifth X")
        self.other_editions: dict[tuple[str, str], str] = {}  # (series, ordinal or year) -> edition
        self.main_event: str | None = None
        self.heads: dict[str, str] = {}
        self.story_year = main_year(self.text)  # the year an undated story names most
        self.folds: list[tuple[int, int, str]] = []  # titled runs read as their person
        self.facts: set[tuple[str, Relation, str]] = set()
        self.owner_of: dict[str, str] = {}  # edition -> organization named as its owner
        self.pending_sub: list[tuple[str, int, Any]] = []  # listed sub-events to attach
        self.part_of: dict[str, tuple[str, int]] = {}  # "the X pavilion of the Y fair" -> (Y, char)
        self.ceremony_for: dict[str, str] = {}  # signing ceremony -> the agreement it is for
        self.merged: dict[str, str] = {}  # key merged away -> the key it became
        self._next_key = 0
        self.sent_of_char = self._sentence_index()
        self.ents_by_sent: dict[int, list[Any]] = defaultdict(list)
        for ent in doc.ents:
            self.ents_by_sent[self.sent_of_char[ent.start_char]].append(ent)
        # the first story line is skipped when it is a headline; a lead paragraph taken for the
        # title (a whole sentence, ending in a full stop) is read like any other
        first = self.sents[0].text.strip() if self.sents else ""
        self.title_sent = 0 if article.title and first and article.title.startswith(first[:20]) and not (
            re.search(r"[.!?][\"”’']?$", first) and len(first.split()) >= 8) else -1

    # ------------------------------------------------------------------ entities
    def _sentence_index(self) -> list[int]:
        idx = [0] * (len(self.text) + 1)
        for i, s in enumerate(self.sents):
            end = min(s.end_char + 1, len(idx))
            idx[s.start_char:end] = [i] * (end - s.start_char)
        return idx

    def entity(self, label: str, etype: EntityType | None, *, scope: bool = False,
               strong: bool = False) -> str:
        """The key of the entity named ``label`` (created on first sight)."""
        label = re.sub(r"\s+", " ", label).strip(" ,.;:\"'“”(")
        if label.endswith(")") and label.count("(") < label.count(")"):
            label = label.rstrip(")")  # keep "Center (Beijing)", drop a stray closing bracket
        if (label.count('"') + label.count("“") + label.count("”")) % 2:
            label = re.sub(r"[\"“”]", "", label)  # '"Healthy Pine" Conference' lost its first quote
        norm = normalize_name(label)
        key = self.key_by_norm.get(norm)
        if key is None:
            key = f"e{self._next_key}"  # never reused, even after merges remove entities
            self._next_key += 1
            self.ex.entities[key] = Entity(key, label, etype or EntityType.ORGANIZATION,
                                           scope=self.article.name if scope else None)
            self.key_by_norm[norm] = key
            self.heads[key] = head_word(label)
        if etype is not None:
            self.votes[key][etype] += 2 if strong else 1
            legal = strong and self.strong.get(key) is EntityType.COMPANY and head_word(
                self.ex.entities[key].label).strip(".") in lx.LEGAL_SUFFIXES
            if strong and not legal and not (self.strong.get(key) is EntityType.EVENT_SERIES
                                             and etype is EntityType.EVENT):
                # a series stays a series when named bare again; "X Exhibition Co., Ltd." stays a
                # company when named "X Exhibition"
                self.strong[key] = etype
        return key

    def alias(self, key: str, surface: str) -> None:
        surface = re.sub(r"\s+", " ", surface).strip(" ,.;:\"'“”(")
        if surface.endswith(")") and surface.count("(") < surface.count(")"):
            surface = surface.rstrip(")")
        ent = self.ex.entities[key]
        if surface and normalize_name(surface) != normalize_name(ent.label):
            ent.aliases.add(surface)
        self.key_by_norm.setdefault(normalize_name(surface), key)

    def mention(self, start: int, end: int, key: str, anaphor: bool = False) -> None:
        self.mentions.append(Mention(start, end, key, self.sent_of_char[start], anaphor))

    def mention_counts(self, keep: Callable[[Mention], bool]) -> dict[str, int]:
        """How often the story names each entity whose mentions ``keep`` accepts, in the order
        of first mention (so the first-named wins a tie): "the body the story names most"."""
        counts: dict[str, int] = {}
        for m in sorted(self.mentions, key=lambda x: x.start):
            if keep(m):
                counts[m.key] = counts.get(m.key, 0) + 1
        return counts

    @staticmethod
    def most(counts: dict[str, int]) -> str | None:
        """The key counted most (the first of equals), or None."""
        return max(counts, key=lambda k: counts[k], default=None)

    # ------------------------------------------------------------------ the steps
    def run(self) -> Extraction:
        """Read the article, step by step: each step reads what the ones before it left (the
        anaphora need the main event, the cues the merged entities, the families all of it)."""
        names, titles = find_titled_names(self.doc)
        add_names(self, names)
        descriptive_events(self)
        featured_lists(self)
        series_to_edition(self)
        self._dedupe_mentions()
        nested_events(self)
        choose_main_event(self)
        resolve_anaphora(self)
        agents_are_organizations(self)
        short_forms(self)
        type_from_cues(self)
        city_anaphora(self)
        park_anaphora(self)
        it_anaphora(self)
        self._dedupe_mentions()
        title_aliases(self)
        subtitles(self)
        countries_are_places(self)
        self.folds = read_titles(self, titles)
        parents_from_names(self)
        for i, sent in enumerate(self.sents):
            sentence = self.sentence(i, sent)
            for family_name, family in FAMILIES.items():
                # a headline states facts the story repeats, in its own cramped words; only a
                # signing is taken from it (one agreement per party set, so never twice)
                if i != self.title_sent or family_name in HEADLINE_FAMILIES:
                    family(sentence)
        finish(self)
        return self.ex

    def _dedupe_mentions(self) -> None:
        """Mentions in text order; where two overlap, the one starting first (the longer) wins."""
        self.mentions.sort(key=lambda m: (m.start, -m.end))
        out: list[Mention] = []
        for m in self.mentions:
            if out and m.start < out[-1].end:
                continue
            out.append(m)
        self.mentions = out

    # ------------------------------------------------------------------ sentences
    def sentence(self, i: int, sent: Any) -> Sentence:
        """Sentence ``i`` in placeholder form ("⟦0⟧ was hosted by ⟦1⟧"), a titled person as one."""
        ms = [m for m in self.mentions if sent.start_char <= m.start < sent.end_char]
        for start, end, key in self.folds:  # a titled person reads as the person alone
            if sent.start_char <= start < sent.end_char:
                ms = [m for m in ms if not start <= m.start < end] + [Mention(start, end, key, i)]
        ms.sort(key=lambda m: m.start)
        s0 = sent.start_char
        parts: list[str] = []
        pos = s0
        for k, m in enumerate(ms):
            parts.append(self.text[pos:m.start])
            parts.append(f"⟦{k}⟧")
            pos = m.end
        parts.append(self.text[pos:sent.end_char])
        ph = re.sub(r"\s+", " ", "".join(parts)).strip()
        keys = [m.key for m in ms]
        # "the 5th X Summit (XCS 2023), co-hosted by ...": a bracket naming the same thing again
        # says nothing the families read; without it the clause around the name is plain
        ph = _SAME_BRACKET.sub(lambda b: b.group(1) if keys[int(b.group(2))] == keys[int(b.group(3))]
                               else b.group(0), ph)
        ph = _NEW_CLAUSE.sub(lambda c: f"{c.group(1)}; {c.group(2)}" if self._subject_of_verb(ms[int(c.group(3))])
                             else c.group(0), ph)
        ph = _TICKER.sub("", ph)  # "Acme Bio, Inc. (Nasdaq: ACMB), a US company": the listing says nothing
        # "Acme, a US company, today announced that it signed ...": "it" is the one announcing
        ph = _ANNOUNCED_IT.sub(r"\g<a>\g<mid>\g<a>", ph)
        return Sentence(self, i, sent, ph, keys, ms)

    def _subject_of_verb(self, m: Mention) -> bool:
        """Whether the name ends where a finite verb follows whose subject it is ("..., organized by
        A, Acme presented ...": Acme opens a new clause; it is no item of the list before it)."""
        after = re.match(r"\s*", self.text[m.end:])
        at = m.end + (after.end() if after else 0)
        span = self.doc.char_span(at, at + 1, alignment_mode="expand")
        if span is None or not len(span):
            return False
        verb = span[0]
        return verb.tag_ in {"VBD", "VBZ", "VBP", "MD"} and any(
            c.dep_ in ("nsubj", "nsubjpass") and m.start <= c.idx < m.end for c in verb.children)

    def fact(self, s: str, rel: Relation, o: str | Literal, char: int) -> None:
        if isinstance(o, str) and o == s:
            return
        sent = self.sents[self.sent_of_char[min(char, len(self.text) - 1)]]
        ev = evidence(self.article.name, sent)
        sig = (s, rel, o if isinstance(o, str) else f"lit:{o.value}")
        if sig in self.facts:
            return
        self.facts.add(sig)
        self.ex.facts.append(Fact(s, rel, o, ev))

    def type_of(self, key: str) -> EntityType:
        return self.ex.entities[key].type

    def body_named_last(self, since: int, until: int) -> str | None:
        """The body (organization, company, hospital, government body) named last in the text
        from ``since`` to ``until`` ("its CEO", a titled person's "CEO of X AG")."""
        bodies = [m for m in self.mentions if since <= m.start and m.end <= until
                  and self.type_of(m.key) in lx.ORG_TYPES]
        return max(bodies, key=lambda m: m.start).key if bodies else None

    def event_left_of(self, char: int) -> str | None:
        """The last event named before ``char`` in the same sentence."""
        best = None
        for m in self.mentions:
            if m.end <= char and self.type_of(m.key) is EntityType.EVENT and \
                    self.sent_of_char[m.start] == self.sent_of_char[char]:
                best = m.key
        return best

    def dates_in(self, sent: Any, event: str | None) -> DateSpan | None:
        spans = self.date_spans(sent, event)
        return spans[0][0] if spans else None

    def date_spans(self, sent: Any, event: str | None, after: int | None = None) -> list[tuple[DateSpan, bool]]:
        """Every date of a sentence, each with whether it closes a period ("runs until Nov 10")
        (:func:`kg.extract.rules.when.dated_phrases`, which also gives each its verb)."""
        return [(d.span, d.closing) for d in dated_phrases(self, sent, event, after)]
