"""Reading mail in tests: Mailpit's HTTP API (the stack's Mailpit, or a test's own one), and a Mailpit of a test's own
on free ports that the test may stop and start (the stack's Mailpit is shared: never stop it).

The stack's Mailpit keeps the mail of every test and every work tree: give each test its own recipients
(`address()`) and read by recipient, never count everything, and delete only what a test sent.
"""
import os
import pathlib
import socket
import subprocess
import time
import uuid
from collections.abc import Callable

import requests

from tests.support import stack

WAIT = 30.0  # seconds a test waits for a mail (the relay sends at once; a loaded machine takes seconds)


def address(label: str = "guardian") -> str:
    """A recipient no other test uses."""
    return f"{label}.{uuid.uuid4().hex[:12]}@otmetka.test"


def wait_until(condition: Callable[[], object], timeout: float = WAIT, what: str = "the condition"):
    """Polls `condition` until it returns something true, which it returns; AssertionError after `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not happen in {timeout:g} s")
        time.sleep(0.1)


class Mailpit:
    """Mailpit's API (https://mailpit.axllent.org/docs/api-v1/) at one URL."""

    def __init__(self, url: str):
        self.url = url.rstrip("/")
        self.http = requests.Session()

    def _get(self, path: str, **params) -> requests.Response:
        resp = self.http.get(f"{self.url}/api/v1/{path}", params=params, timeout=10)
        resp.raise_for_status()
        return resp

    def info(self) -> dict:
        return self._get("info").json()

    def messages(self, limit: int = 500) -> list[dict]:
        """The newest summaries (ID, MessageID, From, To, Subject, Created, ...), newest first."""
        return self._get("messages", limit=limit).json()["messages"]

    def search(self, query: str, limit: int = 500) -> list[dict]:
        """Summaries matching Mailpit's search syntax (`to:…`, `subject:…`, `message-id:…`), newest first."""
        return self._get("search", query=query, limit=limit).json()["messages"]

    def to(self, recipient: str) -> list[dict]:
        """The summaries of the mails to exactly this address (Mailpit's `to:` matches parts of addresses too)."""
        return [m for m in self.search(f"to:{recipient}")
                if any(a["Address"].lower() == recipient.lower() for a in m["To"])]

    def message(self, message_id: str) -> dict:
        """One message in full: Subject, Text, HTML, From, To, MessageID, ListUnsubscribe, ... (by Mailpit's ID)."""
        return self._get(f"message/{message_id}").json()

    def headers(self, message_id: str) -> dict[str, list[str]]:
        return self._get(f"message/{message_id}/headers").json()

    def raw(self, message_id: str) -> bytes:
        return self._get(f"message/{message_id}/raw").content

    def wait_for(self, recipient: str, count: int = 1, timeout: float = WAIT) -> list[dict]:
        """The summaries of the mails to `recipient`, once there are at least `count` of them."""
        return wait_until(lambda: (found := self.to(recipient)) and len(found) >= count and found, timeout,
                          f"{count} mail(s) to {recipient}")

    def delete(self, ids: list[str]) -> None:
        if ids:
            self.http.delete(f"{self.url}/api/v1/messages", json={"IDs": ids}, timeout=10).raise_for_status()

    def delete_to(self, recipient: str) -> None:
        self.delete([m["ID"] for m in self.to(recipient)])

    def delete_all(self) -> None:
        """Every message: only on a Mailpit of the test's own (the stack's is shared)."""
        self.http.delete(f"{self.url}/api/v1/messages", timeout=10).raise_for_status()

    def set_chaos(self, recipient_code: int = 451, recipient_probability: int = 0) -> None:
        """Mailpit's chaos triggers (a Mailpit started with --enable-chaos): refuse recipients with a code."""
        self.http.put(f"{self.url}/api/v1/chaos", json={
            "Recipient": {"ErrorCode": recipient_code, "Probability": recipient_probability}}, timeout=10
        ).raise_for_status()


def stack_mailpit() -> Mailpit:
    return Mailpit(stack.env()["OTMETKA_MAILPIT_URL"])


def binary() -> str:
    """The Mailpit binary infra/stack.sh built (stack.env names it; else the newest in the cache)."""
    named = stack.env().get("OTMETKA_MAILPIT_BIN", "")
    if named and os.path.exists(named):
        return named
    cache = pathlib.Path(os.environ.get("OTMETKA_CACHE_DIR", pathlib.Path.home() / ".cache" / "otmetka"))
    found = sorted(cache.glob("mailpit/v*/mailpit"))
    if not found:
        raise AssertionError("no Mailpit binary: run `infra/stack.sh up`, which builds it")
    return str(found[-1])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def greets(port: int) -> bool:
    """Mailpit's SMTP server on the port sends its 220 greeting."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=2) as conn:
            greeting = conn.recv(200)
    except OSError:
        return False
    return greeting.startswith(b"220") and b"Mailpit" in greeting


class OwnMailpit:
    """A Mailpit of one test, on free ports, with its data in `workdir`: start() and stop() it at will (its process
    only); the same ports after a restart, as a mail server coming back. `args` are more Mailpit options."""

    def __init__(self, workdir: pathlib.Path, args: tuple[str, ...] = ()):
        self.workdir, self.args = workdir, args
        self.smtp_port, self.http_port = free_port(), free_port()
        self.api = Mailpit(f"http://127.0.0.1:{self.http_port}")
        self.process: subprocess.Popen | None = None

    def start(self) -> "OwnMailpit":
        assert self.process is None, "already started"
        with open(self.workdir / "mailpit.log", "ab") as log:  # the process has its own copy of the file
            self.process = subprocess.Popen(
                [binary(), "--smtp", f"127.0.0.1:{self.smtp_port}", "--listen", f"127.0.0.1:{self.http_port}",
                 "--database", str(self.workdir / "mailpit.db"), "--disable-version-check", "--smtp-disable-rdns",
                 *self.args], stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, cwd=self.workdir)
        wait_until(lambda: self._ready(), 20, f"Mailpit on {self.smtp_port}/{self.http_port}")
        return self

    def _ready(self) -> bool:
        if self.process.poll() is not None:
            raise AssertionError(f"Mailpit exited: {(self.workdir / 'mailpit.log').read_text()[-2000:]}")
        try:
            self.api.info()
        except requests.RequestException:
            return False
        return greets(self.smtp_port)

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is not None:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
