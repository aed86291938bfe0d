"""Generate N realistic health-industry news articles with the facts each one states.

Why: ingestion speed and ``--jobs`` scaling need a corpus of any size whose text reads like
the real thing (long sentences, titles, posts, lists of exhibitors), and a test needs to know
what kg *should* find in it. The seeds are five articles and the evaluation texts are not
ours to copy, so this writes its own: every template sentence and every name part below was
invented for this file (cities and provinces are real places, nothing else is).

Each article is one of three kinds: a fair (hosts, organiser, venue, dates, exhibitors, a
signing on its sidelines), a forum (hosts, speakers with their posts, an agreement) or a
signing ceremony (agreements between companies, hospitals and government bodies, witnessed
by officials). Output::

    OUT_DIR/articles/gen_00000.txt ...    the articles (title line, date line, paragraphs)
    OUT_DIR/expected.jsonl                one line per article: its expected facts
                                          (records and scoring in article_facts.py)

Article ``k`` depends only on ``(seed, k)``: the same seed writes the same files, and a larger
N writes the same first articles plus more.

Usage: .venv/bin/python benchmarks/gen_articles.py N OUT_DIR [--seed S]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Sequence
from dataclasses import asdict
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from article_facts import ArticleTruth, ExpectedAgreement, ExpectedFact, ExpectedPost

# ------------------------------------------------------------------ name parts (invented)
CITIES = {
    "Zhuhai": "Guangdong", "Xiamen": "Fujian", "Jinan": "Shandong", "Hefei": "Anhui",
    "Kunming": "Yunnan", "Changsha": "Hunan", "Taiyuan": "Shanxi", "Lanzhou": "Gansu",
    "Guiyang": "Guizhou", "Fuzhou": "Fujian", "Haikou": "Hainan", "Yinchuan": "Ningxia",
    "Xining": "Qinghai", "Ningbo": "Zhejiang", "Qingdao": "Shandong", "Dalian": "Liaoning",
    "Yantai": "Shandong", "Luoyang": "Henan", "Xuzhou": "Jiangsu", "Shaoxing": "Zhejiang",
    "Foshan": "Guangdong", "Quanzhou": "Fujian", "Liuzhou": "Guangxi", "Yangzhou": "Jiangsu",
    "Wenzhou": "Zhejiang", "Changzhou": "Jiangsu", "Sanya": "Hainan", "Zibo": "Shandong",
}
_HEADS = ["Kang", "Rui", "Hua", "Tai", "Jin", "Heng", "Bo", "Xin", "Lian", "Sheng", "Yi",
          "Ming", "Qi", "Yuan", "Zhi", "Fu", "Lan", "Jia"]
_TAILS = ["ran", "feng", "tong", "yuan", "kang", "hai", "da", "long", "sheng", "rui", "wei",
          "cheng", "jie", "tian", "xiang", "lin"]
_SECTORS = ["Medical Technology", "Pharmaceutical", "Biotechnology", "Health Management",
            "Medical Devices", "Diagnostics", "Medical Imaging", "Rehabilitation Equipment"]
_SUFFIXES = ["Co., Ltd.", "Group", "Co., Ltd.", "Holdings"]
_SURNAMES = ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu",
             "Xu", "Sun", "Hu", "Zhu", "Gao", "Lin", "Guo", "Ma", "Luo", "Tang", "Song", "Deng"]
_GIVEN = ["wei", "min", "jun", "hong", "lei", "yan", "qiang", "ping", "hui", "xia", "bin",
          "tao", "jing", "feng", "lan", "chao", "ning", "rong"]
_FAIR_THEMES = ["Health Industry", "Medical Equipment", "Smart Healthcare", "Elderly Care",
                "Pharmaceutical Innovation", "Traditional Medicine", "Biomedicine"]
_FORUM_THEMES = ["Digital Health", "Hospital Management", "Medical Innovation",
                 "Public Health Cooperation", "Primary Care Development", "Health Data"]
_AGREEMENT_KINDS = ["strategic cooperation agreement", "framework agreement",
                    "memorandum of understanding", "cooperation agreement",
                    "investment agreement"]
_ORG_ROLES = ["chairman", "president", "general manager", "vice president"]
_GOV_ROLES = ["director", "deputy director", "Party secretary"]
_HOSPITAL_ROLES = ["president", "vice president", "director"]
_ORDINALS = ["First", "Second", "Third", "Fourth", "Fifth", "Sixth"]
_NTH = ["2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th", "11th", "12th"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]


class _Namer:
    """Draws names for one article; every name within an article is distinct."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def _fresh(self, make: object) -> str:
        assert callable(make)
        for _ in range(50):
            name = make()
            if name not in self.used:
                self.used.add(name)
                return str(name)
        raise RuntimeError("name parts exhausted")

    def brand(self) -> str:
        r = self.rng
        return r.choice(_HEADS) + r.choice(_TAILS)

    def company(self) -> str:
        r = self.rng
        return self._fresh(lambda: f"{self.brand()} {r.choice(_SECTORS)} {r.choice(_SUFFIXES)}")

    def hospital(self, city: str) -> str:
        r = self.rng
        forms = [
            lambda: f"{city} {r.choice(_ORDINALS)} People's Hospital",
            lambda: f"{city} Central Hospital",
            lambda: f"{city} Maternal and Child Health Hospital",
            lambda: f"{self.brand()} Hospital of {city} Medical University",
            lambda: f"{city} Hospital of Traditional Chinese Medicine",
        ]
        return self._fresh(lambda: r.choice(forms)())

    def government(self, city: str) -> str:
        r = self.rng
        prov = CITIES[city]
        forms = [
            lambda: f"{prov} Provincial Health Commission",
            lambda: f"{city} Municipal Health Commission",
            lambda: f"{city} Municipal Bureau of Commerce",
            lambda: f"{prov} Provincial Department of Commerce",
            lambda: f"{prov} Medical Products Administration",
        ]
        return self._fresh(lambda: r.choice(forms)())

    def person(self) -> str:
        r = self.rng
        return self._fresh(
            lambda: f"{r.choice(_SURNAMES)} {(r.choice(_GIVEN) + r.choice(_GIVEN)).capitalize()}"
        )

    def venue(self, city: str) -> str:
        r = self.rng
        forms = [
            f"{city} International Convention and Exhibition Center",
            f"{city} International Expo Center",
            f"{city} Cross-Strait Conference Center" if city == "Xiamen" else
            f"{city} Lakeside Conference Center",
        ]
        return self._fresh(lambda: r.choice(forms))


