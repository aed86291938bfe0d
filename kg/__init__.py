"""kg: a knowledge graph of health-industry events built from English news articles.

Library first: every behaviour lives here; the ``kg`` command (package ``kg_cli``) only
parses options, calls one function and renders the result.
"""

from __future__ import annotations

__version__ = "0.1.0"
