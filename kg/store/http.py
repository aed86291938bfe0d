"""HTTP for the SPARQL 1.1 Protocol: one POST, retried on connection errors, errors in one line.

Why the standard library (``urllib.request``): kg sends a handful of POSTs per command with
a body and two headers; ``requests`` or ``httpx`` would add dependencies and start-up time
to every query command for nothing it needs. What it adds over a bare ``urlopen``:

* a request counter (``requests``, ``queries``, ``updates``), shown with ``--debug`` and read
  by the benchmarks, so "a handful of requests, not hundreds" is measured;
* retries with exponential backoff when the server cannot be reached or answers 502/503/504
  (a restart, a proxy in between), never on other 4xx/5xx answers, which would only repeat;
* a timeout per request, and one :class:`EndpointError` line naming the URL, the HTTP status
  and the first line of the server's message;
* HTTP basic credentials sent with every request and never shown: not in messages, not in
  ``repr``; a URL's own ``user:password@`` part is cut from every message; redirects are
  refused (they would forward the credentials to another address).
"""

from __future__ import annotations

import base64
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from http.client import HTTPException, HTTPMessage
from typing import IO
from urllib.parse import urlsplit, urlunsplit

from kg.errors import EndpointError, QueryError, StoreError

DEFAULT_TIMEOUT = 60.0  # seconds for one request (connect and answer)
DEFAULT_ATTEMPTS = 4  # tries when the server cannot be reached
DEFAULT_BACKOFF = 0.25  # seconds before the second try; doubled each time after
_RETRY_STATUS = frozenset({502, 503, 504})


def safe_url(url: str) -> str:
    """The URL without a ``user:password@`` part, for messages.

    >>> safe_url("http://me:secret@example.org:7878/query")
    'http://example.org:7878/query'
    """
    parts = urlsplit(url)
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))


@dataclass(frozen=True)
class Response:
    """A successful answer: its media type (parameters cut) and body."""

    media_type: str
    body: bytes


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(
        self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str,
        headers: HTTPMessage, newurl: str,
    ) -> urllib.request.Request | None:
        return None  # urllib then raises the 3xx as an HTTPError, reported like any other


@dataclass
class SparqlHttp:
    """POSTs SPARQL requests to a server; counts them."""

    user: str | None = field(default=None, repr=False)
    password: str | None = field(default=None, repr=False)
    timeout: float = DEFAULT_TIMEOUT
    attempts: int = DEFAULT_ATTEMPTS
    backoff: float = DEFAULT_BACKOFF
    requests: int = 0  # HTTP requests sent, retries included
    queries: int = 0  # query requests answered
    updates: int = 0  # update requests answered

    def __post_init__(self) -> None:
        self._opener = urllib.request.build_opener(_NoRedirect)

    def _headers(self, content_type: str, accept: str | None) -> dict[str, str]:
        headers = {"Content-Type": f"{content_type}; charset=utf-8", "User-Agent": "kg-health"}
        if accept:
            headers["Accept"] = accept
        if self.user is not None or self.password is not None:
            token = f"{self.user or ''}:{self.password or ''}".encode()
            headers["Authorization"] = "Basic " + base64.b64encode(token).decode("ascii")
        return headers

    def post(self, url: str, body: str, content_type: str, accept: str | None = None) -> Response:
        """POST ``body``; the answer, or an :class:`EndpointError` / :class:`QueryError`."""
        update = content_type == "application/sparql-update"
        data = body.encode("utf-8")
        failure = ""
        for attempt in range(1, self.attempts + 1):
            if attempt > 1:
                time.sleep(self.backoff * 2 ** (attempt - 2))
            self.requests += 1
            request = urllib.request.Request(
                url, data=data, headers=self._headers(content_type, accept), method="POST"
            )
            try:
                with self._opener.open(request, timeout=self.timeout) as answer:
                    payload = answer.read()
                    media = answer.headers.get_content_type()
            except urllib.error.HTTPError as err:
                if err.code in _RETRY_STATUS and attempt < self.attempts:
                    failure = f"HTTP {err.code}"
                    continue
                raise _http_error(url, err, update) from None
            except TimeoutError:
                raise EndpointError(
                    f"the SPARQL endpoint {safe_url(url)} gave no answer within "
                    f"{self.timeout:g} s; check the server's load, or simplify the query"
                ) from None
            except (urllib.error.URLError, HTTPException, OSError) as err:
                reason = err.reason if isinstance(err, urllib.error.URLError) else err
                if isinstance(reason, TimeoutError):
                    raise EndpointError(
                        f"the SPARQL endpoint {safe_url(url)} gave no answer within "
                        f"{self.timeout:g} s; check that the server is running"
                    ) from None
                failure = _reason(reason)
                continue
            if update:
                self.updates += 1
            else:
                self.queries += 1
            return Response(media, payload)
        raise EndpointError(
            f"cannot reach the SPARQL endpoint {safe_url(url)} ({failure}; {self.attempts} "
            "tries); check that the server is running and the URL (--endpoint, KG_ENDPOINT)"
        )


def _reason(reason: object) -> str:
    """A connection failure in a few words: ``connection refused``."""
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, ConnectionResetError | ConnectionAbortedError):
        return "connection reset"
    if isinstance(reason, HTTPException):
        return f"broken answer: {type(reason).__name__}"
    text = " ".join(str(getattr(reason, "strerror", None) or reason).split())
    return text[:120] or type(reason).__name__


def _http_error(url: str, err: urllib.error.HTTPError, update: bool) -> StoreError | QueryError:
    """One line for an error answer: status, reason, the server's first line, what to do."""
    try:
        text = err.read().decode("utf-8", "replace")
    except (OSError, HTTPException):
        text = ""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    first = first if len(first) <= 200 else first[:200] + " ..."
    said = f"HTTP {err.code} {err.reason}" + (f": {first}" if first else "")
    where = f"the SPARQL endpoint {safe_url(url)}"
    if err.code == 400:
        return QueryError(f"{where} refused the {'update' if update else 'query'} ({said})")
    if err.code in (401, 403):
        hint = ("check KG_ENDPOINT_USER / KG_ENDPOINT_PASSWORD"
                + (" and that the server accepts updates" if update else ""))
    elif err.code in (404, 405, 415) and update:
        hint = "check the update URL (--update-endpoint, KG_UPDATE_ENDPOINT)"
    elif err.code in (404, 405, 415):
        hint = "check the URL (--endpoint, KG_ENDPOINT)"
    elif 300 <= err.code < 400:
        hint = "kg does not follow redirects: give the final URL"
    else:
        hint = "see the server's log"
    return EndpointError(f"{where} answered {said}; {hint}")
