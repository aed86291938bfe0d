"""The article reader: names, editions, discourse, then each sentence through the families."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from kg.articles import main_year
from kg.extract import lexicon as lx
from kg.extract.dates import MONTH, DateSpan, duration_days, ordinal_value, parse_span, shift
from kg.extract.mentions import Name, head_word, initials_match, is_acronym
from kg.extract.nlp import load_pipeline
from kg.extract.rules.families import FAMILIES, HEADLINE_FAMILIES
from kg.extract.rules.patterns import AGREEMENT, APPOS, LIST, OCCUR, ROLE_OF, E, compiled
from kg.extract.rules.sentence import Sentence, compatible, event_head, evidence
from kg.extract.rules.structure import parents_from_names
from kg.extract.rules.titled import read_titles
from kg.extract.titles import find_titled_names
from kg.names import normalize_name
from kg.records import AgreementRecord, Article, Entity, EntityType, Extraction, Fact, Literal, Post, Relation


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

    name = "rules-v2"

    def extract(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        nlp = load_pipeline()
        batch = list(articles)
        for article, doc in zip(batch, nlp.pipe(a.text for a in batch), strict=True):
            yield Reader(article, doc, self.name).run()


# what follows or precedes a name used as an event's (see Reader._event_context)
_EVENT_AFTER = re.compile(
    r"\s*(?:(?:19|20)\d\d\b)?\s*(?:\([^()\n]{1,30}\))?\s*[,–—]?\s*(?:which\s+)?(?:(?:was|is|will\s+be|were|has\s+been|"
    r"had\s+been)\s+)?(?:(?:successfully|grandly|officially|jointly|also)\s+)?(?:held\b|(?:co-?)?hosted\s+by|"
    r"(?:co-?)?organi[sz]ed\s+by|(?:co-?)?sponsored\s+by|took\s+place|takes\s+place|kicked\s+off|kicks\s+off|"
    r"opened\s+(?:in|on|at)\b|opens\s+(?:in|on|at)\b|closed\s+(?:in|on)\b|came\s+to\s+a\s+close|wrapped\s+up)")
_EVENT_BEFORE = re.compile(
    r"\b(?:attended|attending|participated\s+in|took\s+part\s+in|exhibited\s+at|exhibiting\s+at|exhibit\s+at|"
    r"during|the\s+opening\s+of|the\s+sidelines\s+of|(?:co-)?hosted|(?:co-)?organi[sz]ed|staged|held)\s+"
    r"(?:the\s+)?(?:(?:19|20)\d\d\s+|\d+(?:st|nd|rd|th)\s+|[a-z]+(?:st|nd|rd|th)\s+)?$", re.I)


# place heads of what is not a city, for "the city" (Reader._cities_before)
_NOT_CITY_HEADS = frozenset({"province", "region", "district", "county", "zone", "park", "area", "town",
                             "township", "village", "country", "continent", "island", "valley", "asia",
                             "europe", "africa", "america", "bay", "prefecture", "state"})


class Reader:
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
        self._main_year = main_year(self.text)
        self.folds: list[tuple[int, int, str]] = []  # titled runs read as their person
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
        # the first story line is skipped when it is a headline; a lead paragraph taken for the
        # title (a whole sentence, ending in a full stop) is read like any other
        first = self.sents[0].text.strip() if self.sents else ""
        self.title_sent = 0 if article.title and first and article.title.startswith(first[:20]) and not (
            re.search(r"[.!?][\"”’']?$", first) and len(first.split()) >= 8) else -1

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
        label = re.sub(r"\s+", " ", label).strip(" ,.;:\"'“”(")
        if label.endswith(")") and label.count("(") < label.count(")"):
            label = label.rstrip(")")  # keep "Center (Beijing)", drop a stray closing bracket
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

    def run(self) -> Extraction:
        names, titles = find_titled_names(self.doc)
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
        self._government_anaphora()
        self._body_anaphora()
        self._agents_are_organizations()
        self._short_forms()
        self._type_from_cues()
        self._city_anaphora()
        self._dedupe_mentions()
        self._title_aliases()
        self._subtitles()
        for key, ent in self.ex.entities.items():
            if ent.label in lx.COUNTRIES:  # a country is a place, whatever the votes said
                ent.type = EntityType.PLACE
                self.strong[key] = EntityType.PLACE
        self.folds = read_titles(self, titles)
        parents_from_names(self)
        for i, sent in enumerate(self.sents):
            sentence = self._sentence(i, sent)
            for family_name, family in FAMILIES.items():
                # a headline states facts the story repeats, in its own cramped words; only a
                # signing is taken from it (one agreement per party set, so never twice)
                if i != self.title_sent or family_name in HEADLINE_FAMILIES:
                    family(sentence)
        self._finish()
        return self.ex

    def _acronyms(self, names: list[Name]) -> None:
        for n in names:
            m = re.match(r"\s*\(([A-Z][A-Za-z&-]{1,9})\)", self.text[n.end:n.end + 14])
            if m and not is_acronym(n.text) and len(n.words) > 1:
                label = self._strip_year(n.text)
                etype = self._name_type(n)
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
        m = re.search(r"\b((?:19|20)\d\d)\s+(?:(?:edition|session)\s+of\s+(?:the\s+)?)?$", before)
        if m:  # "the 2023 X", "the 2023 edition of the X"
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
        etype = self._name_type(n)
        if etype in (EntityType.EVENT, EntityType.EVENT_SERIES) or n.ner == "EVENT":
            marker = self._edition_marker(n)
            if marker is not None:
                series = self.entity(self._strip_year(text), EntityType.EVENT_SERIES, strong=True)
                surface = marker[1]
                # "X 2021": the year after the name is part of the mention, so that patterns
                # read "⟦X 2021⟧, hosted by ..." as they read "⟦X⟧, hosted by ..."
                end = n.start + len(surface) if self.text.startswith(surface, n.start) else n.end
                self.mention(n.start, end, self._edition(series, marker, n))
                return
        key = self.entity(text, etype, strong=n.by_head)
        self.mention(n.start, n.end, key)

    def _name_type(self, n: Name) -> EntityType | None:
        """A name's type from its head word, else from the name finder, else from its use as
        an event ("CPhI China 2021, hosted by ...", "during BioLink Week")."""
        etype = n.type or self._ner_type(n)
        if etype is None and n.ner not in {"PERSON", "GPE", "LOC", "FAC", "NORP"} and self._event_context(n):
            etype = EntityType.EVENT
        return etype

    def _event_context(self, n: Name) -> bool:
        """Whether a name without an event word is used as an event: held, hosted or attended
        ("the BioLink Shanghai 2021, hosted by A, opened ...", "exhibited at MedTrade Spring").
        Names that say what they are ("X Hospital", "X Group") are typed by their head instead."""
        return bool(_EVENT_AFTER.match(self.text, n.end) or _EVENT_BEFORE.search(
            self.text[max(0, n.start - 50):n.start]))

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
        ordinal = re.search(r"\b(\d{1,3}(?:st|nd|rd|th)|[a-z]+(?:st|nd|rd|th))\s+$",
                            self.text[max(0, n.start - 20):n.start])
        if ordinal and ordinal_value(ordinal.group(1)) is not None and \
                ordinal.group(1) not in surface.split()[:2]:
            self.alias(key, f"{ordinal.group(1)} {surface}")  # "the 6th X Expo 2022" as written
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
                etype = self._name_type(source)
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
                agents.update(s.key(t) for t in re.findall(E, re.sub(APPOS, ",", m.group("a")))
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
            head = event_head(root)
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
            size = re.match(r"\s+of\s+(?:about\s+|around\s+|over\s+|more\s+than\s+|nearly\s+)?\d",
                            self.text[root.idx + len(root.text):])
            if any(t.like_num for t in chunk if t.dep_ == "nummod") or size:
                continue  # "an exhibition area of 50,000 square meters" is a size, not an event
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
            if det in {"this", "that", "the", "its"} and not has_pp and part_of is None and not (
                    det == "the" and self._first_occurrence(root)):
                continue  # anaphor, resolved later
            if not introduces or (len(words) < 2 and not has_pp):
                continue
            key = self.entity(label, EntityType.EVENT, scope=True, strong=True)
            self.heads[key] = head
            inner = [m for m in self.mentions if start <= m.start and m.end <= end
                     and self.ex.entities[m.key].type is EntityType.AGREEMENT]
            if inner:
                self.ceremony_for[key] = inner[0].key
            self._ceremony_between(key, label, start, end)
            if part_of is not None:
                self._pending_sub.append((key, start, chunk.sent))
            self.mention(start, end, key)

    def _ceremony_between(self, key: str, label: str, start: int, end: int) -> None:
        """"the signing ceremony of the cooperation agreement between A and B": the description
        of the event states the agreement, its kind and its parties."""
        m = re.match(r"(?:the\s+)?sign(?:ing)?\s+ceremony\s+(?:of|for)\s+(?:the\s+|a\s+|an\s+)?(?P<kind>.+?)"
                     r"\s+between\s+", label, re.I)
        if m is None:
            return
        kind = m.group("kind").lower()
        if not re.search(r"\b(?:" + AGREEMENT + r")\b", kind, re.I):
            if kind.split()[-1] not in {"cooperation", "partnership", "collaboration", "project", "alliance"}:
                return
            kind = f"{kind} agreement"  # "the signing ceremony for the cooperation between A and B"
        lo = start + m.end()
        parties = [mm.key for mm in self.mentions if lo <= mm.start and mm.end <= end
                   and self.type_of(mm.key) not in (EntityType.EVENT, EntityType.AGREEMENT, EntityType.VENUE)]
        parties = list(dict.fromkeys(parties))
        if len(parties) >= 2:
            self.ex.agreements.append(AgreementRecord(
                f"agc{len(self.ex.agreements)}", kind, [[p] for p in parties],
                evidence(self.article.name, self.sents[self.sent_of_char[start]]), event=key))

    def _subtitles(self) -> None:
        """"The X Forum: Focusing on Y took place ...": the subtitle is part of the name as
        written, so the whole is an alias of the event."""
        for m in self.mentions:
            if m.anaphor or self.type_of(m.key) is not EntityType.EVENT:
                continue
            sub = re.match(r":\s*([A-Z][^.;:\n]{3,120}?)\s+(?:took\s+place|was\s+held|is\s+held|will\s+be|"
                           r"opened|kicked\s+off|was|were|has|had|held|closed|concluded|began|started)\b",
                           self.text[m.end:m.end + 160])
            if sub:
                self.alias(m.key, f"{self.text[m.start:m.end]}: {sub.group(1)}")

    def _dedupe_agreements(self) -> None:
        """An article that states one signing twice (the lead, then the ceremony) has one
        agreement: same parties, one record, the first, completed by the others."""
        kept: dict[frozenset[str], AgreementRecord] = {}
        for ag in self.ex.agreements:
            parties = frozenset(ag.parties)
            first = kept.get(parties)
            if first is None and any(self.type_of(k) is EntityType.PERSON for k in parties):
                # "The MoU was signed by Olsen and Xu Ping": the signatories of an agreement
                # already read with its bodies, not a second agreement
                first = next((k for p, k in kept.items() if p & parties), None) or next(
                    (k for k in reversed(kept.values()) if len(k.parties) == len(parties)), None)
            if first is None:
                kept[parties] = ag
                continue
            first.event = first.event or ag.event
            first.date = first.date or ag.date
            if len(first.sides) < len(ag.sides):
                first.sides = ag.sides
        self.ex.agreements = list(kept.values())

    def _first_occurrence(self, root: Any) -> bool:
        """"The signing ceremony was held ..." with no event named before it: the article
        introduces its event with a definite description, so it is a node, not an anaphor."""
        verb = root.head
        if root.dep_ not in {"nsubj", "nsubjpass"} or verb.lemma_ not in {
                "hold", "take", "kick", "open", "start", "begin", "launch", "convene", "conclude", "close"}:
            return False
        return not any(m.start < root.idx and self.ex.entities[m.key].type is EntityType.EVENT
                       for m in self.mentions)

    def _pp_end(self, root: Any) -> int:
        """End of a "on/for/of ..." phrase that completes a descriptive event name."""
        end = root.idx + len(root.text)
        for child in root.rights:
            if child.dep_ == "prep" and child.lower_ in {"on", "for", "of"}:
                sub = list(child.subtree)
                if len(sub) <= 30 and not any(t.pos_ in {"VERB", "AUX"} for t in sub):
                    # "an event for the device industry in Suzhou": where it is held is no part of its name
                    cut = next((i for i, t in enumerate(sub) if i and t.lower_ in {"in", "at"} and any(
                        x.ent_type_ in {"GPE", "LOC", "FAC"} for x in t.subtree)), len(sub))
                    sub = sub[:cut]
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
        pattern = compiled(
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
            # with a serial comma ("A, B and C, and D") only commas divide the items
            divider = r"(?=,|$)" if re.search(r",\s+and\s+", items_text) else r"(?=,|\s+and\s+|\s+as well as\s+|$)"
            for im in re.finditer(r"[^,]+?" + divider, items_text):
                raw = im.group(0)
                item = re.sub(r"^\s*(?:and|as well as)\s+", "", raw)
                lead = re.match(r"\s*(?:an?\s+|the\s+)?", item)
                assert lead is not None
                label = item[lead.end():].strip()
                if not label or len(label.split()) > 8:
                    continue
                if re.search(r"\d", label) or not (label[:1].isupper() or lead.group(0).strip()):
                    break  # the list has ended ("... Wellness, the 40,000 square-meter expo attracted ...")
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
        occur = compiled(OCCUR.replace("(?P<verb>", "(?:"), re.I)
        sub_cue = compiled(r"^[^.;]{0,80}?\b(?:during|on\s+the\s+sidelines\s+of|one\s+of\s+the|"
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

    def _government_anaphora(self) -> None:
        """"the district government", "the county": the district's government body (or the
        district) the story names, when it names one of that level."""
        for m in re.finditer(r"\b[Tt]he\s+(?P<lvl>county|city|district|municipal|provincial|town|township)"
                             r"(?P<gov>\s+(?:people['’]s\s+)?government)?\b(?!\s+(?:of\b|[A-Z]|['’]s))",
                             self.text):
            if any(x.start <= m.start() < x.end or m.start() <= x.start < m.end() for x in self.mentions):
                continue
            lvl = {"municipal": "city", "provincial": "province"}.get(m.group("lvl"), m.group("lvl"))
            counts: dict[str, int] = {}
            for x in self.mentions:
                ent = self.ex.entities[x.key]
                words = ent.label.lower().replace("’", "'").split()
                body = ent.type is EntityType.GOVERNMENT_BODY and words[-1] == "government" and (
                    lvl in words or (lvl == "city" and "municipal" in words))
                place = ent.type is EntityType.PLACE and words[-1] == lvl
                if (body if m.group("gov") else place) or (m.group("gov") and place):
                    counts[x.key] = counts.get(x.key, 0) + (10 if body else 1)  # a body first
            if counts:
                self.mention(m.start(), m.end(), max(counts, key=lambda k: counts[k]), anaphor=True)

    def _city_anaphora(self) -> None:
        """"kicked off in the city": the city the story has named most before it, once types are
        settled ("Yulin, a city in ..." is a place only then), when no "X City" is named."""
        for m in re.finditer(r"\b[Tt]he\s+city\b(?!\s+(?:of\b|[A-Z]|['’]s|government))", self.text):
            if any(x.start <= m.start() < x.end or m.start() <= x.start < m.end() for x in self.mentions):
                continue
            counts = self._cities_before(m.start())
            if counts:
                self.mention(m.start(), m.end(), max(counts, key=lambda k: counts[k]), anaphor=True)

    def _cities_before(self, char: int) -> dict[str, int]:
        """The places named before ``char`` whose names say they are no province, region,
        district or country ("Yulin"), with how often each is named."""
        counts: dict[str, int] = {}
        for x in self.mentions:
            ent = self.ex.entities[x.key]
            if x.start >= char or ent.type is not EntityType.PLACE or ent.label in lx.COUNTRIES:
                continue
            if head_word(ent.label) in _NOT_CITY_HEADS or len(ent.label.split()) > 2:
                continue
            counts[x.key] = counts.get(x.key, 0) + 1
        return counts

    def _body_anaphora(self) -> None:
        """"president of the hospital", "the university signed": the body of that kind the story
        has named most up to there (a hospital newsroom's own hospital)."""
        heads = {"hospital": EntityType.HOSPITAL, "university": EntityType.ORGANIZATION,
                 "college": EntityType.ORGANIZATION, "company": EntityType.COMPANY,
                 "group": EntityType.COMPANY, "association": EntityType.ORGANIZATION,
                 "commission": EntityType.GOVERNMENT_BODY, "bureau": EntityType.GOVERNMENT_BODY,
                 "academy": EntityType.ORGANIZATION, "institute": EntityType.ORGANIZATION}
        pattern = r"\b(?:of|at|with|from|by)\s+the\s+(?P<head>" + "|".join(heads) + r")\b(?!\s+(?:of|for|on)\b|['’])"
        for m in re.finditer(pattern, self.text):
            start = m.start("head") - len("the ")
            if any(x.start <= start < x.end or start <= x.start < m.end() for x in self.mentions):
                continue
            best = self.most(self.mention_counts(self._named_before(start, m.group("head"), heads[m.group("head")])))
            if best is not None:
                self.mention(start, m.end(), best, anaphor=True)

    def _named_before(self, start: int, head: str, etype: EntityType) -> Callable[[Mention], bool]:
        """A mention before ``start`` of a body of that type and head word."""
        def keep(x: Mention) -> bool:
            ent = self.ex.entities[x.key]
            return x.start < start and ent.type is etype and head_word(ent.label) == head
        return keep

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
        pattern = compiled(
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
            if head in {"event", "gathering"}:
                # "The 5th X Expo opened on May 19. The event is hosted by ...": a named event of
                # its own in the sentence before, not the story's first one
                last = sorted((x for x in self.mentions if x.end <= m.start()
                               and self.ex.entities[x.key].type is EntityType.EVENT), key=lambda x: x.start)
                here = self.sent_of_char[m.start()]
                if last and last[-1].sent >= here - 1 and last[-1].sent < here and \
                        self.ex.entities[last[-1].key].scope is None:
                    self.mention(m.start(), m.end(), last[-1].key, anaphor=True)
                    continue
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
                etype, otype = self._vote(key), self._vote(other_key)
                if len(words) == 1 and len(ow) > 1 and words[0].lower() in (ow[0].lower(), ow[-1].lower()) \
                        and etype is EntityType.PERSON and otype is EntityType.PERSON:
                    # "Dr. Lin" after "Grace Lin", "Vice-Mayor Lu" after "LU Chunyun": a family name
                    cands.append(other_key)
                    continue
                if len(ow) <= len(words) or ow[: len(words)] != words:
                    continue
                rest = [w.lower() for w in ow[len(words):]]
                surname = etype is EntityType.PERSON and otype is EntityType.PERSON and len(words) == 1
                suffixed = (len(rest) == 1 or all(w in {"co", "ltd", "inc", "group", "limited", "corp"}
                                                   for w in rest)) and all(w in generic for w in rest) \
                    and (compatible(etype, otype) or key not in self.strong)
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
            if head_word(self.ex.entities[m.key].label) == "convention" and (
                    re.search(r"\b(?:signed|ratified|adopted|joined|sign|ratify|adopt|join)\s+(?:the\s+)?$",
                              self.text[max(0, m.start - 30):m.start])
                    or re.match(r"\s+(?:(?:was|were|has\s+been|had\s+been)\s+)?(?:signed|ratified|adopted)\b",
                                self.text[m.end:m.end + 30])):
                self.votes[m.key][EntityType.AGREEMENT] += 10  # "the X Convention was signed": a treaty
                self.strong[m.key] = EntityType.AGREEMENT
            if m.key in self.strong:
                continue
            before = self.text[max(0, m.start - 80):m.start]
            cue = re.search(rf"\b({cue_words})\s+(?:(?:such\s+as|like|including|as)\s+)?"
                            r"(?:[A-Z][\w&'.-]*(?:\s+[A-Z&][\w&'.-]*)*\s*(?:,\s*and|,|and)\s+)*$",
                            before, re.I)
            if cue and not re.search(r"\b(?:in|from|at|of)\s+$", before):
                etype = lx.LIST_CUES[cue.group(1).lower()]
                self.votes[m.key][etype] += 3
            elif re.search(r"\b(?:headquartered|based|located|situated|born|hometown)\s+in\s+(?:the\s+)?$",
                           before) or re.search(r"^,\s+(?:the\s+)?(?:capital|city|province)\b",
                                                self.text[m.end:m.end + 20]):
                self.votes[m.key][EntityType.PLACE] += 3  # "headquartered in Copenhagen"
            elif re.search(r"\b(?:company|firm|maker|drugmaker|giant|group|manufacturer|developer)\s+$",
                           before, re.I):
                self.votes[m.key][EntityType.COMPANY] += 3
            elif re.search(r"\bsign(?:ed|ing)?\s+(?:the\s+)?$", before) and head_word(
                    self.ex.entities[m.key].label) in {"initiative", "consensus", "statement", "plan",
                                                       "declaration", "convention", "agreement", "charter"}:
                self.votes[m.key][EntityType.AGREEMENT] += 10
                self.strong[m.key] = EntityType.AGREEMENT
            elif ROLE_OF.search(before) and self._vote(m.key) in (None, EntityType.PERSON):
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
    def _sentence(self, i: int, sent: Any) -> Sentence:
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
        return Sentence(self, i, sent, ph, keys, ms)

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
        self._dedupe_agreements()
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
        named = {m.key for m in self.mentions if not m.anaphor}
        for key in list(ents):
            # every thing the text names is a node ("who is X" must know it); descriptions and
            # agreements only when a fact uses them
            if key not in used and (ents[key].scope or ents[key].type is EntityType.AGREEMENT
                                    or (key not in self.strong and key not in named)):
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
                    if start and start.writable:
                        self.fact(key, Relation.START_DATE, Literal(start.lexical, start),
                                   sent.start_char)
            elif key in starts and key not in ends:
                start_lit = starts[key].object
                if isinstance(start_lit, Literal) and start_lit.date:
                    end = shift(start_lit.date, n - 1)
                    if end and end.writable:
                        self.fact(key, Relation.END_DATE, Literal(end.lexical, end),
                                   sent.start_char)

    def dates_in(self, sent: Any, event: str | None) -> DateSpan | None:
        spans = self.date_spans(sent, event)
        return spans[0][0] if spans else None

    def date_spans(self, sent: Any, event: str | None) -> list[tuple[DateSpan, bool]]:
        """Every date of a sentence, each with whether it closes a period ("runs until Nov 10")."""
        year_hint = self.edition_year.get(event or "")
        if year_hint is None and self.article.published is None:
            year_hint = self._main_year  # an undated page: the year its story names most
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
