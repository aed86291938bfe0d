"""Reading articles as captured from real pages: furniture blanked, the story kept."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from kg.articles.reading import read_bytes


def test_a_date_label_glued_to_the_lead_keeps_the_lead() -> None:
    raw = (" date 2023-04-02 LAKESIDE, China, April 2, 2023 /PRNewswire/ -- The 3rd Lakeside Health "
           "Expo opened at the Lakeside Expo Center on Sunday, with over 300 exhibitors.\n\nMore text here.")
    article = read_bytes("lead.txt", raw.encode())
    assert article.published == date(2023, 4, 2)
    assert "The 3rd Lakeside Health Expo opened" in article.text
    assert "PRNewswire" not in article.text and "date 2023" not in article.text
    assert article.title is not None and article.title.startswith("The 3rd Lakeside Health Expo")
    assert len(article.text) == len(raw)  # blanked, never cut: offsets stay offsets into the file


def test_a_date_line_alone_is_still_furniture() -> None:
    raw = "Pine forum opens\nUpdated: 2024-05-06\n\nThe Pine Forum opened on Monday in Pinecity."
    article = read_bytes("plain.txt", raw.encode())
    assert article.published == date(2024, 5, 6)
    assert "Updated" not in article.text
    assert article.title == "Pine forum opens"


def test_a_wire_dateline_gives_the_date_and_the_city_and_is_blanked() -> None:
    art = read_bytes("wire.txt", b"Fair opens\n\nWUXI, Oct. 12 (Xinhua) -- The 2024 fair opened here.\n")
    assert art.published == date(2024, 10, 12)  # the year is the one the story names
    assert art.dateline_place == "Wuxi"
    assert "WUXI" not in art.text and "The 2024 fair opened here." in art.text


def test_an_article_without_a_dateline_has_no_dateline_city() -> None:
    assert read_bytes("plain.txt", b"Fair opens\n\nThe fair opened in Wuxi on Monday.\n").dateline_place is None


def test_a_company_address_above_the_story_is_kept_as_text_but_is_no_title() -> None:
    raw = ("COPYRIGHT © Kestrel Medical Group\n\nCompany Address: 3rd Floor, 171 Pine Road, Yuelu District, "
           "Changsha, Hunan, China\n\nContact Hotline:0731-00000000\n\nKestrel Medical signs deal with "
           "Tarrow Hospital\n\nKestrel Medical signed an agreement with Tarrow Hospital on May 2.")
    article = read_bytes("newsroom.txt", raw.encode())
    assert article.title == "Kestrel Medical signs deal with Tarrow Hospital"
    assert "Yuelu District, Changsha" in article.text
    assert "Hotline" not in article.text and "COPYRIGHT" not in article.text


def test_a_two_city_dateline_is_blanked_and_gives_the_first_city() -> None:
    raw = ("Deal signed\n\nLAKESIDE and PINEWOOD, China, April 2, 2024 /PRNewswire/ -- Acme Devices "
           "today announced a licensing agreement.")
    art = read_bytes("pr.txt", raw.encode())
    assert art.dateline_place == "Lakeside" and art.published == date(2024, 4, 2)
    assert "PINEWOOD" not in art.text and "Acme Devices today announced" in art.text


def test_photo_credits_and_contribution_lines_are_furniture() -> None:
    raw = ("Pine expo opens\nUpdated: 2024-05-06\n\nVisitors look at a robot at the Pine Expo on "
           "Sunday. [Photo by Ada Moss/Pine Daily]\n\nThe Pine Expo opened on Sunday.\n\n"
           "Pine News Agency contributed to this story.\n")
    article = read_bytes("credits.txt", raw.encode())
    assert "Ada Moss" not in article.text and "contributed" not in article.text
    assert "Visitors look at a robot at the Pine Expo on Sunday." in article.text
    assert "The Pine Expo opened on Sunday." in article.text
    assert len(article.text) == len(raw)  # blanked, never cut


_WRAPPED = (
    "Pine forum signs deals\n"
    "Updated: 2024-05-06\n\n"
    "The Pine Health Forum opened on Monday in Pinecity, where officials from\n"
    "the Pine Health Commission and the Lakeside Bureau of Commerce met with\n"
    "delegates from twenty cities. Summit Hospital signed a cooperation\n"
    "agreement with Acme Medical Devices Co., Ltd. at the forum, which was\n"
    "hosted by the Pine Municipal People's Government.\n\n"
    "More than 300 guests attended the two-day forum, which closes on\n"
    "Tuesday.\n"
)


def test_a_hard_wrapped_text_is_read_as_paragraphs() -> None:
    article = read_bytes("wrapped.txt", _WRAPPED.encode())
    assert len(article.text) == len(_WRAPPED)  # breaks become spaces: offsets unchanged
    assert "officials from the Pine Health Commission" in " ".join(article.text.split())
    assert "\nthe Pine Health" not in article.text
    assert article.title == "Pine forum signs deals"  # the headline is never joined to the lead
    assert "Tuesday." in article.text and "closes on Tuesday." in " ".join(article.text.split())


def test_one_line_paragraphs_and_short_lists_are_left_as_they_are() -> None:
    raw = ("Pine fair\n\nThe Pine Fair opened on Monday with 300 exhibitors from 20 countries.\n"
           "Speakers:\nAda Moss, President, Pine University\nLi Na, Director, Summit Hospital\n"
           "Tom Reyes, CEO, Acme Medical\n")
    assert read_bytes("list.txt", raw.encode()).text.split("\n")[4:7] == [
        "Ada Moss, President, Pine University", "Li Na, Director, Summit Hospital",
        "Tom Reyes, CEO, Acme Medical"]


def _facts(text: str) -> set[tuple[str, str, str]]:
    from kg.extract import get_extractor

    ex = next(get_extractor("rules-v2").extract([read_bytes("w.txt", text.encode())]))
    ents = ex.entities
    return {(ents[f.subject].label, f.relation.value,
             f.object.value if not isinstance(f.object, str) else ents[f.object].label)
            for f in ex.facts}


def _wrapped(text: str) -> str:
    import textwrap

    return "\n".join("\n".join(textwrap.wrap(p, 78)) if len(p) > 100 else p for p in text.split("\n"))


def _no_break_spaces(text: str) -> str:
    return text.replace(". ", ".\u00a0").replace(" of ", "\u00a0of\u00a0")


@pytest.mark.parametrize("variant", [_wrapped, _no_break_spaces], ids=["wrapped", "no-break spaces"])
def test_the_seeds_written_another_way_give_the_seeds_facts(variant: Callable[[str], str]) -> None:
    """Every seed article with its paragraphs wrapped at 78 columns, or with no-break spaces
    (HTML's &nbsp;), reads as the article itself: the same facts."""
    from pathlib import Path

    seeds = sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))
    assert seeds
    for path in seeds:
        text = path.read_text(encoding="utf-8")
        assert variant(text) != text
        assert _facts(variant(text)) == _facts(text), path.name


