"""People belong to the identity service: schedule asks it whether a teacher is on the school's staff
before assigning them, and whether the students of a subgroup are in its class group, so nothing here
points at a person of another school or class."""
from collections.abc import Iterable

from proto.identity.v1 import identity_pb2, identity_pb2_grpc
from services.common.errors import Invalid, NotFound
from services.common.grpc_client import Peer


class IdentityStaff:
    def __init__(self, address: str):
        self.peer = Peer(address, identity_pb2_grpc.IdentityServiceStub)

    def require_teacher(self, school_id: str, person_id: str) -> None:
        try:
            person = self.peer.call("GetPerson", identity_pb2.GetPersonRequest(school_id=school_id, person_id=person_id))
        except NotFound:
            raise Invalid("teacher_id", "в этой школе нет такого сотрудника") from None
        if person.kind != identity_pb2.STAFF:
            raise Invalid("teacher_id", "учителем может быть только сотрудник школы")

    def require_class_students(self, school_id: str, class_group_id: str, class_name: str,
                               student_ids: Iterable[str]) -> None:
        listed = self.peer.call("ListPeople", identity_pb2.ListPeopleRequest(
            school_id=school_id, kind=identity_pb2.STUDENT, class_group_id=class_group_id))
        outsiders = set(student_ids) - {person.id for person in listed.people}
        if outsiders:
            raise Invalid("student_ids", f"не ученики класса {class_name}: {', '.join(sorted(outsiders))}")
