"""The store of person corrections (append-only: each changed field with its old and new value and the reason).
It owns the SQL of person_corrections."""
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from proto.identity.v1 import identity_pb2 as pb
from services.identity.adapters.tables import person_corrections

C = person_corrections.c


class PersonCorrectionStore:
    def __init__(self, session: Session, school_id: str):
        self.session, self.school_id = session, school_id

    def add(self, person_id: str, changes: dict[str, tuple[str, str]], reason: str,
            corrected_by: str) -> list[pb.PersonCorrection]:
        rows = self.session.execute(insert(person_corrections).returning(person_corrections), [dict(
            school_id=self.school_id, person_id=person_id, field=field, old_value=old, new_value=new, reason=reason,
            corrected_by=corrected_by) for field, (old, new) in changes.items()]).all()
        return [_message(row) for row in rows]

    def of(self, person_id: str) -> list[pb.PersonCorrection]:
        """The person's corrections, oldest first."""
        return [_message(row) for row in self.session.execute(
            select(person_corrections).where(C.person_id == person_id).order_by(C.id))]


def _message(row) -> pb.PersonCorrection:
    return pb.PersonCorrection(corrected_at=row.corrected_at.isoformat(), corrected_by=row.corrected_by,
                               reason=row.reason, field=row.field, old_value=row.old_value, new_value=row.new_value)