def test_full_width_punctuation_and_wide_spaces_read_as_ascii() -> None:
    raw = "Pine deal\n\nPine Bio（Group）Co.，Ltd signed an agreement with Summit Hospital\u3000today："
    article = read_bytes("wide.txt", raw.encode())
    assert "Pine Bio(Group)Co.,Ltd signed an agreement with Summit Hospital today:" in article.text
    assert len(article.text) == len(raw)


def test_a_hard_wrapped_article_gives_the_facts_of_the_unwrapped_one() -> None:
    facts = _facts

    unwrapped = _WRAPPED.replace("from\nthe", "from the").replace("with\ndelegates", "with delegates")
    unwrapped = unwrapped.replace("cooperation\nagreement", "cooperation agreement")
    unwrapped = unwrapped.replace("was\nhosted", "was hosted").replace("on\nTuesday", "on Tuesday")
    assert facts(_WRAPPED) == facts(unwrapped)
    assert ("Pine Health Forum", "host", "Pine Municipal People's Government") in facts(_WRAPPED)


def test_a_bare_date_run_into_the_story_is_the_date_and_the_story_goes_on() -> None:
    raw = ("Pine forum opens\n2024-05-06 10:31 The Pine Forum opened on Monday in Pinecity with "
           "300 guests from 20 countries.\n")
    article = read_bytes("bare.txt", raw.encode())
    assert article.published == date(2024, 5, 6)
    assert "10:31" not in article.text and "The Pine Forum opened on Monday" in article.text


