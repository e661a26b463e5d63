"""The topics of a subject's thematic plan in a class group."""
from collections.abc import Mapping

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from services.schedule.adapters.tables import plan_topics


class PlanTopicStore:
    def __init__(self, session: Session):
        self.session = session

    def topics(self, class_group_id: str, subject_id: str) -> list[Mapping]:
        """The plan's topics in plan order."""
        return list(self.session.execute(select(plan_topics).where(plan_topics.c.class_group_id == class_group_id,
                                                                   plan_topics.c.subject_id == subject_id)
                                         .order_by(plan_topics.c.position)).mappings().all())

    def replace(self, class_group_id: str, subject_id: str, rows: list[Mapping]) -> None:
        """The plan becomes these topics."""
        self.session.execute(delete(plan_topics).where(plan_topics.c.class_group_id == class_group_id,
                                                       plan_topics.c.subject_id == subject_id))
        self.session.execute(insert(plan_topics), rows)
