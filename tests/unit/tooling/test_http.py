"""The project's own HTTP clients send an idempotent request once more when the server closed the kept-alive
connection under it, and never a POST; a read that timed out is not sent again. Against a real socket server on
127.0.0.1 that drops a connection after reading the request, as a server whose keep-alive ran out does."""
import socket
import threading

import pytest
import requests
from urllib3.exceptions import ProtocolError, ReadTimeoutError

from services.tooling.http import ResetRetry, retrying

OK = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: text/plain\r\n\r\nok"


class DroppingServer:
    """Reads a request on each connection, one connection at a time; closes the first `drops` connections without
    answering and answers the others 200. Counts the requests it read (before it closes or answers: so the count
    is final when the client has its answer or its error)."""

    def __init__(self, drops: int):
        self.drops, self.requests = drops, 0
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/x"
        self.done = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while not self.done.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                if not conn.recv(65536):
                    continue
                self.requests += 1
                if self.requests <= self.drops:
                    continue  # closed without a word
                try:
                    conn.sendall(OK)
                except OSError:
                    pass

    def close(self):
        self.done.set()
        self.sock.close()


@pytest.fixture
def server():
    made = []

    def make(drops: int) -> DroppingServer:
        made.append(DroppingServer(drops))
        return made[-1]

    yield make
    for s in made:
        s.close()


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE"])
def test_an_idempotent_request_is_sent_once_more_after_a_dropped_connection(server, method):
    s = server(drops=1)
    resp = retrying().request(method, s.url, json={"a": 1}, timeout=5)
    assert (resp.status_code, resp.text, s.requests) == (200, "ok", 2)


def test_only_once(server):
    s = server(drops=2)
    with pytest.raises(requests.ConnectionError):
        retrying().get(s.url, timeout=5)
    assert s.requests == 2


def test_a_post_is_never_sent_twice(server):
    s = server(drops=1)
    with pytest.raises(requests.ConnectionError):
        retrying().post(s.url, json={"a": 1}, timeout=5)
    assert s.requests == 1


def test_a_read_that_timed_out_is_not_sent_again():
    retry, timed_out = ResetRetry(), ReadTimeoutError(None, "/x", "read timed out")
    with pytest.raises(ReadTimeoutError):
        retry.increment("PUT", "/x", error=timed_out)
    dropped = ProtocolError("Connection aborted.", ConnectionResetError())
    assert retry.increment("PUT", "/x", error=dropped).total == 0  # the same PUT after a reset: once more
    with pytest.raises(ProtocolError):
        retry.increment("POST", "/x", error=dropped)


def test_a_given_session_keeps_its_own_behaviour_and_gains_the_retry(server):
    class Marked(requests.Session):
        marked = True

    s = server(drops=1)
    http = retrying(Marked())
    assert http.marked and http.get(s.url, timeout=5).text == "ok" and s.requests == 2
