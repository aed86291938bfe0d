"""Typed records passed between the stages of ingestion.

Data flows one way::

    articles.read_article -> Article
    extract (an Extractor)  -> Extraction        (entities keyed locally, facts, agreements)
    resolve.resolve         -> Resolution        (every local key mapped to a graph IRI)
    rdf.build_quads         -> quads for the article's named graph
    store.Store.replace_article

Nothing here imports rdflib, pyoxigraph or spaCy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class EntityType(StrEnum):
    """The classes of the ontology that extracted entities take (local names of kgo: IRIs)."""

    EVENT = "Event"
    EVENT_SERIES = "EventSeries"
    ORGANIZATION = "Organization"
    COMPANY = "Company"
    HOSPITAL = "Hospital"
    GOVERNMENT_BODY = "GovernmentBody"
    PERSON = "Person"
    PLACE = "Place"
    VENUE = "Venue"
    AGREEMENT = "Agreement"


class Relation(StrEnum):
    """Relations between entities, or from an entity to a literal (local names of kgo: IRIs)."""

    HOST = "host"
    ORGANIZER = "organizer"
    LOCATION = "location"
    START_DATE = "startDate"
    END_DATE = "endDate"
    PARTICIPANT = "participant"
    EXHIBITOR = "exhibitor"
    SUB_EVENT_OF = "subEventOf"
    IN_SERIES = "inSeries"
    THEME = "theme"
    AFFILIATION = "affiliation"
    ROLE = "role"
    PARENT_ORGANIZATION = "parentOrganization"
    LOCATED_IN = "locatedIn"
    COUNTRY = "country"
    STATISTIC = "statistic"


class DateKind(StrEnum):
    """XSD datatypes a (possibly partial) date is written in."""

    DATE = "date"  # 2024-07-18
    YEAR_MONTH = "gYearMonth"  # 2021-09
    MONTH_DAY = "gMonthDay"  # --09-26
    YEAR = "gYear"  # 2021


@dataclass(frozen=True)
class PartialDate:
    """A date known to day, month or year precision.

    >>> PartialDate(2021, 9, None).lexical
    '2021-09'
    >>> PartialDate(None, 9, 26).lexical
    '--09-26'
    """

    year: int | None
    month: int | None
    day: int | None

    @property
    def writable(self) -> bool:
        """Whether an XSD date type can hold it (a bare month or day cannot).

        >>> PartialDate(None, 9, None).writable, PartialDate(None, 9, 26).writable
        (False, True)
        """
        return self.year is not None or (self.month is not None and self.day is not None)

    @property
    def kind(self) -> DateKind:
        if self.year is not None and self.month is not None and self.day is not None:
            return DateKind.DATE
        if self.year is not None and self.month is not None:
            return DateKind.YEAR_MONTH
        if self.month is not None and self.day is not None:
            return DateKind.MONTH_DAY
        if self.year is not None:
            return DateKind.YEAR
        raise ValueError("a PartialDate needs a year or a month")

    @property
    def lexical(self) -> str:
        kind = self.kind
        if kind is DateKind.DATE:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if kind is DateKind.YEAR_MONTH:
            return f"{self.year:04d}-{self.month:02d}"
        if kind is DateKind.MONTH_DAY:
            return f"--{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}"


@dataclass(frozen=True)
class Article:
    """One news article, read and cleaned.

    ``text`` is the raw text with page furniture (navigation, footers, photo credits, bylines)
    blanked to spaces, so character offsets into it are offsets into the original file.
    """

    name: str  # file name, the article's identity in the store ("000_c032.txt", or "stdin")
    text: str
    sha256: str  # of the raw UTF-8 bytes
    title: str | None = None
    published: date | None = None
    source_path: str | None = None
    # Problems reading it that did not stop it (clean-up would have left no text: kept as is).
    warnings: tuple[str, ...] = ()
    # The city of a wire dateline ("BEIJING, Oct. 12 (Xinhua) --"), blanked from the text: where
    # "here" is in the story.
    dateline_place: str | None = None


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: the article, the sentence and its character span."""

    doc: str
    sentence: str
    start: int
    end: int


@dataclass
class Entity:
    """An entity as one article names it; ``key`` is local to the extraction.

    ``scope`` is set (to the article name) for things named only by a description
    ("the signing ceremony"), so they never merge with another article's node.
    """

    key: str
    label: str
    type: EntityType
    aliases: set[str] = field(default_factory=set)
    scope: str | None = None
    notes: list[str] = field(default_factory=list)  # why mentions were merged into this entity


@dataclass(frozen=True)
class Literal:
    """A literal object: a date (``date`` set) or a string (theme, role, statistic)."""

    value: str
    date: PartialDate | None = None


@dataclass(frozen=True)
class Fact:
    """``subject -relation-> object``: object is an entity key or a :class:`Literal`."""

    subject: str
    relation: Relation
    object: str | Literal
    evidence: Evidence


@dataclass(frozen=True)
class Post:
    """A person's post: the role paired with its organization (W3C ORG Membership/Post)."""

    person: str  # entity key
    role: str
    organization: str | None  # entity key
    evidence: Evidence


@dataclass
class AgreementRecord:
    """A signed agreement: its kind as worded, the sides (who signed with whom), event, date.

    ``sides`` is a list of groups of entity keys; a multilateral convention with no
    counterparties has one group holding every signatory.
    """

    key: str
    kind: str
    sides: list[list[str]]
    evidence: Evidence
    label: str | None = None  # a name of its own ("Beijing Convention on ..."), if any
    event: str | None = None  # entity key of the event where it was signed
    date: PartialDate | None = None

    @property
    def parties(self) -> list[str]:
        seen: list[str] = []
        for side in self.sides:
            seen.extend(k for k in side if k not in seen)
        return seen


@dataclass
class Extraction:
    """Everything one extractor read from one article."""

    article: Article
    extractor: str
    entities: dict[str, Entity] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    agreements: list[AgreementRecord] = field(default_factory=list)


@dataclass(frozen=True)
class MergeDecision:
    """Why a local entity was mapped onto an IRI that already existed (or onto another mention)."""

    surface: str
    iri: str
    reason: str


@dataclass
class Resolution:
    """An extraction with every local key mapped to its IRI in the graph."""

    extraction: Extraction
    iris: dict[str, str]  # entity / agreement key -> IRI
    labels: dict[str, str]  # IRI -> canonical label to write for it in this article
    merges: list[MergeDecision] = field(default_factory=list)


@dataclass(frozen=True)
class IngestResult:
    """What ingesting one article did."""

    name: str
    status: str  # "added", "replaced", "unchanged", "failed"
    entities: int = 0
    facts: int = 0
    agreements: int = 0
    message: str | None = None
    ingested_at: datetime | None = None
