"""Whatever a scraper produced: each bad file gets one clear message, the rest go in.

Files written here on the spot (invented names, the fake extractor's line grammar) for every
kind of input the issue lists: empty, whitespace, binary, invalid UTF-8, UTF-16/UTF-32 and a
BOM (decoded), a huge file (refused with its size, never read), HTML (text by a real parser,
scripts and styles ignored), symbolic-link loops, unreadable files, devices, missing paths, a
page that clean-up would empty (kept, with a warning), text that is not news, and folders of
thousands of files (progress shown, memory bounded).
"""

from __future__ import annotations

import io
import json
import os
import tracemalloc
from pathlib import Path

import pytest
from conftest import FAKE, Cli

from kg.articles.html_text import html_to_text
from kg.articles.reading import read_bytes
from kg.config import MAX_ARTICLE_BYTES
from kg.errors import InputError
from kg.ingest import ingest
from kg.store import KgStore, articles

GOOD = (
    "Lakeview Care Summit opens\n\n"
    "Lakeview Care Summit (Event) host Birchwood Clinic (Hospital).\n"
    "Lakeview Care Summit (Event) participant Quill Biotech (Company).\n"
)
GOOD_FACTS = 2


def _facts(store_path: Path) -> dict[str, int]:
    with KgStore.open(store_path) as store:
        return {a.name: a.facts for a in articles(store)}


def _one(path: Path, store_path: Path) -> tuple[str, str]:
    [result] = ingest([path], store_path, extractor=FAKE)
    return result.status, result.message or ""


# ---------------------------------------------------------------- refused, with a reason
@pytest.mark.parametrize(("content", "needles"), [
    (b"", ["the file is empty"]),
    (b"   \n\t\r\n  \n", ["only whitespace"]),
    ("\u3000\u00a0\n\u2003".encode(), ["only whitespace"]),  # Unicode spaces
    (b"... --- *** !!!\n", ["no words"]),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", ["binary"]),
    (bytes(range(256)) * 4, ["binary"]),
    ("Caf\u00e9 Health Forum opens".encode("latin-1"), ["not UTF-8", "0xe9", "iconv"]),
    (b"\xff\xfe" + "ok".encode("utf-16-le") + b"\x00\xd8", ["UTF-16", "re-save it as UTF-8"]),
    (b"<html><head><script>var a = 1;</script></head><body></body></html>", ["HTML", "no text"]),
])
def test_bad_content_is_refused_with_a_reason(
    tmp_path: Path, store_path: Path, content: bytes, needles: list[str]
) -> None:
    path = tmp_path / "scraped.txt"
    path.write_bytes(content)
    status, message = _one(path, store_path)
    assert status == "failed"
    assert message.startswith(f"{path}: ")
    for needle in needles:
        assert needle in message, (needle, message)


