"""Class groups belong to the schedule service: identity asks it whether one exists in the school
before enrolling a student into it, so no record points at another school's class."""
from proto.schedule.v1 import schedule_pb2, schedule_pb2_grpc
from services.common.errors import Invalid, NotFound
from services.common.grpc_client import Peer


class ScheduleClassGroups:
    def __init__(self, address: str):
        self.peer = Peer(address, schedule_pb2_grpc.ScheduleServiceStub)

    def require(self, school_id: str, class_group_id: str) -> None:
        try:
            self.peer.call("GetClassGroup", schedule_pb2.GetClassGroupRequest(school_id=school_id,
                                                                            class_group_id=class_group_id))
        except NotFound:
            raise Invalid("class_group_id", "в этой школе нет такого класса") from None
