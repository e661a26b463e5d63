"""What a service's /metrics reads from its database when Prometheus scrapes: the outbox's backlog and the age of its
oldest unpublished event, the connection pool's use, and the rows of a service's tables by status (count_by()); and
the start of the HTTP server of /metrics and /livez (services.common.metrics_http), on the service's own port
(OTMETKA_<NAME>_METRICS_LISTEN, in development the gRPC port + 1000: services.topology.METRICS_PORTS). The counters:
services/common/metrics.py.
"""
import logging
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from prometheus_client import REGISTRY
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy import text
from sqlalchemy.pool import QueuePool

from services.common import metrics_http
from services.common.db import Database

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CountBy:
    """A gauge of a table's rows by the values of one column (e.g. report jobs by status), read at each scrape."""

    name: str
    help: str
    table: str
    column: str


class DatabaseGauges(Collector):
    """What a scrape reads from the service's database: the outbox's backlog and relay lag, the pool of `db`, and
    the CountBy gauges. Its own connection (one, for the scrapes), so a saturated pool still shows in the numbers;
    a database that does not answer leaves its gauges out of that scrape."""

    def __init__(self, db: Database):
        self.db = db
        self.scrapes = Database(db.engine.url.render_as_string(hide_password=False), pool_size=1, max_overflow=0)
        self.counts: list[CountBy] = []

    def count_by(self, *counts: CountBy) -> None:
        self.counts.extend(counts)

    def collect(self) -> Iterator[GaugeMetricFamily]:
        yield from pool_gauges(self.db.engine.pool)
        try:
            with self.scrapes.system_session() as session:
                session.execute(text("SET LOCAL statement_timeout = 2000"))
                backlog, oldest = session.execute(text(
                    "SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0) "
                    "FROM outbox WHERE published_at IS NULL")).one()
                rows = {c.name: session.execute(text(
                    f"SELECT {c.column}, count(*) FROM {c.table} GROUP BY {c.column}")).all() for c in self.counts}
        except Exception:
            log.warning("metrics: the database did not answer a scrape", exc_info=True)
            return
        yield GaugeMetricFamily("otmetka_outbox_backlog_events", "Events written to the outbox and not yet in Kafka",
                                value=backlog)
        yield GaugeMetricFamily("otmetka_outbox_relay_lag_seconds",
                                "Age of the oldest event not yet in Kafka (0 when none waits)", value=float(oldest))
        for count in self.counts:
            family = GaugeMetricFamily(count.name, count.help, labels=[count.column])
            for value, n in rows[count.name]:
                family.add_metric([str(value)], n)
            yield family


def pool_gauges(pool) -> Iterator[GaugeMetricFamily]:
    """The connections of a SQLAlchemy pool in use, and how many it may open (its size plus its overflow)."""
    if not isinstance(pool, QueuePool):
        return
    yield GaugeMetricFamily("otmetka_db_pool_checked_out", "Database connections in use", value=pool.checkedout())
    yield GaugeMetricFamily("otmetka_db_pool_limit", "Database connections the pool may open (size + overflow)",
                            value=pool.size() + pool._max_overflow)  # no public accessor of the overflow limit


def serve(service: str, db: Database, not_alive_because: Callable[[], str] = lambda: "") -> DatabaseGauges:
    """The service's database gauges; when OTMETKA_<SERVICE>_METRICS_LISTEN names an address (host:port), /metrics
    and /livez (answered from `not_alive_because`) are served there, the port bound at once (see
    grpc_server.Listener)."""
    gauges = DatabaseGauges(db)
    host, _, port = os.environ.get(f"OTMETKA_{service.upper()}_METRICS_LISTEN", "").rpartition(":")
    if port:
        REGISTRY.register(gauges)
        metrics_http.start(host, int(port), not_alive_because)
    return gauges
