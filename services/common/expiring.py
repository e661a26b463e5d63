"""A bounded, thread-safe map whose entries each carry the moment they stop being valid: an entry is returned
only before that moment, and past `size` entries the least recently used one is dropped. Keeps verified tokens
(auth.py) and principals (principal.py)."""
import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Any


class ExpiringCache:
    def __init__(self, size: int):
        self.size = size
        self._entries: OrderedDict[Hashable, tuple[float, Any]] = OrderedDict()  # key -> (until, value), LRU order
        self._lock = threading.Lock()

    def get(self, key: Hashable, now: float) -> Any | None:
        """The value kept for key if `now` is before its end (an expired entry is dropped), else None."""
        with self._lock:
            kept = self._entries.get(key)
            if kept is None:
                return None
            if now < kept[0]:
                self._entries.move_to_end(key)
                return kept[1]
            del self._entries[key]
            return None

    def put(self, key: Hashable, value: Any, until: float) -> None:
        with self._lock:
            self._entries[key] = (until, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)

    def __len__(self) -> int:
        return len(self._entries)