def test_a_huge_file_is_refused_with_its_size_without_being_read(
    tmp_path: Path, store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:  # a sparse 50 MB file: no disk, no time
        f.truncate(50_000_000)
    opened: list[str] = []
    real_open = Path.open
    monkeypatch.setattr(Path, "open", lambda self, *a, **k: (opened.append(self.name),
                                                             real_open(self, *a, **k))[1])
    status, message = _one(path, store_path)
    assert status == "failed"
    assert "50,000,000 bytes (50.0 MB) is too large" in message
    assert f"limit {MAX_ARTICLE_BYTES:,}" in message
    assert "huge.txt" not in opened


class _EndlessPipe(io.RawIOBase):
    """A stdin that never ends: reading it all would never return."""

    def __init__(self) -> None:
        self.asked: list[int] = []

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            raise AssertionError("stdin was read without a bound")
        self.asked.append(size)
        return b"x" * size


def test_a_huge_stdin_is_refused_after_reading_one_byte_past_the_limit(store_path: Path) -> None:
    pipe = _EndlessPipe()
    [result] = ingest(["-"], store_path, extractor=FAKE, stdin=pipe,  # type: ignore[arg-type]
                      stdin_name="piped.txt")
    assert result.status == "failed" and "too large" in (result.message or "")
    assert pipe.asked == [MAX_ARTICLE_BYTES + 1]


def test_stdin_is_read_before_the_store_is_locked(store_path: Path) -> None:
    """A slow pipe must not hold the write lock: when stdin is read, the store is still free."""

    class Pipe(io.RawIOBase):
        def read(self, size: int = -1) -> bytes:
            KgStore.open(store_path, read_only=False).close()  # fails if ingest holds the lock
            return GOOD.encode()

    [result] = ingest(["-"], store_path, extractor=FAKE, stdin=Pipe(),  # type: ignore[arg-type]
                      stdin_name="piped.txt")
    assert (result.name, result.status) == ("piped.txt", "added")


def test_paths_that_are_not_files(tmp_path: Path, store_path: Path) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)  # a link to itself
    (tmp_path / "ping.txt").symlink_to(tmp_path / "pong.txt")
    (tmp_path / "pong.txt").symlink_to(tmp_path / "ping.txt")
    dangling = tmp_path / "gone.txt"
    dangling.symlink_to(tmp_path / "deleted-long-ago.txt")
    results = ingest([loop, tmp_path / "ping.txt", dangling, tmp_path / "missing.txt",
                      Path("/dev/zero")], store_path, extractor=FAKE)
    messages = [r.message or "" for r in results]
    assert [r.status for r in results] == ["failed"] * 5
    assert "symbolic link loop" in messages[0]
    assert "symbolic link loop" in messages[1]
    assert "symbolic link to a missing file" in messages[2] and "deleted-long-ago" in messages[2]
    assert "no such file" in messages[3]
    assert "not a regular file" in messages[4]


def test_an_unreadable_file(tmp_path: Path, store_path: Path,
                            monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(GOOD)
    path.chmod(0)
    if os.access(path, os.R_OK):  # root reads anything: make opening fail as it would
        real_open = Path.open

        def refuse(self: Path, *args: object, **kwargs: object) -> object:
            if self.name == "locked.txt":
                raise PermissionError(13, "Permission denied", str(self))
            return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(Path, "open", refuse)
    status, message = _one(path, store_path)
    assert status == "failed"
    assert "cannot read (Permission denied)" in message and "permissions" in message


def test_a_subfolder_that_cannot_be_listed_is_reported(
    tmp_path: Path, store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text(GOOD)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "hidden.txt").write_text(GOOD)
    locked.chmod(0)
    if os.access(locked, os.R_OK | os.X_OK):  # root lists anything: fail as a user would
        real_scandir, real_access = os.scandir, os.access

        def scandir(path: object) -> object:
            if Path(str(path)) == locked:
                raise PermissionError(13, "Permission denied", str(path))
            return real_scandir(path)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "scandir", scandir)
        monkeypatch.setattr(os, "access", lambda p, mode: Path(p) != locked and real_access(p, mode))
    results = ingest([tmp_path], store_path, extractor=FAKE)
    locked.chmod(0o755)
    assert [(r.name, r.status) for r in results] == [("a.txt", "added"), ("locked", "failed")]
    assert "cannot be listed (permission denied)" in (results[1].message or "")


# ---------------------------------------------------------------- decoded, not refused
@pytest.mark.parametrize("encode", [
    lambda t: t.encode("utf-8-sig"),  # UTF-8 with a BOM
    lambda t: t.encode("utf-16"),  # UTF-16 with its BOM (little-endian here)
    lambda t: b"\xfe\xff" + t.encode("utf-16-be"),
    lambda t: t.encode("utf-16-le"),  # no BOM: every other byte zero
    lambda t: t.encode("utf-16-be"),
    lambda t: t.encode("utf-32"),
    lambda t: t.replace("\n", "\r\n").encode("utf-8"),  # Windows line ends
], ids=["utf8-bom", "utf16-bom", "utf16be-bom", "utf16le", "utf16be", "utf32", "crlf"])
def test_other_unicode_encodings_are_decoded(tmp_path: Path, store_path: Path, encode: object) -> None:
    path = tmp_path / "encoded.txt"
    path.write_bytes(encode(GOOD))  # type: ignore[operator]
    status, message = _one(path, store_path)
    assert (status, message) == ("added", "")
    assert _facts(store_path) == {"encoded.txt": GOOD_FACTS}


