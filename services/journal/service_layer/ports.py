"""What the journal's service layer asks of other services and of the file store (typed ports; the adapters in
adapters/peers.py and services.common.object_store implement them, the unit tests fake them)."""
from typing import Protocol

from proto.identity.v1 import identity_pb2
from proto.schedule.v1 import schedule_pb2


class Schedule(Protocol):
    def get_lesson(self, school_id: str, lesson_id: str) -> schedule_pb2.Lesson: ...

    def get_term(self, school_id: str, term_id: str) -> schedule_pb2.Term: ...

    def get_class_group(self, school_id: str, class_group_id: str) -> schedule_pb2.ClassGroup: ...

    def get_subgroup(self, school_id: str, subgroup_id: str) -> schedule_pb2.Subgroup: ...

    def list_lessons(self, school_id: str, class_group_id: str, date_from: str, date_to: str,
                     subject_id: str = "") -> list[schedule_pb2.Lesson]: ...

    def list_plan_topics(self, school_id: str, class_group_id: str,
                         subject_id: str) -> list[schedule_pb2.PlanTopic]: ...

    def list_academic_years(self, school_id: str) -> list[schedule_pb2.AcademicYear]:
        """The school's academic years with their terms."""

    def list_class_groups(self, school_id: str, academic_year_id: str) -> list[schedule_pb2.ClassGroup]: ...

    def list_subjects(self, school_id: str) -> list[schedule_pb2.Subject]: ...


class Identity(Protocol):
    def class_people(self, school_id: str, class_group_id: str) -> list[identity_pb2.Person]:
        """Every student who ever belonged to the class group, each with their dated memberships."""

    def student(self, school_id: str, student_id: str) -> identity_pb2.Person:
        """The student's card: the class in force today (class_group_id, "" = none) and every membership."""

    def person(self, school_id: str, person_id: str) -> identity_pb2.Person:
        """Anyone's card (kind, roles), asked every time."""


class FileStore(Protocol):
    """Homework files (services.common.object_store.ObjectStore)."""

    def put(self, key: str, data: bytes, content_type: str) -> None: ...

    def get(self, key: str) -> bytes: ...
