"""The store of the guardians' e-mail (family_mail): the address, when it was confirmed, the digest and the last day
a scheduled digest covered."""
import datetime as dt

from sqlalchemy import Row, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from services.common.db import Database
from services.messaging.adapters.tables import family_mail


class FamilyMailStore:
    def __init__(self, session: Session, school_id: str):
        self.session, self.school_id = session, school_id

    def get(self, guardian_id: str, for_update: bool = False) -> Row | None:
        query = select(family_mail).where(family_mail.c.guardian_id == guardian_id)
        return self.session.execute(query.with_for_update() if for_update else query).first()

    def save(self, guardian_id: str, address: str, confirmed_at: dt.datetime | None, digest: str,
             now: dt.datetime) -> None:
        values = {"address": address, "confirmed_at": confirmed_at, "digest": digest, "updated_at": now}
        self.session.execute(pg_insert(family_mail).values(school_id=self.school_id, guardian_id=guardian_id, **values)
                             .on_conflict_do_update(index_elements=["school_id", "guardian_id"], set_=values))

    def confirmed(self, guardian_ids: list[str]) -> dict[str, str]:
        """guardian -> their confirmed address (those without one are left out)."""
        return dict(self.session.execute(
            select(family_mail.c.guardian_id, family_mail.c.address).where(
                family_mail.c.guardian_id.in_(guardian_ids), family_mail.c.confirmed_at.is_not(None),
                family_mail.c.address != "")).all())

    def subscribers(self) -> list[Row]:
        """The guardians with a digest and a confirmed address."""
        return self.session.execute(select(family_mail).where(
            family_mail.c.digest != "none", family_mail.c.confirmed_at.is_not(None))
            .order_by(family_mail.c.guardian_id)).all()

    def covered(self, guardian_id: str, through: dt.date) -> None:
        """A scheduled digest covered the days through `through` (sent, or nothing to tell)."""
        self.session.execute(update(family_mail).where(family_mail.c.guardian_id == guardian_id)
                             .values(digest_through=func.greatest(func.coalesce(family_mail.c.digest_through, through),
                                                                  through)))


def schools_with_digests(db: Database) -> list[str]:
    with db.system_session() as session:
        return list(session.scalars(select(family_mail.c.school_id).distinct().where(
            family_mail.c.digest != "none", family_mail.c.confirmed_at.is_not(None))))