def test_a_wire_story_is_dated_by_its_dateline_and_a_date_only_dateline_is_read() -> None:
    page = read_bytes("wire2.txt", b"Fair opens\nUpdated: 2024-04-10\n\nPINECITY, April 8 (Xinhua) -- "
                                   b"The Pine Fair opened here today with 300 exhibitors.\n")
    assert page.published == date(2024, 4, 8)  # "today" is the dateline's day, not the posting's
    bare = read_bytes("wire3.txt", b"Fair opens\n\nApril 8, 2024 - The Pine Fair opened today with 300 "
                                   b"exhibitors from 20 countries.\n")
    assert bare.published == date(2024, 4, 8) and bare.dateline_place is None
    assert "The Pine Fair opened today" in bare.text and "2024 -" not in bare.text


def test_a_section_header_and_a_year_tab_above_the_headline_are_furniture() -> None:
    raw = ("News & Events\n2024\nPine Hospital and Acme Labs Sign Cooperation Agreement\n"
           "Release time: May 8, 2024\n\nPine Hospital signed a cooperation agreement with Acme Labs.\n")
    article = read_bytes("section.txt", raw.encode())
    assert article.title == "Pine Hospital and Acme Labs Sign Cooperation Agreement"
    assert "News & Events" not in article.text


def test_a_site_name_its_menu_breadcrumb_and_metadata_line_are_furniture() -> None:
    raw = ("Ashford University\n"
           "Home  About  Academics  Research  News\n"
           "You are here: Home > News > Campus News\n\n"
           "Ashford University and Tarrow Hospital sign cooperation agreement\n\n"
           "Posted: 2023-04-12   Views: 310   Source: News Office   Text: Wen Li\n\n"
           "On the 10th, Ashford University signed a cooperation agreement with Tarrow Hospital.\n")
    article = read_bytes("campus.txt", raw.encode())
    assert article.title == "Ashford University and Tarrow Hospital sign cooperation agreement"
    assert article.published == date(2023, 4, 12)
    for furniture in ("Academics", "You are here", "Views", "News Office"):
        assert furniture not in article.text
    assert "On the 10th" in article.text


def test_a_menu_bar_with_bars_is_furniture_but_a_short_name_headline_is_kept() -> None:
    menu = read_bytes("wire.txt", b"Home | China | World | Business | Photos\nKestrel opens plant in Tanglin\n"
                                  b"2024-02-01\n\nKestrel Medical opened a plant in Tanglin on Monday.\n")
    assert menu.title == "Kestrel opens plant in Tanglin"
    assert "World" not in menu.text
    short = read_bytes("short.txt", b"Tanglin Health Week\n2024-02-01\n\nThe Tanglin Health Week opened on Monday.\n")
    assert short.title == "Tanglin Health Week"


@pytest.mark.parametrize(("line", "day"), [
    ("Thursday, May 23, 2024", date(2024, 5, 23)),
    ("Posted on 16 June 2025", date(2025, 6, 16)),
    ("2025-05-26 | Lakeside Exhibitions Co., Ltd.", date(2025, 5, 26)),
    ("March 01,2017 10:52:22 readCount:527", date(2017, 3, 1)),
    ("Pinecrest Daily Online) 09:39, April 19, 2021", date(2021, 4, 19)),
    ("June 1st, 2022", date(2022, 6, 1)),
    ("2022年06月01日 09:30", date(2022, 6, 1)),
])
def test_a_date_line_in_any_common_shape_dates_the_page_and_is_furniture(line: str, day: date) -> None:
    raw = (f"Pinecrest hospital signs with Tarrow lab\n{line}\n\n"
           "Pinecrest Hospital signed an agreement with Tarrow Lab on Monday.\n")
    article = read_bytes("dated.txt", raw.encode())
    assert article.published == day
    assert article.title == "Pinecrest hospital signs with Tarrow lab"
    assert line not in article.text  # blanked, so the NER never reads it as story
    assert "signed an agreement" in article.text


def test_a_headline_holding_a_date_is_not_a_date_line() -> None:
    article = read_bytes("headline.txt", b"Forum opens in Pinecrest on June 1, 2022\n\nThe Pinecrest Forum opened.\n")
    assert article.published is None
    assert article.title == "Forum opens in Pinecrest on June 1, 2022"


def test_a_day_month_year_date_line_with_dots_dates_the_page() -> None:
    article = read_bytes("eu.txt", b"Lindau Expo news\nPosted on 19.05.2025\n\nLRCE 2025 closes\n\nThe expo closed.\n")
    assert article.published == date(2025, 5, 19)
    assert "19.05.2025" not in article.text
