"""Which store a command uses: a SPARQL endpoint when one is given, else the store folder.

Why one function: every command (queries, ingest, import, export, validate) opens its store
the same way, so ``--endpoint`` works everywhere and an endpoint always wins over
``--store`` / ``KG_STORE``; nothing is then opened or written on the local disk.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kg import config
from kg.store.base import Store


@dataclass(frozen=True)
class StoreLocation:
    """Where the store is: a folder (``path``, None for the default) or a SPARQL endpoint."""

    path: Path | None = None
    endpoint: str | None = None
    update_endpoint: str | None = None

    @property
    def is_remote(self) -> bool:
        """Whether the store is a SPARQL server."""
        return bool(self.endpoint)


def open_store(
    location: StoreLocation | Path | None = None,
    *,
    read_only: bool = True,
    wait: float = 0.0,
    on_wait: Callable[[str], None] | None = None,
) -> Store:
    """Open the store at ``location`` (a bare path means a folder; None the default folder).

    An endpoint takes its credentials from ``KG_ENDPOINT_USER`` / ``KG_ENDPOINT_PASSWORD``;
    ``wait`` and ``on_wait`` apply to the embedded store's write lock only.
    """
    if not isinstance(location, StoreLocation):
        location = StoreLocation(path=location)
    if location.endpoint:
        from kg.store.remote import RemoteStore

        user, password = config.endpoint_credentials()
        return RemoteStore(location.endpoint, location.update_endpoint, user=user,
                           password=password, read_only=read_only)
    from kg.store.embedded import KgStore

    return KgStore.open(location.path, read_only=read_only, wait=wait, on_wait=on_wait)
