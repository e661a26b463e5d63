"""What builds, copies and fixity checks need besides the registry."""
import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass

from services.archive.service_layer.unit_of_work import Calendars, Records, Schools, Signatures, Stores


@dataclass(frozen=True)
class Packaging:
    """The records' source, the school cards, the signatures, the two stores, the retention (years per record
    class), the software's version, how long a failed copy waits before it is tried again, the school calendars
    (semester packages) and the clock."""
    records: Records
    schools: Schools
    signatures: Signatures
    stores: Stores
    retention_years: dict[str, int]
    software_version: str
    copy_retry: dt.timedelta
    calendars: Calendars
    clock: Callable[[], dt.datetime] = functools.partial(dt.datetime.now, dt.UTC)
