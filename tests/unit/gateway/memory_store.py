"""An in-memory fake of the gateway's own database port (gateway/store.py GatewayStore) for unit tests: sessions,
rate counters and the status notice in memory, expiry honoured as PostgreSQL's would be."""
import copy
import datetime as dt
import json


class MemoryStore:
    def __init__(self):
        self.sessions: dict[str, tuple[dict, dt.datetime]] = {}
        self.counts: dict[tuple[str, dt.datetime], int] = {}
        self.notice: tuple | None = None
        self.notice_reads = 0

    def load_session(self, id_hash: str) -> dict | None:
        found = self.sessions.get(id_hash)
        if found is None or found[1] <= dt.datetime.now(dt.UTC):
            return None
        return copy.deepcopy(found[0])

    def save_session(self, id_hash: str, data: dict, expires_at: dt.datetime, new: bool = True) -> bool:
        if not new and self.load_session(id_hash) is None:  # as the UPDATE of a deleted or expired row
            return False
        self.sessions[id_hash] = (json.loads(json.dumps(data)), expires_at)  # as jsonb keeps it
        return True

    def delete_session(self, id_hash: str) -> None:
        self.sessions.pop(id_hash, None)

    def add(self, counts: dict[tuple[str, dt.datetime], int]) -> dict[tuple[str, dt.datetime], int]:
        for key, hits in counts.items():
            self.counts[key] = self.counts.get(key, 0) + hits
        return {key: self.counts[key] for key in counts}

    def sweep(self) -> int:
        now = dt.datetime.now(dt.UTC)
        gone = [h for h, (_, expires) in self.sessions.items() if expires < now]
        past = [k for k in self.counts if k[1] < now]
        for h in gone:
            del self.sessions[h]
        for k in past:
            del self.counts[k]
        return len(gone) + len(past)

    def status_notice(self) -> tuple | None:
        self.notice_reads += 1
        return self.notice

    def set_status_notice(self, text: str, until: dt.datetime | None, set_by: str) -> None:
        self.notice = (text, until, set_by, dt.datetime.now(dt.UTC))

    def clear_status_notice(self) -> None:
        self.notice = None
