"""The version of an on-disk store's layout, checked on opening, and the migrations.

Why recorded at all: a store written by an incompatible kg must be refused with what to do,
not misread. The folder records the version of its layout (:data:`LAYOUT_FILE`) beside
RocksDB's files; ``kg migrate`` runs the registered steps. Only the embedded store has a
layout: a SPARQL server's dataset is the server's business.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph

from kg import __version__, config
from kg.errors import StoreError

# The version of the store's layout (what the graphs hold and how they are named). Bump it when
# a change makes older stores unreadable by newer code or the reverse, and register the
# migration from the previous layout in MIGRATIONS. A store written before the layout was
# recorded (no LAYOUT_FILE) has layout 1: nothing changed since.
LAYOUT_VERSION = 1
LAYOUT_FILE = "KG_LAYOUT"  # beside RocksDB's files; RocksDB ignores names it does not own
# Migrations by the layout they start from: MIGRATIONS[n] turns layout n into n + 1.
MIGRATIONS: dict[int, Callable[[pyoxigraph.Store], None]] = {}


@dataclass(frozen=True)
class MigrationResult:
    """What ``kg migrate`` did: the layout found, the layout now, the steps run."""

    path: str
    from_layout: int
    to_layout: int
    steps: list[str]


def read_layout(path: Path) -> int | None:
    """The layout version recorded in the store folder, or None when none is recorded.

    >>> import tempfile; read_layout(Path(tempfile.mkdtemp())) is None
    True
    """
    file = path / LAYOUT_FILE
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as err:
        raise StoreError(
            f"cannot read the store's layout file {file}: {err}; check its permissions"
        ) from None
    try:
        data = json.loads(text)
        layout = data["layout"]
        if not isinstance(layout, int) or isinstance(layout, bool) or layout < 1:
            raise ValueError(layout)
    except (ValueError, KeyError, TypeError):
        raise StoreError(
            f"the store's layout file {file} is damaged (expected {{\"layout\": N}}); "
            f"if this store was written by this kg, write {{\"layout\": {LAYOUT_VERSION}}} into it"
        ) from None
    return layout


def write_layout(path: Path, layout: int) -> None:
    """Record ``layout`` in the store folder (written beside and renamed: never half a file)."""
    tmp = path / f".{LAYOUT_FILE}.tmp"
    tmp.write_text(
        json.dumps({"layout": layout, "written_by": f"kg {__version__}"}) + "\n", encoding="utf-8"
    )
    os.replace(tmp, path / LAYOUT_FILE)


def check_layout(path: Path) -> int:
    """The store's layout, if this kg can use it; else a StoreError saying what to do.

    A store without a recorded layout predates the record and has layout 1.
    """
    layout = read_layout(path) or 1
    if layout == LAYOUT_VERSION:
        return layout
    if layout > LAYOUT_VERSION:
        raise StoreError(
            f"the store at {path} was written by a newer kg (store layout {layout}; this kg "
            f"{__version__} knows layouts up to {LAYOUT_VERSION}); upgrade kg to use it, "
            "or pass another --store"
        )
    if all(n in MIGRATIONS for n in range(layout, LAYOUT_VERSION)):
        raise StoreError(
            f"the store at {path} has layout {layout}, older than this kg's {LAYOUT_VERSION}; "
            f"run `kg --store {path} migrate` to convert it (back it up first)"
        )
    raise StoreError(
        f"the store at {path} has layout {layout}, which this kg ({LAYOUT_VERSION}) cannot "
        "read or convert; export it with the kg that wrote it (`kg export --format trig`) "
        "and `kg import` the file into a new store"
    )


def migrate(
    path: Path | None = None, *, wait: float = 0.0, on_wait: Callable[[str], None] | None = None
) -> MigrationResult:
    """Bring the store at ``path`` to :data:`LAYOUT_VERSION`, one registered step at a time.

    Each step runs on the store opened for writing, then the new layout is recorded, so an
    interrupted migration resumes from the last finished step.
    """
    path = Path(path) if path is not None else config.default_store_path()
    if not (path / "CURRENT").is_file():
        raise StoreError(f"no store at {path}; nothing to migrate")
    start = read_layout(path) or 1
    if start > LAYOUT_VERSION:
        check_layout(path)  # raises: written by a newer kg
    missing = [n for n in range(start, LAYOUT_VERSION) if n not in MIGRATIONS]
    if missing:
        check_layout(path)  # raises: no migration from this layout
    from kg.store.embedded import open_writable  # the opener checks layouts: import late

    steps: list[str] = []
    store = open_writable(path, wait, on_wait)
    try:
        for n in range(start, LAYOUT_VERSION):
            MIGRATIONS[n](store)
            store.flush()
            write_layout(path, n + 1)
            steps.append(f"{n} -> {n + 1}")
        if read_layout(path) is None:
            write_layout(path, LAYOUT_VERSION)
    finally:
        del store
    return MigrationResult(str(path), start, LAYOUT_VERSION, steps)

