"""HTTP sessions of the project's own API clients (the demo seeder, the benchmark loader and load driver, the
tests): an idempotent request whose connection the server closed or reset before an answer came is sent once more,
on a fresh connection.

A kept-alive connection can be closed by the server (its keep-alive ran out, a worker restarted) just as the
client reuses it; the client then sees "Connection aborted / Remote end closed connection without response"
although the request never reached the application. GET, HEAD, PUT, DELETE and OPTIONS may be sent again (the
same request twice leaves the same state); a POST is never retried blindly: it is not idempotent. A read that
timed out is not retried either: the server may still be working on it."""
import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import ReadTimeoutError
from urllib3.util.retry import Retry

IDEMPOTENT = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})


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


def retrying(session: requests.Session | None = None) -> requests.Session:
    """The session (a new one if none is given) with idempotent requests retried once on a reset connection."""
    session = session or requests.Session()
    adapter = HTTPAdapter(max_retries=ResetRetry())
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session
