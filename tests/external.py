"""External programs the export tests need (Graphviz's dot, Chromium).

In CI (``CI`` set, as ``.ci/run`` does) a missing program fails the test: the feature it
checks would otherwise pass untested. Elsewhere the test is skipped, saying what to install.
"""

from __future__ import annotations

import os
import shutil

import pytest


def require(program: str, package: str) -> str:
    """The path of ``program``; fail in CI, skip elsewhere, when it is not installed."""
    found = shutil.which(program)
    if found:
        return found
    message = f"{program} is not installed (Debian package {package!r}; .ci/run installs it)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)