PAGE = """<!DOCTYPE html>
<html><head><title>Lakeview news</title>
<style>p { color: red } /* Fake Fair (Event) host Style Sheet (Hospital). */</style>
<script>var s = "Fake Fair (Event) host Script Code (Hospital).";</script></head>
<body><nav><a href="/">Home</a></nav>
<h1>Lakeview Care Summit opens</h1>
<p>Lakeview Care Summit (Event) host Birchwood Clinic (Hospital).</p>
<p>Lakeview Care Summit (Event) participant Quill &amp; Sons Biotech (Company).</p>
<script>document.write("Fake Fair (Event) participant Inline Script (Company).")</script>
<noscript>Fake Fair (Event) participant No Script (Company).</noscript>
</body></html>
"""


def test_html_page_is_read_as_text_without_scripts_and_styles(tmp_path: Path, store_path: Path) -> None:
    for name in ("page.html", "saved-page.txt"):  # by suffix, and by content
        (tmp_path / name).write_text(PAGE, encoding="utf-8")
    results = ingest([tmp_path], store_path, extractor=FAKE)
    assert {r.name: r.status for r in results} == {"page.html": "added", "saved-page.txt": "added"}
    with KgStore.open(store_path) as store:
        labels = {row["l"].value for row in store.select("SELECT DISTINCT ?l { ?e rdfs:label ?l }")}
    assert {"Birchwood Clinic", "Quill & Sons Biotech", "Lakeview Care Summit"} <= labels
    assert not {"Style Sheet", "Script Code", "Inline Script", "No Script", "Fake Fair"} & labels
    text = html_to_text(PAGE)
    assert "var s" not in text and "color" not in text
    assert "Lakeview Care Summit (Event) host Birchwood Clinic (Hospital)." in text.splitlines()


def test_a_page_that_clean_up_would_empty_keeps_its_text_with_a_warning(cli: Cli, tmp_path: Path) -> None:
    # every line looks like furniture (a "Source:" line, a byline, a copyright footer)
    path = tmp_path / "all-furniture.txt"
    path.write_text("Source: Lakeview Care Summit (Event) host Birchwood Clinic (Hospital).\n"
                    "Copyright Lakeview Care Summit (Event) participant Quill Biotech (Company).\n")
    article = read_bytes(path.name, path.read_bytes())
    assert "Birchwood Clinic" in article.text and article.warnings
    res = cli("ingest", str(path), "--extractor", FAKE, "-f", "json")
    assert res.exit_code == 0, res.stderr
    [row] = json.loads(res.stdout)
    assert row["status"] == "added" and "clean-up would have removed all" in row["message"]
    [line] = res.stderr.splitlines()
    assert line.startswith("Warning: ") and "kept the whole text" in line


def test_a_copyright_footer_above_the_story_does_not_blank_the_story() -> None:
    text = ("Copyright 2025 Lakeview Daily. All rights reserved.\n"
            "Address: 1 Harbour Road, Lakeview  Tel: 555-0100\n"
            "Birchwood Clinic signs with Quill Biotech\n"
            "Birchwood Clinic signed a research deal with Quill Biotech on Monday.\n"
            "Copyright 2025 Lakeview Daily.\n"
            "Trailing footer link that is not story\n")
    article = read_bytes("footer-on-top.txt", text.encode())
    assert article.warnings == ()
    assert article.title == "Birchwood Clinic signs with Quill Biotech"
    assert "research deal" in article.text
    assert "Harbour Road" not in article.text and "Trailing footer" not in article.text


