"""The store: one interface (:class:`Store`) and two implementations.

:class:`KgStore` is the embedded pyoxigraph store on disk (the default); :class:`RemoteStore`
is any SPARQL 1.1 server (``--endpoint``). Commands open either with :func:`open_store` and
use only the interface, plus the functions over it: :mod:`kg.store.catalog` (articles,
statistics, replace/remove), :mod:`kg.store.transfer` (import, RDF dumps).

>>> with KgStore.memory() as st:
...     articles(st)
[]
"""

from kg.store.base import (
    EXPORT_PREFIXES,
    Bindings,
    Bound,
    QueryResult,
    Store,
    Triples,
    Values,
    doc_name,
    one_line,
)
from kg.store.catalog import (
    ArticleInfo,
    StoreStats,
    article_sha256,
    articles,
    has_graph,
    remove_article,
    replace_article,
    resolve_doc,
    stats,
)
from kg.store.embedded import KgStore, store_exists
from kg.store.layout import (
    LAYOUT_FILE,
    LAYOUT_VERSION,
    MIGRATIONS,
    MigrationResult,
    check_layout,
    migrate,
    read_layout,
)
from kg.store.opening import StoreLocation, open_store
from kg.store.transfer import BULK_THRESHOLD_BYTES, ImportResult, dump, import_rdf

__all__ = [
    "BULK_THRESHOLD_BYTES", "EXPORT_PREFIXES", "LAYOUT_FILE", "LAYOUT_VERSION", "MIGRATIONS",
    "ArticleInfo", "Bindings", "Bound", "ImportResult", "KgStore", "MigrationResult",
    "QueryResult", "Store", "StoreLocation", "StoreStats", "Triples", "Values", "article_sha256",
    "articles", "check_layout", "doc_name", "dump", "has_graph", "import_rdf", "migrate",
    "one_line", "open_store", "read_layout", "remove_article", "replace_article",
    "resolve_doc", "stats", "store_exists",
]
