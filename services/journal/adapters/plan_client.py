"""The schedule client with the thematic plan: the journal reads the plan's topics of a class group and subject
(schedule ListPlanTopics) to offer them on a lesson (J1, S3)."""
from proto.schedule.v1 import schedule_pb2
from services.journal.adapters.peers import ScheduleClient


class PlanScheduleClient(ScheduleClient):
    def list_plan_topics(self, school_id: str, class_group_id: str, subject_id: str) -> list[schedule_pb2.PlanTopic]:
        """The plan's topics in plan order (none when the class has no plan for the subject)."""
        return list(self.peer.call("ListPlanTopics", schedule_pb2.ListPlanTopicsRequest(
            school_id=school_id, class_group_id=class_group_id, subject_id=subject_id)).topics)