# ---------------------------------------------------------------- batches
def test_a_mixed_batch_reports_each_bad_file_and_keeps_the_good(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "scraped"
    folder.mkdir()
    (folder / "a-good.txt").write_text(GOOD)
    (folder / "b-empty.txt").write_bytes(b"")
    (folder / "c-binary.txt").write_bytes(b"\x00\x01\x02" * 50)
    (folder / "d-utf16.txt").write_bytes(GOOD.replace("Quill", "Maple").encode("utf-16"))
    (folder / "e-loop.txt").symlink_to(folder / "e-loop.txt")
    (folder / "f-page.html").write_text(PAGE)
    (folder / "notes.md").write_text("not an article: not listed")
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to(folder)  # a folder loop: never followed
    res = cli("ingest", str(folder), str(tmp_path / "missing.txt"), "--extractor", FAKE,
              "-f", "json")
    assert res.exit_code == 3, res.stderr  # some failed, the others are in
    rows = {r["name"]: r["status"] for r in json.loads(res.stdout)}
    assert rows == {"a-good.txt": "added", "b-empty.txt": "failed", "c-binary.txt": "failed",
                    "d-utf16.txt": "added", "e-loop.txt": "failed", "f-page.html": "added",
                    "missing.txt": "failed"}
    errors = res.stderr.splitlines()
    assert all(line.startswith("Error: ") for line in errors) and "Traceback" not in res.stderr
    assert len(errors) == 5  # one per failed file, then the summary
    assert errors[-1].startswith("Error: 4 of 7 files failed")
    assert sorted(_facts(cli.store)) == ["a-good.txt", "d-utf16.txt", "f-page.html"]
    # all failed: exit code 1, the store as it was
    again = cli("ingest", str(folder / "b-empty.txt"), "--extractor", FAKE)
    assert again.exit_code == 1 and len(again.stderr.splitlines()) == 1


def _many(folder: Path, count: int, padding: int = 0) -> None:
    folder.mkdir()
    filler = ("Some words that state nothing a reader would keep. " * 10 + "\n") * padding
    for i in range(count):
        (folder / f"n{i:05d}.txt").write_text(
            f"Note {i}\n\nFair {i} (Event) host Clinic {i} (Hospital).\n{filler}")


def test_ingest_memory_does_not_grow_with_the_folder(tmp_path: Path, store_path: Path) -> None:
    """240 articles of 60 kB (14 MB of text): peak Python memory stays far below that, since
    articles are read, extracted and written a round at a time."""
    folder = tmp_path / "big"
    _many(folder, 240, padding=110)
    total = sum(p.stat().st_size for p in folder.iterdir())
    assert total > 13_000_000
    tracemalloc.start()
    try:
        results = ingest([folder], store_path, extractor=FAKE)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert {r.status for r in results} == {"added"}
    assert peak < total / 2, f"peak {peak:,} bytes for {total:,} bytes of articles"


@pytest.mark.slow
def test_a_folder_of_10000_files_shows_progress(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "ten-thousand"
    _many(folder, 10_000)
    res = cli("ingest", str(folder), "--extractor", FAKE, "-f", "csv")
    assert res.exit_code == 0, res.stderr[-500:]
    assert res.stdout.count(",added,") == 10_000
    progress = res.stderr.splitlines()
    assert progress[0] == "ingest: 500 of 10,000 files done"
    assert progress[-1] == "ingest: 10,000 of 10,000 files done" and len(progress) == 20


@pytest.mark.slow
def test_text_that_is_not_news_goes_in_without_a_crash(cli: Cli, tmp_path: Path) -> None:
    """The real extractor on a recipe, source code and a table of numbers."""
    (tmp_path / "recipe.txt").write_text(
        "Grandma's Lentil Soup\n\nRinse two cups of lentils. Chop one onion and two carrots.\n"
        "Simmer for 40 minutes with a bay leaf; season with salt and cumin. Serves 4.\n")
    (tmp_path / "code.txt").write_text(
        "def main(argv):\n    for i in range(10):\n        print(f'{i}: {argv[i]!r}')\n"
        "    return {'ok': True, 'items': [1, 2, 3]}\n\nif __name__ == '__main__':\n    main([])\n")
    (tmp_path / "numbers.txt").write_text(
        "\n".join(" | ".join(str(i * j) for j in range(12)) for i in range(40)))
    res = cli("ingest", str(tmp_path), "-f", "json")
    assert res.exit_code == 0, res.stderr
    rows = json.loads(res.stdout)
    assert {r["name"]: r["status"] for r in rows} == {
        "code.txt": "added", "numbers.txt": "added", "recipe.txt": "added"}
    assert all(r["facts"] <= 3 and r["agreements"] == 0 for r in rows), rows  # few or none
    assert "Traceback" not in res.stderr


def test_input_error_messages_are_one_line(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        read_bytes("x.txt", b"\x00binary\nwith lines\n")
    assert "\n" not in str(err.value)
