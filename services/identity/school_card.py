"""The school card (T2) between its three forms: the request message, the validated card and the
`schools` row, plus the refusal shown to the people of a suspended school."""
import datetime as dt

from proto.identity.v1 import identity_pb2 as pb
from services.identity.domain import SchoolCard

STATUSES = ("active", "suspended")
SUSPENDED = ("Работа школы в системе приостановлена органом управления образованием. "
             "Обратитесь к администрации школы.")
DETAILS = ("inn", "ogrn", "address", "licence_number", "licence_date", "accreditation_number", "accreditation_date")
DATES = ("licence_date", "accreditation_date")


def card_from(name: str, short_name: str, details: pb.SchoolDetails) -> SchoolCard:
    return SchoolCard.cleaned(name=name, short_name=short_name,
                              **{field: getattr(details, field) for field in DETAILS})


def row_values(card: SchoolCard) -> dict:
    """The `schools` columns of a validated card (empty dates become NULL)."""
    values = {"name": card.name, "short_name": card.short_name}
    for field in DETAILS:
        value = getattr(card, field)
        values[field] = (dt.date.fromisoformat(value) if value else None) if field in DATES else value
    return values


def school_message(row) -> pb.School:
    details = {field: (value.isoformat() if isinstance(value, dt.date) else value or "")
               for field, value in ((f, getattr(row, f)) for f in DETAILS)}
    return pb.School(id=row.school_id, name=row.name, short_name=row.short_name,
                     organization_id=row.organization_id, status=row.status, details=pb.SchoolDetails(**details),
                     contact_fields=list(row.contact_fields or ()))
