"""A real SPARQL 1.1 server for the remote-backend tests: ``oxigraph serve`` on 127.0.0.1.

The ``oxigraph`` package of the dev extra ships the server binary. Each server gets a free
port and its own data folder, is waited for until it answers, and is stopped with SIGTERM
(SIGKILL after 10 s); :meth:`OxigraphServer.kill` kills it at once, as a crash would.
``--union-default-graph`` makes queries without GRAPH read every named graph, as kg needs
(README, "A shared server as the store").
"""

from __future__ import annotations

import contextlib
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import in_ci

READY_SECONDS = 20.0


def oxigraph_binary() -> str:
    """The server binary beside this Python's, else on PATH; missing: skip, or fail in CI."""
    here = Path(sys.executable).parent / "oxigraph"
    found = str(here) if here.is_file() else shutil.which("oxigraph")
    if found is None:
        message = "the oxigraph server binary is missing (pip install oxigraph, the dev extra)"
        if in_ci():
            pytest.fail(message + "; CI must install it", pytrace=False)
        pytest.skip(message)
    return found


def free_port() -> int:
    """A TCP port nobody listens on at the moment (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class OxigraphServer:
    """One ``oxigraph serve`` process; ``query_url`` and ``update_url`` once started."""

    def __init__(self, folder: Path, *, read_only: bool = False, union: bool = True) -> None:
        self.folder = folder
        self.read_only = read_only
        self.union = union
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.query_url = f"{self.base}/query"
        self.update_url = f"{self.base}/update"
        self.process: subprocess.Popen[bytes] | None = None
        self.log = folder.parent / f"{folder.name}.log"  # a file: a full pipe would block it

    def start(self) -> OxigraphServer:
        self.folder.mkdir(parents=True, exist_ok=True)
        command = "serve-read-only" if self.read_only else "serve"
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [oxigraph_binary(), command, "--location", str(self.folder),
                 "--bind", f"127.0.0.1:{self.port}",
                 *(["--union-default-graph"] if self.union else [])],
                stdout=subprocess.DEVNULL, stderr=log,
            )
        deadline = time.monotonic() + READY_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                err = self.log.read_text(errors="replace")
                raise RuntimeError(f"oxigraph exited with {self.process.returncode}: {err}")
            try:
                with urllib.request.urlopen(f"{self.query_url}?query=ASK%7B%7D", timeout=2):
                    return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"oxigraph did not answer on {self.base} within {READY_SECONDS} s")

    def stop(self) -> None:
        """SIGTERM, then SIGKILL if it lingers; waits for the process to end."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)

    def kill(self) -> None:
        """SIGKILL now, as a crash: the port refuses connections when this returns."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


@contextlib.contextmanager
def running(
    folder: Path, *, read_only: bool = False, union: bool = True
) -> Iterator[OxigraphServer]:
    """A started server, stopped on exit whatever happened."""
    server = OxigraphServer(folder, read_only=read_only, union=union)
    try:
        yield server.start()
    finally:
        server.stop()
