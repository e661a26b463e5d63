"""The store of the year transitions done (one per source year, append-only), each kept as the YearTransition
message it answered with. It owns the SQL of year_transitions."""
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from proto.identity.v1 import identity_pb2 as pb
from services.identity.adapters.movement_order_store import hold
from services.identity.adapters.tables import year_transitions


class YearTransitionStore:
    def __init__(self, session: Session, school_id: str):
        self.session, self.school_id = session, school_id

    def lock(self, source_year_id: str) -> None:
        """Holds the source year's transition until the transaction ends: a second one at the same time waits, then
        finds the first done."""
        hold(self.session, f"year_transition:{source_year_id}")

    def get(self, source_year_id: str) -> pb.YearTransition | None:
        done = self.session.scalar(select(year_transitions.c.transition)
                                   .where(year_transitions.c.source_year_id == source_year_id))
        return pb.YearTransition.FromString(done) if done is not None else None

    def add(self, transition: pb.YearTransition) -> None:
        self.session.execute(insert(year_transitions).values(
            school_id=self.school_id, source_year_id=transition.source_year_id,
            target_year_id=transition.target_year_id, transition=transition.SerializeToString()))
