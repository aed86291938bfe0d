"""rules-v1: spaCy's English pipeline plus the general grammar of health-industry event news.

How one article is read:

1. names (:mod:`kg.extract.mentions`), acronyms ("... (CIIE)") and editions ("the 2023 X",
   "X 2023", "this year's X", "the third X") become entities; a dated edition is a node of its
   own, ``inSeries`` the recurring event;
2. events named only by a description ("a special exhibition on ...", "the signing ceremony
   for ...") become article-scoped entities; "the forum", "the event", "the exhibition" are
   resolved to the event they refer to (the most recent event with the same head noun, else the
   event the article is about), so facts hang on the right node;
3. each sentence is rewritten with placeholders (``⟦3⟧``) for its mentions, and patterns over
   that form read hosts, organizers, places, dates, participants, exhibitors, sub-events,
   themes, posts, parent organizations, containment, countries, figures and agreements.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from kg.articles import main_year
from kg.extract import lexicon as lx
from kg.extract.dates import MONTH, DateSpan, duration_days, ordinal_value, parse_span, shift
from kg.extract.mentions import Name, find_names, head_word, initials_match, is_acronym, type_by_head
from kg.extract.nlp import load_pipeline
from kg.names import normalize_name
from kg.records import (
    AgreementRecord,
    Article,
    Entity,
    EntityType,
    Evidence,
    Extraction,
    Fact,
    Literal,
    PartialDate,
    Post,
    Relation,
)

E = r"⟦\d+⟧"
_SEP = (r"(?:\s*,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+and\s+|\s+&\s+|\s*,?\s+as\s+well\s+as\s+"
        r"(?:[a-z-]+\s+){0,4}?(?:such\s+as|including|like)\s+)")
_DEMONYM = "|".join(sorted((re.escape(d.title()) for d in lx.DEMONYMS), key=len, reverse=True))
# a list item may carry a short description: "Japanese firm Olympus", "Pudong's Zhangjiang Town"
_DESCRIPTOR = (r"(?:(?!(?:by|with|at|in|on|of|to|for|from|and|or|as|the|was|were|is|are|has|have|"
               r"will|which|who|that)\b)[a-z][\w-]*(?<!ed)(?<!ing)|" + _DEMONYM + ")")
# "X, a subsidiary of Y, and Z" / "X, which is affiliated with Y, signed": the appositive is
# part of X's item, and its names are not list members
_APPOS = r"(?:,\s+(?:a|an|which\s+is|who\s+is)\s+[^,;.]{1,80}?,)"
_ITEM = rf"(?:the\s+)?(?:{_DESCRIPTOR}\s+){{0,4}}?(?:{E}['’]s\s+)?{E}{_APPOS}?"
LIST = rf"(?<![\w'’-]){_ITEM}(?:{_SEP}{_ITEM})*"
_AGREEMENT = "|".join(lx.AGREEMENT_NOUNS)
_KIND = rf"(?P<kind>(?:(?:an?|the|two|three|four|five|several|\d+)\s+)?(?:[\w-]+\s+){{0,4}}?(?:{_AGREEMENT}))"
_SIGN = r"(?:signed|inked|reached|concluded|entered\s+into|struck|sealed|penned|clinched)"
_OCCUR = (r"(?:was\s+|is\s+|will\s+be\s+|were\s+|are\s+|has\s+been\s+)?(?:being\s+)?(?P<verb>held|"
          r"happening|taking\s+place|took\s+place|takes\s+place|will\s+take\s+place|kicked\s+off|"
          r"kicks\s+off|kick\s+off|opened|opens|open|concluded|concludes|conclude|closed|closes|"
          r"ended|ends|came\s+to\s+a\s+(?:successful\s+)?close|come\s+to\s+a\s+close|wrapped\s+up|"
          r"began|begins|started|starts|ran|runs|launched|convened|staged|come\s+to|came\s+to|"
          r"returns|returned)")
_END_VERBS = ("concluded", "concludes", "conclude", "closed", "closes", "ended", "ends", "close",
              "wrapped")
_START_VERBS = ("kicked", "kicks", "kick", "opened", "opens", "open", "began", "begins", "started",
                "starts", "launched")
_ROLE = (r"(?P<role>(?:(?!(?:and|of|the|a|an|who|said|says|is|was|for|at|in)\b)[a-z][\w-]*\s+){0,2}?"
         r"(?:(?:[Dd]eputy|[Vv]ice|[Ee]xecutive|[Gg]eneral|Party|[Cc]hief|[Ss]enior|"
         r"[Hh]onorary|[Aa]cting|[Mm]anaging|[Aa]ssociate|[Aa]ssistant|[Ff]irst|[Ss]tanding|"
         r"[Ff]ounding|[Pp]ermanent|[Rr]egional|[Gg]lobal|[Mm]edical)[\s-]+){0,3}"
         r"(?i:" + "|".join(sorted((re.escape(w) for w in lx.ROLE_WORDS), key=len, reverse=True))
         + r")(?:[\s-]+(?:general|director|officer|secretary))?)")


_ROLE_OF = re.compile(_ROLE + r"\s+(?:of|at)\s+(?:the\s+)?$")


@cache
def _re(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile once per process: the patterns here outnumber the re module's own cache, which
    then recompiles them for every sentence."""
    return re.compile(pattern, flags)


@dataclass
class Mention:
    """One place in the text that names (or refers to) an entity."""

    start: int
    end: int
    key: str
    sent: int
    anaphor: bool = False


