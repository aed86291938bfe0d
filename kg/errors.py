"""The one exception hierarchy of kg.

Every failure the user can cause or fix is a :class:`KgError`; the CLI maps it in one place
to a single ``Error: ...`` line and its ``exit_code``: 1 for an error (the store unchanged),
2 for a usage error, 3 when the command did its work and found problems in the data (a graph
that does not conform; some files of an ingest failed while the others went in), so a script
can tell "it could not run" from "it ran and here is what is wrong". Anything else is a bug
and surfaces as a traceback only under ``--debug``.
"""

from __future__ import annotations


class KgError(Exception):
    """Base class: a problem the user can act on. ``str(err)`` is the whole message."""

    exit_code = 1


class UsageError(KgError):
    """The command was called in a way it cannot answer (exit code 2)."""

    exit_code = 2


class InputError(KgError):
    """An article or RDF file is missing, empty, binary, not UTF-8, too large or malformed."""


class StoreError(KgError):
    """The store cannot be opened, is locked by another writer, or is not a kg store."""


class EndpointError(StoreError):
    """A SPARQL server cannot be reached or refused a request: the URL, HTTP status and its
    message in one line. Unlike a bad article it stops a whole ingest: every later request
    would fail too."""


class QueryError(KgError):
    """A SPARQL query does not parse or fails to evaluate."""


class UnknownQuestionError(UsageError):
    """``kg ask`` got a question form it does not know; the message lists the known forms."""


class EntityNotFoundError(KgError):
    """No entity matches a name; the message suggests the nearest names."""


class AmbiguousEntityError(KgError):
    """Several entities match a name; the message lists them with their types."""


class ModelError(KgError):
    """The NLP model needed for ingestion is not installed or cannot load."""


class WorkerError(KgError):
    """The worker processes of ``kg ingest --jobs N`` keep dying; the run stopped."""


class ServeError(KgError):
    """``kg serve`` cannot listen on the address asked for (taken, or not allowed)."""


class DataProblem(KgError):
    """The command ran to the end and found problems in the data (exit code 3)."""

    exit_code = 3


class ConformanceError(DataProblem):
    """The graph does not conform to the SHACL shapes; the violations are listed on stdout."""


class PartialIngestError(DataProblem):
    """Some files of an ingest failed (one Error line each); the others are in the store."""
