"""HTTP sessions of the project's own API clients (the demo seeder, the benchmark loader and load driver, the
tests): an idempotent request whose connection the server closed or reset before an answer came is sent once more,
on a fresh connection.

A kept-alive connection can be closed by the server (its keep-alive ran out, a worker restarted) just as the
client reuses it; the client then sees "Connection aborted / Remote end closed connection without response"
although the request never reached the application. GET, HEAD, PUT, DELETE and OPTIONS may be sent again (the
same request twice leaves the same state); a POST is never retried blindly: it is not idempotent. A read that
timed out is not retried either: the server may still be working on it.

A request the gateway shed under overload (503 with Retry-After, gateway/load_shedding.py: refused before the app
saw it, so any method may be sent again) is sent again after the time it says, plus a random part of up to a half,
at most SHED_RETRIES times — the clients' side of "the pages retry politely"."""
import random
import time

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import ReadTimeoutError
from urllib3.util.retry import Retry

IDEMPOTENT = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
SHED_RETRIES = 5
LONGEST_WAIT = 60  # seconds: a Retry-After longer than this is waited this long


class ResetRetry(Retry):
    """Once, for an idempotent request whose connection was reset or closed; never after a read timeout, never
    on a status code, never for a refused connection (nothing to reuse there: the server is not up)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("total", 1)
        super().__init__(**{"connect": 0, "read": 1, "status": 0, "other": 0, "allowed_methods": IDEMPOTENT,
                            "raise_on_status": False, **kwargs})

    def increment(self, method=None, url=None, response=None, error=None, _pool=None, _stacktrace=None):
        if isinstance(error, ReadTimeoutError):
            raise error
        return super().increment(method, url, response, error, _pool, _stacktrace)


def shed(response: requests.Response) -> bool:
    return response.status_code == 503 and response.headers.get("Retry-After", "").isdigit()


def wait_out_shedding(response: requests.Response, *args, **kwargs) -> requests.Response:
    """A response hook: the request sent again while the gateway sheds it (see the module's text)."""
    for _ in range(SHED_RETRIES):
        if not shed(response):
            break
        time.sleep(min(int(response.headers["Retry-After"]), LONGEST_WAIT) * (1 + random.random() / 2))
        response.close()  # the refused answer's pooled connection goes back before the request is sent again
        response = response.connection.send(response.request, **kwargs)
    return response


def retrying(session: requests.Session | None = None) -> requests.Session:
    """The session (a new one if none is given) with idempotent requests retried once on a reset connection, and
    any request the gateway shed sent again when it says."""
    session = session or requests.Session()
    adapter = HTTPAdapter(max_retries=ResetRetry())
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.hooks["response"].append(wait_out_shedding)
    return session
