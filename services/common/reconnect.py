"""How a service's background threads get back to Kafka and PostgreSQL after losing them: a bounded backoff between
their own retries, and Kafka clients that try a broker again within a second (kafka-python's default backoff grows
to 30 s) and give up a first connection after KAFKA_TIMEOUT_MS (its default waits 30 s), so a thread retrying
a start keeps logging and stopping promptly."""

KAFKA_TIMEOUT_MS = 5_000
KAFKA_CLIENT = {"reconnect_backoff_max_ms": 1_000, "bootstrap_timeout_ms": KAFKA_TIMEOUT_MS}


class Backoff:
    """Seconds to wait before the next retry: `first`, doubled after each failure up to `longest`; `reset()` after
    a success."""

    def __init__(self, first: float = 0.5, longest: float = 5.0):
        self.first = first
        self.longest = longest
        self._next = first

    def next(self) -> float:
        delay = self._next
        self._next = min(self._next * 2, self.longest)
        return delay

    def reset(self) -> None:
        self._next = self.first
