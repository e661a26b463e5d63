"""What the journal asks other services synchronously, on the caller's token: the lesson, a term and the
lessons of a class group and a subgroup's students (schedule), the class list and a student's class group (identity)."""
from proto.identity.v1 import identity_pb2
from proto.schedule.v1 import schedule_pb2
from services.common.grpc_client import Peer


class ScheduleClient:
    def __init__(self, peer: Peer):
        self.peer = peer

    def get_lesson(self, school_id: str, lesson_id: str) -> schedule_pb2.Lesson:
        return self.peer.call("GetLesson", schedule_pb2.GetLessonRequest(school_id=school_id, lesson_id=lesson_id))

    def get_term(self, school_id: str, term_id: str) -> schedule_pb2.Term:
        return self.peer.call("GetTerm", schedule_pb2.GetTermRequest(school_id=school_id, term_id=term_id))

    def get_class_group(self, school_id: str, class_group_id: str) -> schedule_pb2.ClassGroup:
        return self.peer.call("GetClassGroup", schedule_pb2.GetClassGroupRequest(school_id=school_id,
                                                                                 class_group_id=class_group_id))

    def get_subgroup(self, school_id: str, subgroup_id: str) -> schedule_pb2.Subgroup:
        return self.peer.call("GetSubgroup", schedule_pb2.GetSubgroupRequest(school_id=school_id, subgroup_id=subgroup_id))

    def list_lessons(self, school_id: str, class_group_id: str, date_from: str, date_to: str,
                     subject_id: str = "") -> list[schedule_pb2.Lesson]:
        return list(self.peer.call("ListLessons", schedule_pb2.ListLessonsRequest(
            school_id=school_id, class_group_id=class_group_id, date_from=date_from, date_to=date_to,
            subject_id=subject_id)).lessons)


class IdentityClient:
    def __init__(self, peer: Peer):
        self.peer = peer

    def class_people(self, school_id: str, class_group_id: str) -> list[identity_pb2.Person]:
        """The students of a class group (cards with names)."""
        return list(self.peer.call("ListPeople", identity_pb2.ListPeopleRequest(
            school_id=school_id, kind=identity_pb2.STUDENT, class_group_id=class_group_id)).people)

    def class_list(self, school_id: str, class_group_id: str) -> set[str]:
        """Ids of the students of a class group."""
        return {p.id for p in self.class_people(school_id, class_group_id)}

    def class_group_of(self, school_id: str, student_id: str) -> str:
        """The student's current class group id ("" if none)."""
        person = self.peer.call("GetPerson", identity_pb2.GetPersonRequest(school_id=school_id, person_id=student_id))
        return person.class_group_id
