"""The store of the school's own row (its card, status and kept contact fields): it owns the SQL of `schools`."""
import datetime as dt

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from services.common.errors import NotFound
from services.identity.adapters.tables import schools
from services.identity.domain.school_card import DATES, DETAILS, SchoolCard


def row_values(card: SchoolCard) -> dict:
    """The `schools` columns of a validated card (empty dates become NULL)."""
    values = {"name": card.name, "short_name": card.short_name}
    for field in DETAILS:
        value = getattr(card, field)
        values[field] = (dt.date.fromisoformat(value) if value else None) if field in DATES else value
    return values


class SchoolStore:
    def __init__(self, session: Session, school_id: str):
        self.session, self.school_id = session, school_id

    def row(self):
        row = self.session.execute(select(schools)).first()
        if row is None:
            raise NotFound("Школа не найдена")
        return row

    def contact_fields(self) -> list[str]:
        """The contact fields the school keeps."""
        return list(self.session.scalar(select(schools.c.contact_fields)) or ())

    def add(self, organization_id: str, card: SchoolCard):
        return self.session.execute(insert(schools).values(
            school_id=self.school_id, organization_id=organization_id, **row_values(card),
        ).returning(schools)).one()

    def update(self, **values):
        """Writes the values (columns of `schools`); the row as written."""
        return self.session.execute(update(schools).values(**values).returning(schools)).one()

    def update_card(self, card: SchoolCard):
        return self.update(**row_values(card))
