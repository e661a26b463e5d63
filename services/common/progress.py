"""Whether a service's request pool still gets through its calls. A busy process finishes calls while others wait
for a worker; a wedged one (every worker stuck on a call that never returns: a deadlock, a peer that never answers)
finishes none. Liveness (services.common.readiness) says NOT_SERVING for the second only: the pool has been full, with
not one call finished, for longer than `stuck_after` seconds."""
import contextlib
import threading
import time
from collections.abc import Callable, Iterator

STUCK_AFTER = 60.0  # seconds: far longer than any call's deadline (a peer call's is 5 s, a report's form a minute)


class Progress:
    def __init__(self, workers: int, stuck_after: float = STUCK_AFTER, clock: Callable[[], float] = time.monotonic):
        self.workers, self.stuck_after, self.clock = workers, stuck_after, clock
        self._lock = threading.Lock()
        self._busy = 0
        self._full_since: float | None = None  # since when every worker has held a call, no call finished since

    @contextlib.contextmanager
    def call(self) -> Iterator[None]:
        """A call a worker serves, from its start to its end."""
        with self._lock:
            self._busy += 1
            if self._busy >= self.workers and self._full_since is None:
                self._full_since = self.clock()
        try:
            yield
        finally:
            with self._lock:
                self._busy -= 1
                if self._busy < self.workers:
                    self._full_since = None

    def stuck(self) -> str:
        """Why the pool is taken for wedged, or "" (it is not)."""
        with self._lock:
            since = self._full_since
        if since is None or (held := self.clock() - since) <= self.stuck_after:
            return ""
        return f"every one of the {self.workers} request workers has held its call for {held:.0f} s, none finished"
