"""The store of a school's movement policy (movement_policy: one row, a NULL column keeps the regulations' default,
domain/movement_policy.py). It owns the table's SQL."""
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from services.identity.adapters.tables import movement_policy
from services.identity.domain.movement_policy import KEYS, MovementPolicy


class MovementPolicyStore:
    def __init__(self, session: Session, school_id: str):
        self.session, self.school_id = session, school_id

    def get(self) -> MovementPolicy:
        row = self.session.execute(select(movement_policy)).first()
        stored = {key: getattr(row, key) for key in KEYS if row and getattr(row, key) is not None}
        return replace(MovementPolicy(), **stored)

    def set(self, values: dict) -> None:
        """Stores the values given; the others stay."""
        statement = insert(movement_policy).values(school_id=self.school_id, **values)
        self.session.execute(statement.on_conflict_do_update(index_elements=["school_id"], set_=values))