class RulesExtractor:
    """The rule-based extractor; loads the NLP model on first use."""

    name = "rules-v1"

    def extract(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        nlp = load_pipeline()
        batch = list(articles)
        for article, doc in zip(batch, nlp.pipe(a.text for a in batch), strict=True):
            yield _Reader(article, doc, self.name).run()


class _Reader:
    def __init__(self, article: Article, doc: Any, extractor: str) -> None:
        self.article = article
        self.doc = doc
        self.text: str = doc.text
        self.sents = [s for s in doc.sents if s.text.strip()]
        self.ex = Extraction(article, extractor)
        self.key_by_norm: dict[str, str] = {}
        self.mentions: list[Mention] = []
        self.votes: dict[str, Counter[EntityType]] = defaultdict(Counter)
        self.strong: dict[str, EntityType] = {}
        self.acronyms: dict[str, str] = {}  # acronym -> key
        self.editions: dict[str, str] = {}  # series key -> edition key
        self.edition_year: dict[str, int] = {}
        self.main_event: str | None = None
        self.heads: dict[str, str] = {}
        self.facts: set[tuple[str, Relation, str]] = set()
        self._owner_of: dict[str, str] = {}  # edition -> organization named as its owner
        self._pending_sub: list[tuple[str, int, Any]] = []  # listed sub-events to attach
        self.ceremony_for: dict[str, str] = {}  # signing ceremony -> the agreement it is for
        self._merged: dict[str, str] = {}  # key merged away -> the key it became
        self._next_key = 0
        self.sent_of_char = self._sentence_index()
        self.ents_by_sent: dict[int, list[Any]] = defaultdict(list)
        for ent in doc.ents:
            self.ents_by_sent[self.sent_of_char[ent.start_char]].append(ent)
        self.title_sent = 0 if article.title and self.sents and article.title.startswith(
            self.sents[0].text.strip()[:20]) else -1

    # ------------------------------------------------------------------ entities
    def _sentence_index(self) -> list[int]:
        idx = [0] * (len(self.text) + 1)
        for i, s in enumerate(self.sents):
            for k in range(s.start_char, min(s.end_char + 1, len(idx))):
                idx[k] = i
        return idx

    def entity(self, label: str, etype: EntityType | None, *, scope: bool = False,
               strong: bool = False) -> str:
        """The key of the entity named ``label`` (created on first sight)."""
        label = re.sub(r"\s+", " ", label).strip(" ,.;:\"'“”()")
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
            if strong and not (self.strong.get(key) is EntityType.EVENT_SERIES and etype is EntityType.EVENT):
                self.strong[key] = etype  # a series stays a series when named bare again
        return key

    def alias(self, key: str, surface: str) -> None:
        surface = re.sub(r"\s+", " ", surface).strip(" ,.;:\"'“”()")
        ent = self.ex.entities[key]
        if surface and normalize_name(surface) != normalize_name(ent.label):
            ent.aliases.add(surface)
        self.key_by_norm.setdefault(normalize_name(surface), key)

    def mention(self, start: int, end: int, key: str, anaphor: bool = False) -> None:
        self.mentions.append(Mention(start, end, key, self.sent_of_char[start], anaphor))

    def run(self) -> Extraction:
        names = find_names(self.doc)
        self._acronyms(names)
        self._acronyms_by_initials(names)
        for name in names:
            self._add_name(name)
        self._descriptive_events()
        self._featured_lists()
        self._series_to_edition()
        self._dedupe_mentions()
        self._choose_main_event()
        self._anaphora()
        self._venue_anaphora()
        self._agents_are_organizations()
        self._short_forms()
        self._type_from_cues()
        self._dedupe_mentions()
        self._title_aliases()
        for i, sent in enumerate(self.sents):
            if i != self.title_sent:
                self._sentence(i, sent).read()
        self._finish()
        return self.ex

    def _acronyms(self, names: list[Name]) -> None:
        for n in names:
            m = re.match(r"\s*\(([A-Z][A-Za-z&-]{1,9})\)", self.text[n.end:n.end + 14])
            if m and not is_acronym(n.text) and len(n.words) > 1:
                label = self._strip_year(n.text)
                etype = n.type or self._ner_type(n)
                if etype is EntityType.EVENT and self._edition_marker(n) is not None:
                    etype = EntityType.EVENT_SERIES
                key = self.entity(label, etype, strong=n.by_head)
                self.acronyms[m.group(1)] = key
                self.alias(key, m.group(1))
                start = n.end + m.start(1)
                self.mention(start, start + len(m.group(1)), key)

    def _strip_year(self, text: str) -> str:
        return re.sub(r"^(?:19|20)\d\d\s+|\s+(?:19|20)\d\d$", "", text).strip()

    @staticmethod
    def _ner_type(n: Name) -> EntityType | None:
        return {"PERSON": EntityType.PERSON, "GPE": EntityType.PLACE, "LOC": EntityType.PLACE,
                "EVENT": EntityType.EVENT}.get(n.ner or "")

    def _edition_marker(self, n: Name) -> tuple[int | None, str] | None:
        """(year, surface) when the text marks this event name as one edition of a series."""
        before = self.text[max(0, n.start - 30):n.start]
        after = self.text[n.end:n.end + 8]
        m = re.search(r"\b((?:19|20)\d\d)\s+$", before)
        if m:
            return int(m.group(1)), self.text[n.start - (len(before) - m.start(1)):n.end]
        m = re.match(r"\s+((?:19|20)\d\d)\b", after)
        if m:
            return int(m.group(1)), self.text[n.start:n.end + m.end(1)]
        m = re.match(r"\s*(?:\([^)]{1,12}\))?,?\s+(?:now\s+)?in\s+its\s+(\w+)\s+(?:edition|year|session)",
                     self.text[n.end:n.end + 60])
        if m and ordinal_value(m.group(1)) is not None:  # "X, now in its fifth edition,"
            pub = self.article.published
            return (pub.year if pub else main_year(self.text)), n.text
        m = re.search(r"\b(this|last|next)\s+years?['’]?s?\s+$", before, re.I)
        if m:
            pub = self.article.published
            year = None if pub is None else pub.year + {"this": 0, "last": -1, "next": 1}[
                m.group(1).lower()]
            return year, self.text[n.start - (len(before) - m.start(0)):n.end]
        m = re.search(r"\b(?:the\s+)?(\w+)\s+(?:edition\s+of\s+(?:the\s+)?)?$", before, re.I)
        if m and ordinal_value(m.group(1)) is not None:
            # "the 14th X" in a dated article: the edition of the publication year
            pub = self.article.published
            year = pub.year if pub else main_year(self.text)
            return year, self.text[n.start - (len(before) - m.start(0)):n.end]
        return None

    def _add_name(self, n: Name) -> None:
        text = n.text
        if is_acronym(text) and text in self.acronyms:
            key = self.acronyms[text]
            marker = self._edition_marker(n)
            if marker is not None and self.ex.entities[key].type in (
                    EntityType.EVENT, EntityType.EVENT_SERIES):
                key = self._edition(key, marker, n)
            self.mention(n.start, n.end, key)
            return
        if any(m.start <= n.start < m.end for m in self.mentions):
            return
        etype = n.type or self._ner_type(n)
        if etype in (EntityType.EVENT, EntityType.EVENT_SERIES) or n.ner == "EVENT":
            marker = self._edition_marker(n)
            if marker is not None:
                series = self.entity(self._strip_year(text), EntityType.EVENT_SERIES, strong=True)
                self.mention(n.start, n.end, self._edition(series, marker, n))
                return
        key = self.entity(text, etype, strong=n.by_head)
        self.mention(n.start, n.end, key)

    def _edition(self, series: str, marker: tuple[int | None, str], n: Name) -> str:
        """The edition node of ``series`` this mention names (one edition per year)."""
        year, surface = marker
        s_ent = self.ex.entities[series]
        s_ent.type = EntityType.EVENT_SERIES
        self.votes[series][EntityType.EVENT_SERIES] += 5
        self.strong[series] = EntityType.EVENT_SERIES
        if year is None:
            year = self.edition_year.get(self.editions.get(series, ""))
        label = f"{s_ent.label} {year}" if year else surface
        key = self.editions.get(series)
        if key is None:
            key = self.entity(label, EntityType.EVENT, strong=True)
            self.editions[series] = key
            if year:
                self.edition_year[key] = year
            self.fact(key, Relation.IN_SERIES, series, n.start)
        ed = self.ex.entities[key]
        if year and key not in self.edition_year:
            old = ed.label
            ed.label = f"{s_ent.label} {year}"
            self.alias(key, old)
            self.edition_year[key] = year
        self.alias(key, surface)
        if year:
            for short in [s_ent.label, *sorted(s_ent.aliases)]:
                self.alias(key, f"{short} {year}")
                self.alias(key, f"{year} {short}")
        return key

    def _acronyms_by_initials(self, names: list[Name]) -> None:
        """A bare acronym ("CIIE") names the multiword name whose initials spell it."""
        long_names = [n for n in names if len(n.words) > 1]
        for n in names:
            if not is_acronym(n.text) or n.text in self.acronyms:
                continue
            hits = {self._strip_year(x.text) for x in long_names if initials_match(n.text, x.text)}
            if len(hits) == 1:
                label = hits.pop()
                source = next(x for x in long_names if self._strip_year(x.text) == label)
                etype = source.type or self._ner_type(source)
                key = self.entity(label, etype, strong=source.by_head)
                self.acronyms[n.text] = key
                self.alias(key, n.text)

    def _series_to_edition(self) -> None:
        """A series named bare where the article has one edition of it means that edition."""
        for m in self.mentions:
            edition = self.editions.get(m.key)
            if edition is None:
                continue
            before = self.text[max(0, m.start - 25):m.start].lower()
            if re.search(r"(previous|past|last|every|each|annual|all|next|future)\s+(?:\w+\s+)?$",
                         before):
                continue
            m.key = edition

    def _title_aliases(self) -> None:
        """A headline's short name for an event ("special healthcare exhibition") is an alias."""
        if self.title_sent < 0:
            return
        title = self.sents[self.title_sent]
        for chunk in title.noun_chunks:
            head = chunk.root.lemma_.lower()
            if head not in lx.DESCRIPTIVE_EVENT_HEADS or not chunk.root.text.islower():
                continue
            words = {t.lower_ for t in chunk if not t.is_stop and t.lower_ != head and len(t) > 3}
            first = next(t for t in chunk if t.dep_ != "det")
            surface = self.text[first.idx:chunk.end_char]
            if normalize_name(surface) in self.key_by_norm:
                continue
            best = [k for k, e in self.ex.entities.items() if e.type is EntityType.EVENT
                    and self.heads.get(k) == head and words & set(normalize_name(e.label).split())]
            if len(best) == 1 and words:
                self.alias(best[0], surface)

    def _agents_are_organizations(self) -> None:
        """Names used as hosts, organizers or owners of events are organizations, even when
        their name ends in "Forum" ("hosted by the Lancang Forum for Asia")."""
        verbs = (r"(?:hosted|organi[sz]ed|co-organi[sz]ed|sponsored|undertaken|co-hosted|"
                 r"initiated|launched|convened)")
        agents: set[str] = set(self._owner_of.values())
        for i, sent in enumerate(self.sents):
            s = self._sentence(i, sent)
            for m in re.finditer(verbs + r"\s+(?:jointly\s+)?by\s+(?P<a>" + LIST + ")", s.ph, re.I):
                # "co-organized by A and B, the forum attracted ...": "the forum" is no agent
                agents.update(s.key(t) for t in re.findall(E, re.sub(_APPOS, ",", m.group("a")))
                              if not s.ms[int(t.strip("⟦⟧"))].anaphor)
        for key in agents:
            ent = self.ex.entities.get(key)
            if ent is None or ent.scope or key == self.main_event or key in self.editions.values():
                continue  # a described event ("an exhibition area of ...") is never an agent
            if ent.type in (EntityType.EVENT, EntityType.EVENT_SERIES):
                ent.type = EntityType.ORGANIZATION
                self.strong[key] = EntityType.ORGANIZATION
                self.heads[key] = ""  # no longer a candidate for "the forum"

    # ------------------------------------------------------------------ events
    def _descriptive_events(self) -> None:
        """Events named by a description: "a special exhibition on ...", "X's third ... forum"."""
        for chunk in self.doc.noun_chunks:
            root = chunk.root
            head = _event_head(root)
            if head is None or root.tag_ in {"NNS", "NNPS"}:
                continue
            if any(m.start <= root.idx < m.end for m in self.mentions):
                continue
            if self.title_sent >= 0 and chunk.start < self.sents[self.title_sent].end:
                continue
            before = self.text[max(0, chunk.start_char - 3):chunk.start_char]
            if (root.dep_ == "appos" and self._mention_at(root.head.idx) is not None) or (
                    before.endswith(", ") and self._mention_at(chunk.start_char - 3) is not None) or (
                    self.text[max(0, chunk.start_char - 3):chunk.start_char].endswith("as ")):
                continue  # "the forum, a parallel event of the expo" / "held as a side event of": a description
            first = chunk[0]
            det = first.lower_ if first.dep_ == "det" or first.lower_ in {"this", "that"} else ""
            words = [t for t in chunk if t.dep_ not in {"det", "poss", "case"} and t.dep_ != "nummod"]
            edge = root.left_edge  # "a health and wellness exhibition area": keep coordinated modifiers
            if edge.i < chunk.start and all(t.dep_ in {"amod", "compound", "cc", "conj", "nmod"}
                                            for t in root.doc[edge.i:chunk.start]):
                words = list(root.doc[edge.i:chunk.start]) + words
            poss = [t for t in chunk if t.dep_ == "poss"]
            pp_end = self._pp_end(root)
            start = words[0].idx if words else root.idx
            end = max(root.idx + len(root.text), pp_end)
            label = self.text[start:end]
            if any(t.like_num for t in chunk if t.dep_ == "nummod"):
                continue
            ordinal = next((t for t in chunk if ordinal_value(t.text)), None)
            if poss and ordinal is not None:
                # "X's third global health forum": an edition of X's series
                poss_name = self._mention_at(poss[0].idx) or self._mention_at(poss[0].left_edge.idx)
                series_label = self.text[ordinal.idx + len(ordinal.text):root.idx + len(
                    root.text)].strip()
                series = self.entity(series_label.title(), EntityType.EVENT_SERIES, strong=True)
                poss_start = poss_name.start if poss_name is not None else poss[0].idx
                surface = self.text[poss_start:end]
                year = self._year_for_ordinal(chunk.sent)
                key = self._edition(series, (year, surface), Name(start, end, surface, None))
                self.alias(key, self.text[ordinal.idx:end])
                if poss_name is not None:
                    owner = self.ex.entities[poss_name.key]
                    self.alias(series, f"{owner.label} {series_label}")
                    self.alias(key, f"{owner.label} {self.text[ordinal.idx:end]}")
                    self._owner_of[key] = poss_name.key
                self.mention(poss_start, end, key)
                continue
            has_pp = pp_end > root.idx + len(root.text)
            # "the expo's medical equipment exhibition area": a part of the event that owns it
            owner_mention = self._mention_at(poss[0].idx) if poss else None
            part_of = owner_mention.key if owner_mention is not None and \
                self.ex.entities[owner_mention.key].type is EntityType.EVENT and len(words) > 1 else None
            if poss and owner_mention is None and len(words) > 1 and \
                    poss[0].lemma_.lower() in lx.DESCRIPTIVE_EVENT_HEADS:
                part_of = "the event named before it"  # "the expo's ...": resolved once anaphora are
            introduces = det in {"a", "an"} or (has_pp and det == "the") or part_of is not None or (
                not det and not poss and chunk.sent.start == self.sents[0].start
                and len(words) > 1)
            if det in {"this", "that", "the", "its"} and not has_pp and part_of is None:
                continue  # anaphor, resolved later
            if not introduces or (len(words) < 2 and not has_pp):
                continue
            key = self.entity(label, EntityType.EVENT, scope=True, strong=True)
            self.heads[key] = head
            inner = [m for m in self.mentions if start <= m.start and m.end <= end
                     and self.ex.entities[m.key].type is EntityType.AGREEMENT]
            if inner:
                self.ceremony_for[key] = inner[0].key
            if part_of is not None:
                self._pending_sub.append((key, start, chunk.sent))
            self.mention(start, end, key)

    def _pp_end(self, root: Any) -> int:
        """End of a "on/for/of ..." phrase that completes a descriptive event name."""
        end = root.idx + len(root.text)
        for child in root.rights:
            if child.dep_ == "prep" and child.lower_ in {"on", "for", "of"}:
                sub = list(child.subtree)
                if len(sub) <= 14:
                    end = max(end, sub[-1].idx + len(sub[-1].text))
                break
        return int(end)

    def _year_for_ordinal(self, sent: Any) -> int | None:
        pub = self.article.published
        if pub is None:
            return None
        span = self.dates_in(sent, None)
        if span and span.end and span.end.year:
            return span.end.year
        return pub.year

    def _mention_at(self, char: int) -> Mention | None:
        return next((m for m in self.mentions if m.start <= char < m.end), None)

    def _featured_lists(self) -> None:
        """"X featured three themed exhibitions: A, B and C" makes A, B, C sub-events of X."""
        pattern = _re(
            r"\b(?:featured|features|feature|include[sd]?|including|comprised|comprises|"
            r"consisted\s+of|consists\s+of|has|had|with)\s+(?:[\w-]+\s+){0,4}?"
            r"(?:exhibitions|forums|sub-forums|sessions|events|activities|halls|zones|pavilions|"
            r"conferences|summits|competitions|dialogues|sections)\s*:\s*(?P<items>[^.;\n]+)",
            re.I)
        for sent in self.sents:
            s = sent.text
            m = pattern.search(s)
            if not m:
                continue
            items_text = re.split(r",\s*(?:which|that|where|who)\b|\s+(?:which|that)\s+\w+ed\b",
                                  m.group("items"))[0]
            base = sent.start_char + m.start("items")
            for im in re.finditer(r"[^,]+?(?=,|\s+and\s+|\s+as well as\s+|$)", items_text):
                raw = im.group(0)
                item = re.sub(r"^\s*(?:and|as well as)\s+", "", raw)
                lead = re.match(r"\s*(?:an?\s+|the\s+)?", item)
                assert lead is not None
                label = item[lead.end():].strip()
                if not label or len(label.split()) > 8:
                    continue
                start = base + im.start() + (len(raw) - len(item)) + lead.end()
                end = start + len(label)
                self.mentions = [x for x in self.mentions if not (x.start >= start and x.end <= end)]
                key = self.entity(label, EntityType.EVENT, strong=True)
                self.ex.entities[key].type = EntityType.EVENT
                self.votes[key] = Counter({EntityType.EVENT: 10})
                self.strong[key] = EntityType.EVENT
                self.mention(start, end, key)
                self._pending_sub.append((key, sent.start_char + m.start(), sent))

    def _choose_main_event(self) -> None:
        """The event the article is about, scored: named early (first event of the story), in the
        headline, said to take place, named often, an edition; minus sub-event cues ("held during
        the expo", "one of the parallel forums")."""
        occur = _re(_OCCUR.replace("(?P<verb>", "(?:"), re.I)
        sub_cue = _re(r"^[^.;]{0,80}?\b(?:during|on\s+the\s+sidelines\s+of|one\s+of\s+the|"
                             r"parallel|sub-forums?|side\s+events?|as\s+part\s+of)\b", re.I)
        scores: Counter[str] = Counter()
        first: dict[str, int] = {}
        first_event_sent: int | None = None
        for m in sorted(self.mentions, key=lambda m: m.start):
            ent = self.ex.entities[m.key]
            if ent.type is not EntityType.EVENT and m.key not in self.editions.values():
                continue
            if self.strong.get(m.key) is EntityType.EVENT_SERIES:
                continue
            if m.sent == self.title_sent:
                scores[m.key] += 2
                continue
            first.setdefault(m.key, m.start)
            if first_event_sent is None:
                first_event_sent = m.sent
            if m.sent == first_event_sent and first[m.key] == m.start:
                scores[m.key] += 3
            scores[m.key] += 1
            tail = self.text[m.end:m.end + 80]
            if occur.match(tail.lstrip(" ,")) or re.match(r"\s*,?\s*(?:which|that)\s+(?:will\s+)?"
                                                           + occur.pattern, tail, re.I):
                scores[m.key] += 2
            if sub_cue.match(tail):
                scores[m.key] -= 4
            if m.key in self.editions.values():
                scores[m.key] += 1
        ranked = sorted((k for k in scores if k in first), key=lambda k: (-scores[k], first[k]))
        self.main_event = ranked[0] if ranked else next(
            (m.key for m in sorted(self.mentions, key=lambda m: m.start)
             if self.ex.entities[m.key].type is EntityType.EVENT), None)

    def _venue_anaphora(self) -> None:
        """"at the center", "in the hall": the venue named in the sentence or the one before."""
        for m in re.finditer(r"\b(?:in|at|inside)\s+the\s+(?P<head>center|centre|hall|venue|stadium|hotel|"
                             r"building|pavilion)\b(?!\s+(?:of|on|for)\b)", self.text):
            start = m.start("head") - len("the ")
            if any(x.start <= start < x.end for x in self.mentions):
                continue
            sent = self.sent_of_char[start]
            near = [x for x in self.mentions if x.end <= start and sent - 1 <= x.sent <= sent
                    and self.ex.entities[x.key].type is EntityType.VENUE
                    and head_word(self.ex.entities[x.key].label) in {m.group("head"), "center", "centre"}]
            if near:
                self.mention(start, m.end(), near[-1].key, anaphor=True)

    def _anaphora(self) -> None:
        """"the forum", "this year's fair", "the event": the event they mean."""
        pattern = _re(
            r"\b(?P<det>the|this|that|its)\s+(?:(?:year['’]?s|years|special|whole|two-day|"
            r"three-day|four-day|five-day|\w+-day|annual|same|entire|grand|main|big|current)\s+)*"
            r"(?P<head>" + "|".join(sorted(lx.DESCRIPTIVE_EVENT_HEADS | {"area", "zone"}, key=len, reverse=True))
            + r")\b(?!\s+(?:on|for|of)\s+[A-Z])", re.I)
        generic = {"event", "gathering", "conference", "forum", "fair", "expo", "summit"}
        for m in pattern.finditer(self.text):
            if any(x.start <= m.start("head") < x.end for x in self.mentions):
                continue
            head = m.group("head").lower()
            if head in {"area", "zone"}:
                head = "exhibition area"
            target = None
            recent = [x for x in self.mentions if x.end <= m.start()
                      and self.ex.entities[x.key].type is EntityType.EVENT
                      and self.heads.get(x.key) == head]
            if recent:
                target = recent[-1].key
            main = self.main_event
            if main is not None and (self.heads.get(main) == head or head in generic) and (
                    target is None or self.ex.entities[target].scope is None):
                    target = main if not recent or (head in generic and self.heads.get(
                        recent[-1].key) != head) else target or main
            if target is None and head != "exhibition area":
                target = main
            if target is None:
                continue
            self.mention(m.start(), m.end(), target, anaphor=True)

    def _short_forms(self) -> None:
        """Merge "Kanghui" into "Kanghui Pharmaceutical", "Nansha" into "Nansha District",
        "Zheng" into "Zheng Hong", "X forum" into "X Innovative Cooperation Forum"."""
        ents = self.ex.entities
        generic = {"district", "town", "city", "county", "province", "township", "village",
                   "municipality", "group", "co", "ltd", "inc", "corp", "corporation", "company",
                   "limited", "holding", "holdings", "pharmaceutical", "pharmaceuticals", "pharma",
                   "biotech", "medical", "healthcare", "technology", "technologies", "hospital"}
        remap: dict[str, str] = {}
        for key, ent in list(ents.items()):
            words = ent.label.split()
            cands: list[str] = []
            if self._vote(key) is EntityType.EVENT_SERIES:
                continue  # a series is never a short form of one of its editions
            for other_key, other in ents.items():
                if other_key == key or other.scope:
                    continue
                ow = other.label.split()
                if len(ow) <= len(words) or ow[: len(words)] != words:
                    continue
                rest = [w.lower() for w in ow[len(words):]]
                etype, otype = self._vote(key), self._vote(other_key)
                surname = etype is EntityType.PERSON and otype is EntityType.PERSON and len(words) == 1
                suffixed = (len(rest) == 1 or all(w in {"co", "ltd", "inc", "group", "limited", "corp"}
                                                   for w in rest)) and all(w in generic for w in rest) \
                    and (_compatible(etype, otype) or key not in self.strong)
                event_stem = (otype is EntityType.EVENT and etype is not EntityType.EVENT_SERIES and len(words) > 2
                              and words[-1].lower() == head_word(other.label))
                if surname or suffixed or event_stem:
                    cands.append(other_key)
            if not cands and len(words) >= 2 and self._vote(key) is EntityType.EVENT:
                cands = [k for k, o in ents.items() if k != key and not o.scope
                         and self._vote(k) is EntityType.EVENT and len(o.label.split()) > len(words)
                         and f" {ent.label.lower()} " in " " + re.split(
                             r"\s+(?:of|for)\s+", o.label.lower())[0] + " "
                         and head_word(o.label) == head_word(ent.label)]
            if not cands and len(words) > 2 and words[-1].lower() in lx.EVENT_HEADS:
                stem = words[:-1]
                cands = [k for k, o in ents.items() if k != key and o.label.split()[:len(stem)]
                         == stem and self._vote(k) is EntityType.EVENT and head_word(
                             o.label) == words[-1].lower()]
            if len(cands) == 1:
                remap[key] = cands[0]
        for key, target in remap.items():
            while target in remap:
                target = remap[target]
            self._merge(key, target, f"{ents[key].label!r} is a short form of {ents[target].label!r}")

    def _merge(self, key: str, target: str, reason: str) -> None:
        ents = self.ex.entities
        self._merged[key] = target
        src = ents.pop(key)
        dst = ents[target]
        self.alias(target, src.label)
        for a in src.aliases:
            self.alias(target, a)
        dst.notes.append(reason)
        self.votes[target].update(self.votes.pop(key, Counter()))
        for m in self.mentions:
            if m.key == key:
                m.key = target
        for n, k in list(self.key_by_norm.items()):
            if k == key:
                self.key_by_norm[n] = target
        for acr, k in list(self.acronyms.items()):
            if k == key:
                self.acronyms[acr] = target
        self.facts = {(target if s == key else s, r, target if o == key else o)
                      for s, r, o in self.facts}
        if self.main_event == key:
            self.main_event = target

    def _vote(self, key: str) -> EntityType | None:
        if key in self.strong:
            return self.strong[key]
        votes = self.votes.get(key)
        return votes.most_common(1)[0][0] if votes else None

    def _type_from_cues(self) -> None:
        """Untyped names take the type their context gives ("companies like X", "company X")."""
        cue_words = "|".join(sorted(lx.LIST_CUES, key=len, reverse=True))
        for m in self.mentions:
            if m.key in self.strong:
                continue
            before = self.text[max(0, m.start - 80):m.start]
            cue = re.search(rf"\b({cue_words})\s+(?:(?:such\s+as|like|including|as)\s+)?"
                            r"(?:[A-Z][\w&'.-]*(?:\s+[A-Z&][\w&'.-]*)*\s*(?:,\s*and|,|and)\s+)*$",
                            before, re.I)
            if cue and not re.search(r"\b(?:in|from|at|of)\s+$", before):
                etype = lx.LIST_CUES[cue.group(1).lower()]
                self.votes[m.key][etype] += 3
            elif re.search(r"\b(?:company|firm|maker|drugmaker|giant|group|manufacturer|developer)\s+$",
                           before, re.I):
                self.votes[m.key][EntityType.COMPANY] += 3
            elif re.search(r"\bsign(?:ed|ing)?\s+(?:the\s+)?$", before) and head_word(
                    self.ex.entities[m.key].label) in {"initiative", "consensus", "statement", "plan",
                                                       "declaration", "convention", "agreement", "charter"}:
                self.votes[m.key][EntityType.AGREEMENT] += 10
                self.strong[m.key] = EntityType.AGREEMENT
            elif _ROLE_OF.search(before) and self._vote(m.key) in (None, EntityType.PERSON):
                self.votes[m.key][EntityType.COMPANY] += 3  # "general manager of Servier China"
        for key, ent in self.ex.entities.items():
            t = self._vote(key)
            # an organization named without a head noun ("Bayer", "Sanofi") is, in this news,
            # almost always a company
            ent.type = t if t is not None else EntityType.COMPANY

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
    def _sentence(self, i: int, sent: Any) -> _Sentence:
        ms = [m for m in self.mentions if sent.start_char <= m.start < sent.end_char]
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
        return _Sentence(self, i, sent, ph, keys, ms)

    def fact(self, s: str, rel: Relation, o: str | Literal, char: int) -> None:
        if isinstance(o, str) and o == s:
            return
        sent = self.sents[self.sent_of_char[min(char, len(self.text) - 1)]]
        ev = _evidence(self.article.name, sent)
        sig = (s, rel, o if isinstance(o, str) else f"lit:{o.value}")
        if sig in self.facts:
            return
        self.facts.add(sig)
        self.ex.facts.append(Fact(s, rel, o, ev))

    def type_of(self, key: str) -> EntityType:
        return self.ex.entities[key].type

    # ------------------------------------------------------------------ finishing
    def _final_key(self, key: str) -> str:
        while key in self._merged:
            key = self._merged[key]
        return key

    def _apply_merges(self) -> None:
        """Point every fact, post and agreement at the entity its mentions were merged into."""
        fk = self._final_key
        self.ex.facts = [Fact(fk(f.subject), f.relation, fk(f.object) if isinstance(f.object, str)
                              else f.object, f.evidence) for f in self.ex.facts]
        self.ex.facts = [f for f in self.ex.facts if f.subject != f.object]
        self.ex.posts = [Post(fk(p.person), p.role, fk(p.organization) if p.organization else None,
                              p.evidence) for p in self.ex.posts]
        for ag in self.ex.agreements:
            ag.sides = [[fk(k) for k in side] for side in ag.sides]
            ag.event = fk(ag.event) if ag.event else None
        self._owner_of = {fk(k): fk(v) for k, v in self._owner_of.items()}
        self._pending_sub = [(fk(k), c, s) for k, c, s in self._pending_sub]
        if self.main_event:
            self.main_event = fk(self.main_event)

    def _finish(self) -> None:
        self._apply_merges()
        ents = self.ex.entities
        # agents of events are organizations, even when their name ends in "Forum"
        for f in self.ex.facts:
            if (f.relation in (Relation.HOST, Relation.ORGANIZER) and isinstance(f.object, str)
                    and ents[f.object].type in (EntityType.EVENT, EntityType.EVENT_SERIES)):
                ents[f.object].type = EntityType.ORGANIZATION
        for key, owner in self._owner_of.items():
            if key in ents and owner in ents:
                if ents[owner].type in (EntityType.EVENT, EntityType.EVENT_SERIES):
                    ents[owner].type = EntityType.ORGANIZATION
                if not any(f.subject == key and f.relation in (Relation.HOST, Relation.ORGANIZER)
                           for f in self.ex.facts):
                    self.fact(key, Relation.ORGANIZER, owner, self._first_char(key))
        # sub-events: listed ones, and description-named activities of the article's event
        for key, char, _sent in self._pending_sub:
            parent = self.event_left_of(char) or self.main_event
            if parent and parent != key:
                self.fact(key, Relation.SUB_EVENT_OF, parent, char)
        if self.main_event:
            for key, ent in ents.items():
                if (ent.scope and ent.type is EntityType.EVENT and key != self.main_event
                        and not any(f.subject == key and f.relation is Relation.SUB_EVENT_OF
                                    for f in self.ex.facts)
                        and self.heads.get(key) in {"ceremony", "exhibition", "session",
                                                    "dialogue", "sub-forum", "roundtable",
                                                    "show", "experience hall", "exhibition area"}):
                    self.fact(key, Relation.SUB_EVENT_OF, self.main_event, self._first_char(key))
        self._durations()
        self._most_specific_locations()
        # drop entities that no fact, post or agreement mentions, unless named in the text
        used = {f.subject for f in self.ex.facts} | {f.object for f in self.ex.facts
                                                    if isinstance(f.object, str)}
        used |= {p.person for p in self.ex.posts} | {p.organization for p in self.ex.posts
                                                     if p.organization}
        for ag in self.ex.agreements:
            used |= set(ag.parties)
            if ag.event:
                used.add(ag.event)
        used |= {a.key for a in self.ex.agreements}
        for key in list(ents):
            if key not in used and (ents[key].scope or key not in self.strong
                                    or ents[key].type is EntityType.AGREEMENT):
                del ents[key]
        for key, ent in ents.items():
            m = re.match(r"(.+?)\s+of\s+(?:the\s+)?(.+)$", ent.label)
            if ent.type is EntityType.EVENT and m and head_word(m.group(1)) in lx.EVENT_HEADS:
                self.alias(key, m.group(1))  # "X Forum of Y" is also called "X Forum"

    def _most_specific_locations(self) -> None:
        """An event held at a venue in a city is located at the venue (the venue is in the city)."""
        ents = self.ex.entities
        venues = {f.subject for f in self.ex.facts if f.relation is Relation.LOCATION
                  and isinstance(f.object, str) and ents[f.object].type is EntityType.VENUE}
        self.ex.facts = [f for f in self.ex.facts if not (
            f.relation is Relation.LOCATION and f.subject in venues and isinstance(f.object, str)
            and ents[f.object].type is EntityType.PLACE)]

    def _first_char(self, key: str) -> int:
        return next((m.start for m in self.mentions if m.key == key), 0)

    def event_left_of(self, char: int) -> str | None:
        best = None
        for m in self.mentions:
            if m.end <= char and self.type_of(m.key) is EntityType.EVENT and \
                    self.sent_of_char[m.start] == self.sent_of_char[char]:
                best = m.key
        return best

    def _durations(self) -> None:
        starts = {f.subject: f for f in self.ex.facts if f.relation is Relation.START_DATE}
        ends = {f.subject: f for f in self.ex.facts if f.relation is Relation.END_DATE}
        for sent in self.sents:
            n = duration_days(sent.text)
            if not n or n < 2 or not self.main_event:
                continue
            key = self.main_event
            if key in ends and key not in starts:
                end_lit = ends[key].object
                if isinstance(end_lit, Literal) and end_lit.date:
                    start = shift(end_lit.date, -(n - 1))
                    if start:
                        self.fact(key, Relation.START_DATE, Literal(start.lexical, start),
                                   sent.start_char)
            elif key in starts and key not in ends:
                start_lit = starts[key].object
                if isinstance(start_lit, Literal) and start_lit.date:
                    end = shift(start_lit.date, n - 1)
                    if end:
                        self.fact(key, Relation.END_DATE, Literal(end.lexical, end),
                                   sent.start_char)

    def dates_in(self, sent: Any, event: str | None) -> DateSpan | None:
        spans = self.date_spans(sent, event)
        return spans[0][0] if spans else None

    def date_spans(self, sent: Any, event: str | None) -> list[tuple[DateSpan, bool]]:
        """Every date of a sentence, each with whether it closes a period ("runs until Nov 10")."""
        year_hint = self.edition_year.get(event or "")
        past = not re.search(r"\b(?:will|to be held|is scheduled|is set to|is expected|are expected)\b",
                             sent.text)
        out: list[tuple[DateSpan, bool]] = []
        found = [(e.start_char, e.end_char) for e in self.ents_by_sent.get(self.sent_of_char[sent.start_char], ())
                 if e.label_ == "DATE"]
        # the NER misses bare months in damaged text ("from Oct  to ."); capitalised, so not "may"
        found += [(sent.start_char + m.start(), sent.start_char + m.end())
                  for m in re.finditer(r"\b" + MONTH + r"(?=\W)", sent.text)
                  if not any(s <= sent.start_char + m.start() < e for s, e in found)]
        found.sort()
        for start_char, end_char in found:
            # take the range phrase around the date ("from April 20 to 21")
            lo = max(sent.start_char, start_char - 6)
            phrase = self.text[lo:min(sent.end_char, end_char + 12)]
            span = parse_span(phrase, self.article.published, year_hint, past)
            if span is not None and (span.start or span.end):
                closing = bool(re.search(r"\b(?:through|until|till|to|ends?\s+on|closes\s+on)\s*$",
                                         self.text[max(sent.start_char, start_char - 16):start_char]))
                out.append((span, closing and not span.ranged))
        return out


_DEMONYMS_RE = "|".join(sorted((re.escape(d) for d in lx.DEMONYMS), key=len, reverse=True))
# "German drugmaker Bayer AG", "Kenyan drug distributor X", "Swiss X"
_COUNTRY_OF = re.compile(r"\b(?P<d>" + _DEMONYMS_RE + r")(?:-based)?\s+(?:(?!(?:in|of|at|for|from|on|to|with|"
                         r"by|the|a|an)\b)[a-z][\w&-]*\s+){0,5}?(?P<x>" + E + ")", re.I)
# Cheap tests that let a sentence skip a family of patterns it cannot match.
_HAS_SIGN = re.compile(r"\b(?:sign|ink|reach|conclud|enter|struck|seal|penn|clinch)", re.I)
_HAS_EXHIBIT = re.compile(r"exhibit|showcas|display|present|unveil|demonstrat|booth|stand|product|medicine|"
                          r"drug|device|equipment|technolog|innovation|solution|achievement|robot|vaccine|"
                          r"therap", re.I)
_HAS_ROLE = re.compile(r"\b(?:" + "|".join(sorted(lx.ROLE_WORDS, key=len, reverse=True)) + r"|heads|leads|chairs|"
                       r"directs|runs|founded)\b", re.I)
_HAS_AGENT_VERB = re.compile(r"host|organi[sz]|sponsor|undertak|held|hold|conven|stag|initiat|launch", re.I)


class _Sentence:
    """One sentence in placeholder form, and the patterns read from it."""

    def __init__(self, r: _Reader, index: int, sent: Any, ph: str, keys: list[str],
                 ms: list[Mention]) -> None:
        self.r = r
        self.index = index
        self.sent = sent
        self.ph = ph
        self.keys = keys
        self.ms = ms
        self.char = sent.start_char

    def key(self, token: str) -> str:
        return self.keys[int(token.strip("⟦⟧"))]

    def items(self, text: str) -> list[str]:
        """Keys named in a list, skipping possessors ("Pudong's Zhangjiang Town" -> Zhangjiang Town)."""
        text = re.sub(_APPOS, ",", text)
        return [self.key(m.group(0)) for m in re.finditer(E + r"(?!['’]s\s)", text)]

    def surface(self, m: re.Match[str]) -> str:
        """The original text of a "⟦b⟧'s ⟦a⟧" match."""
        first = self.ms[int(m.group("b").strip("⟦⟧"))]
        last = self.ms[int(m.group("a").strip("⟦⟧"))]
        return self.r.text[first.start:last.end]

    def typ(self, key: str) -> EntityType:
        return self.r.type_of(key)

    def is_event(self, key: str) -> bool:
        return self.typ(key) is EntityType.EVENT

    def agents(self, text: str) -> list[str]:
        return [k for k in self.items(text) if self.typ(k) not in (EntityType.EVENT,
                                                                  EntityType.AGREEMENT)]

    def events_in(self, text: str) -> list[str]:
        return [k for k in self.items(text) if self.is_event(k)]

    def event_near(self, pos: int) -> str | None:
        """The event this part of the sentence is about: nearest before, else after, else the
        article's event."""
        left = self.events_in(self.ph[:pos])
        if left:
            return left[-1]
        right = self.events_in(self.ph[pos:])
        if right:
            return right[0]
        return self.r.main_event

    def focus(self) -> str | None:
        """The event a sentence naming none is about: an exhibition just introduced in one of the
        two sentences before ("A special exhibition area covers ... . Servier showcased ..."),
        else the article's event."""
        for back in (1, 2):
            i = self.index - back
            if i < 0:
                break
            ms = [m for m in self.r.mentions if m.sent == i and self.r.type_of(m.key) is EntityType.EVENT]
            if ms:
                first = ms[0].key
                ent = self.r.ex.entities[first]
                if ent.scope and self.r.heads.get(first) in {"exhibition", "exhibition area",
                                                               "experience hall", "show"}:
                    return first
                break
        return self.r.main_event

    def fact(self, s: str | None, rel: Relation, o: str | Literal | None) -> None:
        if s is None or o is None:
            return
        self.r.fact(s, rel, o, self.char)

    def read(self) -> None:
        self.agents_of_events()
        self.occurrence()
        self.participation()
        self.exhibitors()
        self.sub_events()
        self.theme()
        self.posts()
        self.organizations()
        self.places()
        self.agreements()
        self.statistics()

    # -- hosts and organizers
    def agents_of_events(self) -> None:
        ph = self.ph
        if not _HAS_AGENT_VERB.search(ph):
            return
        passive = _re(
            r"\b(?:(?:co-?|jointly\s+|also\s+)?(?P<v>hosted|organi[sz]ed|co-organi[sz]ed|"
            r"sponsored|undertaken|held|convened|staged|initiated|launched|co-hosted|cohosted)"
            r")\s+(?:jointly\s+)?by\s+(?P<a>" + LIST + ")", re.I)
        for m in passive.finditer(ph):
            v = m.group("v").lower()
            rel = Relation.ORGANIZER if ("organi" in v or v in {"undertaken", "initiated",
                                                                 "launched"}) else Relation.HOST
            event = self.event_near(m.start())
            for a in self.agents(m.group("a")):
                self.fact(event, rel, a)
        active = _re(
            r"(?P<a>" + LIST + r")\s+(?:(?:jointly|also|have|has|had|will|co-)\s*)*"
            r"(?P<v>hosted|host|organi[sz]ed|organi[sz]e|co-hosted|co-organi[sz]ed|held|"
            r"convened|staged)\s+(?:the\s+|a\s+|an\s+)?(?P<e>" + E + ")", re.I)
        for m in active.finditer(ph):
            event = self.key(m.group("e"))
            if not self.is_event(event):
                continue
            v = m.group("v").lower()
            rel = Relation.ORGANIZER if "organi" in v else Relation.HOST
            for a in self.agents(m.group("a")):
                self.fact(event, rel, a)

    # -- places and dates of occurrence
    def occurrence(self) -> None:
        ph = self.ph
        pat = _re(r"(?P<e>" + E + r")(?:,[^,.;]{0,160},)?[^⟦.;]{0,60}?\b" + _OCCUR + r"\b(?P<rest>[^;]*)",
                         re.I)
        for m in pat.finditer(ph):
            event = self.key(m.group("e"))
            if not self.is_event(event):
                continue
            rest = m.group("rest")
            cut = re.search(r"\b(?:while|whereas|with the|and the)\b|" + E + r"\s+(?:is|was|will)",
                            rest)
            clause = rest[: cut.start()] if cut else rest
            for pm in re.finditer(r"\b(?:in|at|on)\s+(?:the\s+)?(?:" + E + r"['’]s\s+)?(?P<p>" + E + r")", clause):
                place = self.key(pm.group("p"))
                if self.typ(place) in (EntityType.PLACE, EntityType.VENUE):
                    self.fact(event, Relation.LOCATION, place)
                    break
            self.dates(event, m.group("verb").lower())
        held = _re(r"\b(?:held|hosted|organi[sz]ed|staged|convened|opened|launched)\s+(?:the\s+)?(?P<e>"
                          + E + r")(?P<rest>[^;]*)", re.I)
        for m in held.finditer(ph):
            event = self.key(m.group("e"))
            if not self.is_event(event):
                continue
            clause = re.split(r"\b(?:while|whereas|and the)\b|" + E + r"\s+(?:is|was|will)", m.group("rest"))[0]
            for pm in re.finditer(r"\b(?:in|at|on)\s+(?:the\s+)?(?:" + E + r"['’]s\s+)?(?P<p>" + E + r")", clause):
                place = self.key(pm.group("p"))
                if self.typ(place) in (EntityType.PLACE, EntityType.VENUE):
                    self.fact(event, Relation.LOCATION, place)
                    break
            if re.search(r"\b(?:on|from)\s+(?:" + MONTH + r"|\w+day)", clause):
                self.dates(event, "held")
        for m in re.finditer(r"\bopening\s+(?:day|ceremony)\s+of\s+(?:the\s+)?(?P<e>" + E + ")", ph, re.I):
            event = self.key(m.group("e"))
            span = self.r.dates_in(self.sent, event)
            if self.is_event(event) and span is not None and span.start is not None:
                self.lit(event, Relation.START_DATE, span.start)
        loc = _re(r"(?P<e>" + E + r")(?:,?\s+(?:which\s+is\s+|is\s+|will\s+be\s+)?(?:located|set\s+up|"
                         r"housed|hosted|staged))?\s+"
                         r"(?:in|at)\s+(?:the\s+)?(?P<p>" + E + ")", re.I)
        for m in loc.finditer(ph):
            event, place = self.key(m.group("e")), self.key(m.group("p"))
            if self.is_event(event) and self.typ(place) in (EntityType.PLACE, EntityType.VENUE):
                self.fact(event, Relation.LOCATION, place)

    def dates(self, event: str, verb: str) -> None:
        """Start and end dates from the sentence's dates and its verb ("opened on" -> start,
        "closed on" -> end, "from ... to ..." -> both, "runs until" -> end)."""
        first = verb.split()[0]
        used_verb = False
        for span, closing in self.r.date_spans(self.sent, event):
            if closing:
                self.lit(event, Relation.END_DATE, span.end)
            elif span.ranged:
                self.lit(event, Relation.START_DATE, span.start)
                self.lit(event, Relation.END_DATE, span.end)
                used_verb = True
            elif not used_verb:
                used_verb = True
                if first in _END_VERBS or "close" in verb or "wrapped" in verb:
                    self.lit(event, Relation.END_DATE, span.end)
                else:
                    self.lit(event, Relation.START_DATE, span.start)

    def lit(self, s: str, rel: Relation, d: PartialDate | None) -> None:
        if d is not None:
            self.fact(s, rel, Literal(d.lexical, d))

    # -- participants
    def participation(self) -> None:
        ph = self.ph
        verbs = (r"(?:attended|attend|attends|participated\s+in|participate\s+in|took\s+part\s+in|"
                 r"take\s+part\s+in|joined|join|were\s+present\s+at|was\s+present\s+at|visited|"
                 r"graced|signed\s+up\s+for|registered\s+for|toured|inspected|spoke\s+at|addressed)")
        m = re.search(r"^(?P<subj>.*?)\b(?:will\s+|all\s+|also\s+|have\s+|has\s+)*" + verbs +
                      r"\s+(?:the\s+)?(?P<rest>.*)$", ph, re.I)
        if m:
            rest = m.group("rest")
            em = re.match(r"(?:[\w'-]+\s+){0,3}?(?P<e>" + E + ")", rest)
            event = self.key(em.group("e")) if em else None
            if event is None or not self.is_event(event):
                event = self.event_near(m.start("rest")) if "⟦" in rest[:40] else self.r.main_event
            subj = m.group("subj")
            for key in self.items(subj):
                if self.typ(key) is EntityType.PERSON or self._listed_agent(subj, key):
                    self.fact(event, Relation.PARTICIPANT, key)
            inc = re.search(r"\b(?:including|such\s+as|like)\s+(?P<l>.*)$", rest)
            if inc:
                tail = inc.group("l")
                for tok in re.findall(E, tail):
                    key = self.key(tok)
                    before = tail[: tail.index(tok)]
                    if re.search(r"\b(?:of|at|from|under|with|for)\s+(?:the\s+)?$", before) or \
                            self.typ(key) in (EntityType.EVENT, EntityType.AGREEMENT, EntityType.VENUE):
                        continue
                    self.fact(event, Relation.PARTICIPANT, key)
        gather = re.search(r"(?P<e>" + E + r")[^⟦.;]{0,80}?\b(?:brought\s+together|gathered|attracted|"
                           r"drew|welcomed|brings\s+together|gathers|attracts)\b[^⟦.;]{0,80}?\b(?:including|"
                           r"such\s+as|like|among\s+them)\s+(?P<l>" + LIST + ")", ph, re.I)
        if gather and self.is_event(self.key(gather.group("e"))):
            for a in self.agents(gather.group("l")):
                self.fact(self.key(gather.group("e")), Relation.PARTICIPANT, a)
        speech = re.search(r"\b(?:at|during|told|addressed)\s+(?:the\s+)?(?P<e>" + E + r")", ph, re.I)
        spoke = re.search(r"\b(?:said|says|noted|stressed|told|delivered|addressed|spoke|announced|pointed\s+out|"
                          r"introduced|presented|briefed)\b",
                          ph)
        speech_event: str | None = None
        if speech and spoke and self.is_event(self.key(speech.group("e"))):
            speech_event = self.key(speech.group("e"))
        elif re.search(r"\b(?:delivered|gave|made)\s+(?:an?\s+)?(?:\w+\s+){0,2}?(?:speech|speeches|address|"
                       r"remarks|report)|\b(?:opening|keynote|welcome)\s+(?:speech|address|remarks)|"
                       r"\bchair\s+of\s+the\s+" + E, ph, re.I):
            speech_event = self.event_near(0)
        if speech_event is not None:
            for key in self.items(ph):
                if self.typ(key) is EntityType.PERSON:
                    self.fact(speech_event, Relation.PARTICIPANT, key)
        by = re.search(r"\battended\s+by\s+(?P<l>" + LIST + ")", ph, re.I)
        if by:
            event = self.event_near(by.start())
            for a in self.agents(by.group("l")):
                self.fact(event, Relation.PARTICIPANT, a)
        for g in re.finditer(r"(?P<x>" + E + r")(?:\s+as|,)\s+(?:the\s+)?(?:guest\s+)?(?:guest|country|region|city|"
                             r"province)\s+of\s+"
                             r"hono(?:u)?r|\b(?:guest|country|region|city|province)s?\s+of\s+hono(?:u)?r,?\s+"
                             r"(?:was\s+|is\s+)?(?:the\s+)?(?P<y>" + E + ")", ph, re.I):
            self.fact(self.event_near(g.start()), Relation.PARTICIPANT, self.key(g.group("x") or g.group("y")))
        for g in re.finditer(r"\bdelegations?\s+(?:from|of)\s+(?P<l>" + LIST + ")", ph, re.I):
            for a in self.agents(g.group("l")):
                self.fact(self.event_near(g.start()), Relation.PARTICIPANT, a)

    def _listed_agent(self, subj: str, key: str) -> bool:
        """An organization in the subject list itself, not inside a person's post."""
        idx = [self.key(t) for t in re.findall(E, subj)].index(key)
        tokens = re.findall(E, subj)
        tok = tokens[idx]
        before = subj[: subj.index(tok)]
        if re.search(r"\b(?:of|at|from|under|with|in|for)\s+(?:the\s+)?$", before):
            return False
        if re.match(r"['’]s?\s+" + _ROLE, subj[subj.index(tok) + len(tok):]):
            return False  # "Neusoft Medical Systems' president Mo Lihua": the person attends
        return self.typ(key) not in (EntityType.EVENT, EntityType.AGREEMENT, EntityType.PLACE,
                                     EntityType.VENUE, EntityType.EVENT_SERIES)

    # -- exhibitors
    def exhibitors(self) -> None:
        ph = self.ph
        if not _HAS_EXHIBIT.search(ph):
            return
        pats = [
            r"(?P<l>" + LIST + r")\s+(?:also\s+|will\s+|have\s+|has\s+)*(?:exhibited|showcased|"
            r"displayed|presented|exhibit|showcase|display|unveiled|demonstrated|set\s+up\s+(?:booths?|"
            r"stands?|pavilions?)|had\s+(?:booths?|stands?)|brought\s+(?:\w+\s+){0,3}?(?:products|"
            r"devices|equipment|technologies|innovations|drugs|medicines|solutions|exhibits))\b",
            r"\b(?:products?|medicines?|drugs?|devices?|equipment|technolog(?:y|ies)|innovations?|"
            r"solutions?|booths?|exhibits?|achievements|robots?|vaccines?|therapies)\s+(?:by|from|of)"
            r"\s+(?:(?:companies|enterprises|firms|exhibitors|makers)\s+)?(?:like\s+|such\s+as\s+|"
            r"including\s+)?(?P<l>" + LIST + ")",
            r"\bexhibitors?\s+(?:include[sd]?|including|such\s+as|like|were|are)\s+(?:(?:[\w-]+\s+){0,3}?"
            r"(?:such\s+as|like|including)\s+)?(?P<l>" + LIST + ")",
            r"\b(?:showcased|displayed|exhibited)\s+(?:the\s+)?(?:products|innovations|"
            r"technologies)\s+of\s+(?P<l>" + LIST + ")",
            r"\b(?:exhibited|showcased|displayed|presented)\b[^;]*?\b(?:including|such\s+as)\s+(?P<l>" + LIST + ")",
            r"\b(?:including|such\s+as)\s+(?P<l>" + LIST + r"),?\s+(?:also\s+|have\s+|has\s+)*(?:exhibited|"
            r"showcased|displayed|presented|set\s+up\s+booths?)\b",
        ]
        for p in pats:
            for m in re.finditer(p, ph, re.I):
                event = self.focus() if not self.events_in(ph) else self.event_near(m.start())
                for a in self.agents(m.group("l")):
                    if self.typ(a) in (EntityType.PLACE, EntityType.VENUE, EntityType.PERSON):
                        continue
                    self.fact(event, Relation.EXHIBITOR, a)

    # -- sub-events
    def sub_events(self) -> None:
        ph = self.ph
        for m in re.finditer(r"(?P<x>" + E + r")\s+(?:has\s+been|have\s+been|was|were|is|are|"
                             r"will\s+be)\s+(?:\w+\s+)?included\s+in\s+(?:the\s+)?(?P<e>" + E
                             + ")", ph, re.I):
            x, e = self.key(m.group("x")), self.key(m.group("e"))
            if self.is_event(x) and self.is_event(e):
                self.fact(x, Relation.SUB_EVENT_OF, e)
        for m in re.finditer(r"(?P<x>" + E + r"),?\s+(?:a|an|one|the)\s+(?:[\w-]+\s+){0,3}?"
                             r"(?:sub-forum|parallel\s+forum|side\s+event|session|part|event|"
                             r"activity)\s+(?:of|at|during|under)\s+(?:the\s+)?(?P<e>" + E + ")",
                             ph, re.I):
            x, e = self.key(m.group("x")), self.key(m.group("e"))
            if self.is_event(x) and self.is_event(e):
                self.fact(x, Relation.SUB_EVENT_OF, e)
        for m in re.finditer(r"(?P<x>" + E + r"),?\s+(?:one\s+of\s+the|among\s+the)\s+(?:[\w-]+\s+){0,3}?"
                             r"(?:forums|sub-forums|sessions|events|activities|summits|conferences|exhibitions|"
                             r"meetings|dialogues)(?:\s+(?:of|at|during)\s+(?:the\s+)?(?P<e>" + E + r"))?",
                             ph, re.I):
            x = self.key(m.group("x"))
            parent = self.key(m.group("e")) if m.group("e") else self.r.main_event
            if self.is_event(x) and parent and self.is_event(parent):
                self.fact(x, Relation.SUB_EVENT_OF, parent)
        for m in re.finditer(r"\bas\s+(?:a|an|one\s+of\s+the)\s+(?:[\w-]+\s+){0,3}?(?:event|forum|session|activity|"
                             r"sub-forum|meeting|exhibition)s?\s+(?:of|at|during|under)\s+(?:the\s+)?(?:\w+\s+)?"
                             r"(?P<e>" + E + ")",
                             ph, re.I):
            parent = self.key(m.group("e"))
            subject = next((k for k in self.events_in(ph[: m.start()]) if k != parent), None)
            if subject is not None and self.is_event(parent):
                self.fact(subject, Relation.SUB_EVENT_OF, parent)  # "..., as a parallel event of the expo"
        for m in re.finditer(r"\b(?:during|at|on\s+the\s+sidelines\s+of|as\s+part\s+of)\s+(?:the\s+)?"
                             r"(?P<e>" + E + ")", ph, re.I):
            parent = self.key(m.group("e"))
            if not self.is_event(parent):
                continue
            strict = m.group(0).lower().startswith("at")
            for k in self.events_in(ph[: m.start()]):
                ent = self.r.ex.entities[k]
                if k == parent or k == self.r.main_event or self.r.heads.get(k) == self.r.heads.get(parent):
                    continue
                if ent.scope or not strict:
                    self.fact(k, Relation.SUB_EVENT_OF, parent)

    # -- theme
    def theme(self) -> None:
        text = re.sub(r"\s+", " ", self.sent.text)
        quoted = re.search(r"\b(?:theme|title|slogan|themed)\b(?:\s+of)?(?:\s+(?:is|was|being))?"
                           r"\s*[:,]?\s*[\"“'‘](?P<t>[^\"”’]{3,160}?)[,.]?[\"”'’]", text, re.I)
        bare = re.search(r"\b(?i:with|under|carrying|bearing)\s+the\s+(?:theme|title|slogan)"
                         r"(?:\s+of)?\s+(?P<t>[A-Z][^\"“]{3,120}?)(?=,\s+(?:the|this|these|it|which"
                         r"|and|where)\b|\.$|$)", text)
        m = quoted or bare
        if not m:
            return
        theme = m.group("t").strip(" ,.")
        pos = self.ph.lower().find("them") if "them" in self.ph.lower() else self.ph.lower().find(
            "title")
        event = self.event_near(max(pos, 0))
        if event is not None and self.typ(event) is EntityType.EVENT:
            self.fact(event, Relation.THEME, Literal(theme))

    # -- people's posts
    def posts(self) -> None:
        ph = self.ph
        if not _HAS_ROLE.search(ph):
            return
        title = r"(?:(?:Dr|Prof|Professor|Mr|Ms|Mrs|Madam)\.?\s+)?"
        pats = [
            # "Wu Min, president of Xinhua Hospital", "X, a vice-minister of Y", "X, China director of Y"
            r"(?P<p>" + E + r")\s*(?:\([^)]{0,20}\)\s*)?,\s*(?:the\s+|an?\s+)?(?:(?P<rp>" + E + r")\s+)?" + _ROLE +
            r"\s+(?:of|at|for)\s+(?:the\s+)?(?P<o>" + E + ")",
            # "Xinhua Hospital president Wu Min", "Wujin's district head Ding Lixia"
            r"(?P<o>" + E + r")(?:['’]s?)?\s+" + _ROLE + r"\s+" + title + r"(?P<p>" + E + ")",
            # "the Chief Executive of the Hospital Authority, Dr Michael Yau"
            _ROLE + r"\s+of\s+(?:the\s+)?(?P<o>" + E + r")\s*,?\s+" + title + r"(?P<p>" + E + ")",
            # "Erik Lindqvist, Permobil's vice-president"
            r"(?P<p>" + E + r"),\s+(?P<o>" + E + r")['’]s\s+" + _ROLE + r"(?=[\s,.]|$)",
        ]
        who = _re(r"(?P<p>" + E + r"),\s+(?:an?\s+(?:[\w-]+\s+){0,3}?)?who\s+(?P<v>heads|leads|chairs|"
                         r"directs|runs|founded|co-founded)\s+(?:the\s+)?(?P<o>" + E + ")")
        for m in who.finditer(ph):
            person, org = self.key(m.group("p")), self.key(m.group("o"))
            if self.typ(person) is EntityType.PERSON and self.typ(org) not in (
                    EntityType.PERSON, EntityType.EVENT, EntityType.AGREEMENT):
                role = {"heads": "head", "leads": "leader", "chairs": "chair", "directs": "director",
                        "runs": "head", "founded": "founder", "co-founded": "co-founder"}[m.group("v")]
                self.r.ex.posts.append(Post(person, role, org, _evidence(self.r.article.name, self.sent)))
                self.fact(person, Relation.AFFILIATION, org)
                self.fact(person, Relation.ROLE, Literal(role))
        for p in pats:
            for m in re.finditer(p, ph):
                person, org = self.key(m.group("p")), self.key(m.group("o"))
                if not self.person_like(person) or self.typ(org) in (
                        EntityType.PERSON, EntityType.EVENT, EntityType.AGREEMENT):
                    continue
                role = re.sub(r"\s+", " ", m.group("role")).strip()
                if m.groupdict().get("rp"):  # "China director": a place word is part of the post
                    role = f"{self.r.ex.entities[self.key(m.group('rp'))].label} {role}"
                if role.lower().split()[-1] not in lx.ROLE_WORDS and "-" not in role:
                    continue
                self.r.ex.posts.append(Post(person, role, org, _evidence(self.r.article.name,
                                                                        self.sent)))
                self.fact(person, Relation.AFFILIATION, org)
                self.fact(person, Relation.ROLE, Literal(role))

    def person_like(self, key: str) -> bool:
        """A person, or a two- or three-word name nothing else typed, in a person's slot of a post
        pattern ("Adiljan Tursun, deputy director of ..."): the pattern types it."""
        ent = self.r.ex.entities[key]
        if ent.type is EntityType.PERSON:
            return True
        words = ent.label.split()
        if key in self.r.strong or not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
            return False
        ent.type = EntityType.PERSON
        return True

    # -- organizations: parents and countries
    def organizations(self) -> None:
        ph = self.ph
        orgs = (EntityType.ORGANIZATION, EntityType.COMPANY, EntityType.HOSPITAL,
                EntityType.GOVERNMENT_BODY)
        for m in re.finditer(r"(?P<a>" + E + r")\s*,?\s+(?:which\s+is\s+|is\s+)?(?:an?\s+(?:[\w-]+\s+){0,4}?)?"
                             r"(?:directly\s+)?"
                             r"(?:under|affiliated\s+(?:to|with)|a\s+subsidiary\s+of|a\s+unit\s+of|"
                             r"a\s+branch\s+of|part\s+of|a\s+division\s+of|owned\s+by|subordinate\s+"
                             r"to|a\s+member\s+of)\s+(?:the\s+)?(?P<b>" + E + ")", ph, re.I):
            a, b = self.key(m.group("a")), self.key(m.group("b"))
            if self.typ(a) in orgs and self.typ(b) in orgs:
                self.fact(a, Relation.PARENT_ORGANIZATION, b)
        for m in re.finditer(r"(?P<b>" + E + r")['’]s\s+(?:[a-z][\w-]*\s+){0,3}?(?P<a>" + E + ")", ph):
            a, b = self.key(m.group("a")), self.key(m.group("b"))
            if self.typ(a) in orgs and self.r.ex.entities[b].label in lx.COUNTRIES:
                self.fact(a, Relation.COUNTRY, b)  # "Tanzania's Muhimbili National Hospital"
            elif self.typ(a) in orgs and self.typ(b) in orgs and ph[m.end("b"):m.start("a")].strip() in {"'s", "’s"}:
                self.fact(a, Relation.PARENT_ORGANIZATION, b)
                self.r.alias(a, self.surface(m))
        for m in _COUNTRY_OF.finditer(ph):
            x = self.key(m.group("x"))
            if self.typ(x) in orgs and not self.r.ex.entities[x].label.lower().startswith(m.group("d").lower()):
                country = lx.DEMONYMS[m.group("d").lower()]
                ck = self.r.entity(country, EntityType.PLACE, strong=True)
                self.r.alias(ck, m.group("d"))
                self.fact(x, Relation.COUNTRY, ck)

        for k in set(self.keys):
            ent = self.r.ex.entities.get(k)
            tail = re.search(r"\bof\s+(?:the\s+)?([A-Z][\w ]+)$", ent.label) if ent is not None else None
            if ent is not None and ent.type in orgs and tail and tail.group(1) in lx.COUNTRIES:
                self.fact(k, Relation.COUNTRY, self.r.entity(tail.group(1), EntityType.PLACE, strong=True))

    # -- places: containment
    def places(self) -> None:
        ph = self.ph
        places = (EntityType.PLACE, EntityType.VENUE)
        for m in re.finditer(r"(?P<b>" + E + r")['’]s\s+(?P<a>" + E + ")", ph):
            a, b = self.key(m.group("a")), self.key(m.group("b"))
            b_label = self.r.ex.entities[b].label
            if b_label in lx.COUNTRIES or re.fullmatch(r"(?:North|South|East|West|Northeast|Northwest|Southeast|"
                                                        r"Southwest|Central)\s+China", b_label):
                continue  # "south China's Guangxi": a region's description, not its containment
            if self.typ(a) in places and self.typ(b) is EntityType.PLACE:
                self.fact(a, Relation.LOCATED_IN, b)
                self.r.alias(a, self.surface(m))
        for k in set(self.keys):
            ent = self.r.ex.entities.get(k)
            if ent is None or ent.type not in places:
                continue
            m2 = re.match(r"(?P<a>.+?)\s+of\s+(?:the\s+)?(?P<b>[A-Z].+)$", ent.label)
            if m2 and type_by_head(m2.group("a")) in places and type_by_head(m2.group("b")) in \
                    places:
                b = self.r.entity(m2.group("b"), EntityType.PLACE, strong=True)
                self.fact(k, Relation.LOCATED_IN, b)
                self.r.alias(k, m2.group("a"))
            words = ent.label.split()
            if ent.type is EntityType.PLACE and 2 <= len(words) <= 3:
                prefix = self.r.key_by_norm.get(normalize_name(words[0]))
                if prefix and prefix != k and self.typ(prefix) is EntityType.PLACE and \
                        words[-1].lower() not in {"district", "county", "city", "province",
                                                  "town"}:
                    self.fact(k, Relation.LOCATED_IN, prefix)
        for m in re.finditer(r"(?P<a>" + E + r"),\s+(?:(?:the\s+)?capital\s+of\s+(?:[\w'’-]+\s+){0,4}?)?"
                             r"(?:the\s+)?(?:[\w-]+\s+)?(?:" + E + r"['’]s\s+)?(?P<b>" + E +
                             r")(?=\s*(?:[,.;]|$|\s+(?:and|to|on|in|with|where|which)\b))",
                             ph):
            a, b = self.key(m.group("a")), self.key(m.group("b"))
            head_b = head_word(self.r.ex.entities[b].label)
            if self.typ(a) is EntityType.PLACE and self.typ(b) is EntityType.PLACE and (
                    head_b in {"province", "region", "city", "municipality", "prefecture", "county",
                               "state"} or "capital of" in m.group(0)
                    or head_word(self.r.ex.entities[a].label) in {"district", "county", "town", "township"}):
                self.fact(a, Relation.LOCATED_IN, b)
        for m in re.finditer(r"(?P<a>" + E + r")[^⟦.;]{0,40}?\b(?:in|for|at)\s+(?:" + E + r"['’]s\s+)?(?P<b>" + E +
                             r")(?:['’]s\s+\w+\s+(?:district|area|suburbs?|outskirts))?", ph):
            a, b = self.key(m.group("a")), self.key(m.group("b"))
            if self.typ(a) in places and self.typ(b) is EntityType.PLACE and head_word(
                    self.r.ex.entities[a].label) in {"park", "zone", "hall", "center", "centre",
                                                     "base", "island", "valley"}:
                self.fact(a, Relation.LOCATED_IN, b)

    # -- agreements
    def agreements(self) -> None:
        ph = self.ph
        if not _HAS_SIGN.search(ph) and not re.search(r"\bwith\b[^:]*:", ph):
            return
        found = False
        with_pat = _re(r"(?P<a>" + LIST + r")\s+(?:(?:also|have|has|had|jointly|will|"
                              r"successfully|formally|then)\s+)*" + _SIGN + r"\s+" + _KIND +
                              r"(?:[^⟦.;]{0,60}?)\s+with\s+(?:[\w&-]+\s+){0,6}?(?P<b>" + LIST + ")", re.I)
        for m in with_pat.finditer(ph):
            a, b = self.subjects(m), self.agents(m.group("b"))
            if not a or not b:
                continue
            found = True
            kind = self.kind(m.group("kind"))
            # "agreements with A, B and C" (or "... respectively") is one agreement with each
            kind_text = m.group("kind").lower()
            plural = bool(re.search(r"\b(?:agreements|memoranda|mous|contracts|deals|accords|pacts|letters|"
                                    r"partnerships|protocols)\b", kind_text)) or kind_text.split()[0] in {
                "two", "three", "four", "five", "several"} or ph[m.end():m.end() + 14].lstrip().startswith(
                "respectively")
            event = self.event_for_agreement(m.end())
            if plural and len(b) > 1:
                for x in b:
                    self.agreement(kind, [a, [x]], event)
            else:
                self.agreement(kind, [a, b], event)
        bullet = _re(r"^[•·*-]?\s*(?P<a>" + LIST + r")\s+with\s+(?:[\w&-]+\s+){0,6}?(?P<b>" + LIST
                            + r")\s*[:：,-]\s*" + _KIND, re.I)
        for m in bullet.finditer(ph):
            a, b = self.agents(m.group("a")), self.agents(m.group("b"))
            if a and b:
                found = True
                self.agreement(self.kind(m.group("kind")), [a, b], self.event_for_agreement(m.end()))
        if found:
            return
        pair = _re(r"(?P<a>" + LIST + r")\s+(?:(?:also|have|has|had|jointly|will)\s+)*"
                          + _SIGN + r"\s+" + _KIND, re.I)
        for m in pair.finditer(ph):
            a = self.agents(m.group("a"))
            if len(a) >= 2 and not re.search(r"\bwith\b", ph[m.end():m.end() + 40]):
                found = True
                self.agreement(self.kind(m.group("kind")), [[x] for x in a],
                               self.event_for_agreement(m.end()))
        passive = _re(_KIND + r"(?:\s+(?:on|for|of)\s+[^⟦.;]{0,60}?)?\s+(?:was|were|has\s+been|have\s+been)"
                             r"\s+(?:also\s+)?(?:signed|inked|reached)\s+(?:between|by)\s+(?P<a>" + LIST + ")", re.I)
        between = _re(_KIND + r"\s+between\s+(?P<a>" + LIST + r")\s+(?:was|were|has\s+been|have\s+"
                             r"been|is|are)\s+(?:also\s+)?(?:signed|inked|reached)", re.I)
        for m in list(passive.finditer(ph)) + list(between.finditer(ph)):
            a = self.agents(m.group("a"))
            if len(a) >= 2:
                found = True
                self.agreement(self.kind(m.group("kind")), [[x] for x in a],
                               self.event_for_agreement(m.end()))
        # a named convention or declaration signed by a list of parties
        named = [k for k in self.keys if self.typ(k) is EntityType.AGREEMENT]
        named += [self.r.ceremony_for[k] for k in self.keys if k in self.r.ceremony_for]
        if named and not found and re.search(r"\bsign", ph, re.I):
            target = named[0]
            parties: list[str] = []
            for m in re.finditer(r"\b(?:including|such\s+as|like|namely)\s+(?P<l>" + LIST + ")",
                                 ph):
                parties += self.agents(m.group("l"))
            for m in re.finditer(r"(?P<l>" + LIST + r")\s+(?:have\s+|has\s+)?signed", ph):
                parties += self.agents(m.group("l"))
            parties = [p for p in dict.fromkeys(parties) if p != target]
            if parties:
                label = self.r.ex.entities[target].label
                kind = head_word(label)
                ceremonies = [k for k in self.keys if self.r.ceremony_for.get(k) == target]
                ev = ceremonies[0] if ceremonies else self.event_for_agreement(0)
                rec = AgreementRecord(target, kind, [parties], _evidence(
                    self.r.article.name, self.sent), label=label, event=ev)
                self.r.ex.agreements.append(rec)

    def subjects(self, m: re.Match[str]) -> list[str]:
        """The signatories of a subject list; a first item governed by a preposition ("a line in
        Yinchuan, and the hospital signed ...") belongs to the clause before."""
        items = self.items(m.group("a"))
        if items and re.search(r"\b(?:in|at|on|with|of|for|from|to|by|under|into)\s+(?:the\s+)?$",
                               self.ph[: m.start("a")]):
            items = items[1:]
        return [k for k in items if self.typ(k) not in (EntityType.EVENT, EntityType.AGREEMENT)]

    def kind(self, text: str) -> str:
        words = text.strip().split()
        while (words and words[0].lower() in {"a", "an", "the", "two", "three", "four", "five",
                                             "several"}) or (words and words[0].isdigit()):
            words = words[1:]
        kind = " ".join(words).lower()
        kind = re.sub(r"agreements$", "agreement", kind)
        kind = re.sub(r"memoranda", "memorandum", kind)
        kind = re.sub(r"(contract|deal|convention|declaration|accord|mou|partnership|pact)s$",
                      r"\1", kind)
        return kind

    def event_for_agreement(self, pos: int) -> str | None:
        at = re.search(r"\b(?:at|during|on\s+the\s+sidelines\s+of|on)\s+(?:the\s+)?(?P<e>" + E + ")",
                       self.ph[pos:])
        if at and self.is_event(self.key(at.group("e"))):
            return self.key(at.group("e"))
        events = self.events_in(self.ph)
        return events[0] if events else self.r.main_event

    def agreement(self, kind: str, sides: list[list[str]], event: str | None) -> None:
        n = len(self.r.ex.agreements)
        self.r.ex.agreements.append(AgreementRecord(
            f"ag{n}", kind, sides, _evidence(self.r.article.name, self.sent), event=event))

    # -- figures
    def statistics(self) -> None:
        for ent in self.r.ents_by_sent.get(self.index, ()):
            if ent.label_ not in {"CARDINAL", "QUANTITY", "PERCENT"}:
                continue
            num = re.search(r"\d[\d,]*(?:\.\d+)?", ent.text)
            if not num:
                continue
            value = num.group(0).replace(",", "")
            last = ent[-1]
            head = last.head if last.dep_ in {"nummod", "quantmod"} else None
            if ent.label_ == "PERCENT":
                what = "percent"
            elif head is not None and head.i > last.i and head.i - last.i <= 6 and head.pos_ in {
                    "NOUN", "PROPN"}:
                what = self.r.text[last.idx + len(last.text):head.idx + len(head.text)].strip()
            elif ent.label_ == "QUANTITY":
                what = ent.text[num.end():].strip()
            else:
                continue
            if not what or re.fullmatch(r"(?:19|20)\d\d", value):
                continue
            event = self.r.event_left_of(ent.start_char) or self.r.main_event
            if event is not None:
                self.fact(event, Relation.STATISTIC, Literal(f"{value} {what}"))


def _event_head(root: Any) -> str | None:
    """The event word heading a noun chunk: "forum", "ceremony", or "exhibition area" for an
    exhibition's area, zone or section."""
    lemma = root.lemma_.lower()
    if lemma in lx.DESCRIPTIVE_EVENT_HEADS:
        return str(lemma)
    if lemma == "pavilion" and root.text.islower():
        return "exhibition area"
    if lemma in {"area", "zone", "section"} and any(
            c.lemma_.lower() in {"exhibition", "display", "experience", "showcase"}
            for c in root.doc[root.left_edge.i:root.i]):
        return "exhibition area"
    return None


def _compatible(a: EntityType | None, b: EntityType | None) -> bool:
    orgs = {EntityType.ORGANIZATION, EntityType.COMPANY, EntityType.HOSPITAL,
            EntityType.GOVERNMENT_BODY, None}
    places = {EntityType.PLACE, EntityType.VENUE, None}
    return a == b or (a in orgs and b in orgs) or (a in places and b in places)


def _evidence(doc: str, sent: Any) -> Evidence:
    raw = sent.text
    lead = len(raw) - len(raw.lstrip())
    text = raw.strip()
    start = sent.start_char + lead
    return Evidence(doc, re.sub(r"\s+", " ", text), start, start + len(text))