def _when(rng: random.Random) -> tuple[date, date]:
    start = date(2019, 1, 1) + timedelta(days=rng.randrange(6 * 365))
    return start, start + timedelta(days=rng.choice([0, 1, 2, 2, 3]))


def _day(d: date) -> str:
    return f"{_MONTHS[d.month - 1]} {d.day}, {d.year}"


def _span(a: date, b: date) -> str:
    if a == b:
        return f"on {_day(a)}"
    if a.month == b.month:
        return f"from {_MONTHS[a.month - 1]} {a.day} to {b.day}, {a.year}"
    return f"from {_MONTHS[a.month - 1]} {a.day} to {_MONTHS[b.month - 1]} {b.day}, {b.year}"


def _sentence(text: str) -> str:
    """End ``text`` with one full stop ("Co., Ltd." already has one)."""
    return text if text.endswith(".") else text + "."


def _a(kind: str) -> str:
    return ("an " if kind[0] in "aeiou" else "a ") + kind


def _listing(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _dateline(rng: random.Random, d: date) -> str:
    return f"{d.isoformat()} {rng.randrange(8, 20):02d}:{rng.choice(['00', '15', '30', '45'])}"


def _signing(rng: random.Random, namer: _Namer, city: str, truth: ArticleTruth,
             sides: list[tuple[str, str]], event: str | None) -> list[str]:
    """Sentences announcing agreements between pairs of (name, kind) parties."""
    out = []
    for (a, _), (b, _) in zip(sides[::2], sides[1::2], strict=False):
        kind = rng.choice(_AGREEMENT_KINDS)
        truth.agreements.append(ExpectedAgreement(kind, (a, b)))
        where = f" at the {event}" if event else ""
        out.append(rng.choice([
            _sentence(f"{a} signed {_a(kind)} with {b}{where}"),
            f"{a} and {b} signed {_a(kind)}{where}, under which the two sides will cooperate "
            f"on clinical research, talent training and the use of new equipment.",
            f"{'During the ceremony, ' if event is None else ''}{a} signed {_a(kind)} with "
            f"{b} to build a regional medical center in {city}.",
        ]))
    return out


def _officials(rng: random.Random, namer: _Namer, orgs: list[tuple[str, str]],
               truth: ArticleTruth, verb: str) -> list[str]:
    out = []
    for org, kind in orgs:
        roles = {"gov": _GOV_ROLES, "hospital": _HOSPITAL_ROLES}.get(kind, _ORG_ROLES)
        role = rng.choice(roles)
        person = namer.person()
        truth.posts.append(ExpectedPost(person, role, org))
        out.append(rng.choice([
            f"{person}, {role} of {org}, {verb}.",
            f"{person}, {role} of {org}, {verb} and said the cooperation would benefit "
            "patients across the region.",
        ]))
    return out


def _fair(rng: random.Random, namer: _Namer, truth: ArticleTruth) -> tuple[str, list[str], date]:
    city = rng.choice(sorted(CITIES))
    start, end = _when(rng)
    theme = rng.choice(_FAIR_THEMES)
    event = f"{start.year} {city} International {theme} Expo"
    venue = namer.venue(city)
    host = namer.government(city)
    organizer = namer.company().replace("Co., Ltd.", "Exhibition Co., Ltd.")
    exhibitors = [namer.company() for _ in range(rng.randrange(2, 5))]
    truth.event = event
    truth.facts += [ExpectedFact(event, "host", host), ExpectedFact(event, "organizer", organizer),
                    ExpectedFact(event, "location", venue),
                    ExpectedFact(event, "startDate", start.isoformat())]
    if end != start:
        truth.facts.append(ExpectedFact(event, "endDate", end.isoformat()))
    truth.facts += [ExpectedFact(event, "exhibitor", e) for e in exhibitors]
    title = rng.choice([f"{event} opens in {city}", f"{city} expo showcases {theme.lower()}",
                        f"Health firms gather in {city} for {theme.lower()} expo"])
    paras = [
        rng.choice([
            f"The {event} was held at the {venue} {_span(start, end)}.",
            f"The {event} opened at the {venue} in {city} {_span(start, end)}.",
        ]) + " " + rng.choice([
            _sentence(f"The expo was hosted by the {host} and organized by {organizer}"),
            _sentence(f"Hosted by the {host}, the expo was organized by {organizer}"),
        ]) + f" More than {rng.randrange(2, 9)}00 companies took part, covering an exhibition "
        f"area of {rng.randrange(20, 90)},000 square meters.",
        rng.choice(["Exhibitors included ", "Exhibitors at the expo included "])
        + _listing(exhibitors) + ", which showed "
        + rng.choice(["surgical robots, wearable monitors and AI-assisted diagnosis systems.",
                      "rehabilitation devices, smart wards and remote consultation platforms.",
                      "new vaccines, imaging equipment and elderly care products."]),
    ]
    hospital = namer.hospital(city)
    partner = (exhibitors[0], "company")
    paras.append(" ".join(_signing(rng, namer, city, truth, [partner, (hospital, "hospital")],
                                   event)))
    paras.append(" ".join(_officials(rng, namer, [(host, "gov")], truth, "attended the opening")))
    return title, paras, start


def _forum(rng: random.Random, namer: _Namer, truth: ArticleTruth) -> tuple[str, list[str], date]:
    city = rng.choice(sorted(CITIES))
    start, _ = _when(rng)
    theme = rng.choice(_FORUM_THEMES)
    event = f"{rng.choice(_NTH)} {city} {theme} Forum"
    venue = namer.venue(city)
    hosts = [namer.government(city), namer.hospital(city)]
    truth.event = event
    truth.facts += [ExpectedFact(event, "host", h) for h in hosts]
    truth.facts += [ExpectedFact(event, "location", venue),
                    ExpectedFact(event, "startDate", start.isoformat())]
    title = rng.choice([f"{city} forum discusses {theme.lower()}",
                        f"Experts meet at {theme.lower()} forum in {city}"])
    speakers = [(namer.company(), "company"), (namer.hospital(city), "hospital")]
    paras = [
        f"The {event} was held at the {venue} {_span(start, start)}. "
        + rng.choice([f"The forum was co-hosted by the {hosts[0]} and {hosts[1]}.",
                      f"Co-hosted by the {hosts[0]} and {hosts[1]}, the forum drew about "
                      f"{rng.randrange(300, 1200, 100):,} experts, officials and entrepreneurs."]),
        " ".join(_officials(rng, namer, speakers, truth, "delivered a keynote speech")),
        " ".join(_signing(rng, namer, city, truth, speakers, None)),
        rng.choice(["Participants agreed that data sharing between hospitals remains the "
                    "main obstacle to better care.",
                    "The forum also released a report on the development of county-level "
                    "medical alliances."]),
    ]
    return title, paras, start


def _ceremony(rng: random.Random, namer: _Namer, truth: ArticleTruth) -> tuple[str, list[str], date]:
    city = rng.choice(sorted(CITIES))
    start, _ = _when(rng)
    host = namer.government(city)
    event = "health industry project signing ceremony"  # named by a description, as written
    truth.event = event
    truth.facts.append(ExpectedFact(event, "host", host))
    parties = [(namer.company(), "company"), (namer.hospital(city), "hospital"),
               (namer.company(), "company"), (namer.government(city), "gov")]
    title = rng.choice([f"{city} signs health industry projects",
                        f"Medical projects signed in {city}"])
    paras = [
        f"A health industry project signing ceremony was held in {city} {_span(start, start)}, "
        f"hosted by the {host}. " + f"{rng.randrange(8, 30)} projects with a total investment "
        f"of {rng.randrange(2, 60)} billion yuan were signed.",
        " ".join(_signing(rng, namer, city, truth, parties, None)),
        " ".join(_officials(rng, namer, [(host, "gov"), parties[0]], truth,
                            "witnessed the signing")),
    ]
    return title, paras, start


_BACKGROUND = [
    "Over the past five years the city has opened {n} new medical parks, and its output of "
    "medical devices has grown by about {p} percent a year, according to local officials.",
    "Organizers said the number of foreign visitors rose by {p} percent from the previous "
    "edition, with delegations from Southeast Asia, the Middle East and Europe.",
    "The province plans to raise the share of its health industry in the regional economy to "
    "{p} percent by the end of the decade, with support for innovative drugs, high-end "
    "equipment and elderly care services.",
    "Analysts note that demand for rehabilitation and chronic disease management keeps rising "
    "as the population ages, and that county hospitals are upgrading equipment quickly.",
    "Local authorities have simplified approval procedures for clinical trials and set up a "
    "fund of {n} billion yuan to attract biomedical start-ups.",
]


def _background(rng: random.Random) -> str:
    picks = rng.sample(_BACKGROUND, 2)
    return " ".join(t.format(n=rng.randrange(3, 30), p=rng.randrange(5, 25)) for t in picks)


_KINDS = {"fair": _fair, "forum": _forum, "signing": _ceremony}


def generate(k: int, seed: int) -> tuple[str, ArticleTruth]:
    """Article ``k`` of the run seeded ``seed``: its text and its expected facts."""
    rng = random.Random(f"kg-gen-articles/{seed}/{k}")
    kind = rng.choice(sorted(_KINDS))
    truth = ArticleTruth(f"gen_{k:05d}.txt", kind, "", "")
    title, paras, start = _KINDS[kind](rng, _Namer(rng), truth)
    truth.title = title[0].upper() + title[1:]
    published = start + timedelta(days=rng.randrange(0, 3))
    paras.insert(rng.randrange(1, len(paras) + 1), _background(rng))
    text = "\n".join([truth.title, _dateline(rng, published), "", *[p + "\n" for p in paras]])
    return text, truth


def write(n: int, out_dir: Path, seed: int = 0) -> list[ArticleTruth]:
    """Write ``n`` articles and ``expected.jsonl`` under ``out_dir``; return the truths."""
    articles = out_dir / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    truths = []
    with (out_dir / "expected.jsonl").open("w", encoding="utf-8") as expected:
        for k in range(n):
            text, truth = generate(k, seed)
            (articles / truth.name).write_text(text, encoding="utf-8")
            expected.write(json.dumps(asdict(truth), sort_keys=True) + "\n")
            truths.append(truth)
    return truths


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("n", type=int, help="how many articles")
    parser.add_argument("out_dir", type=Path, help="folder to write articles/ and expected.jsonl")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    truths = write(args.n, args.out_dir, args.seed)
    words = sum(len((args.out_dir / "articles" / t.name).read_text().split()) for t in truths)
    print(f"wrote {len(truths)} articles ({words:,} words) to {args.out_dir / 'articles'}; "
          f"expected facts in {args.out_dir / 'expected.jsonl'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
