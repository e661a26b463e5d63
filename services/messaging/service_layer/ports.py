"""What the messaging service asks outside its database (typed ports; adapters/peers.py asks identity, schedule and
the journal with the service's own account, services.common.object_store keeps the files; the unit tests fake
them)."""
from typing import Protocol

from proto.identity.v1 import identity_pb2
from proto.journal.v1 import journal_pb2
from proto.schedule.v1 import schedule_pb2


class Identity(Protocol):
    def person(self, school_id: str, person_id: str) -> identity_pb2.Person:
        """A person's card (a student's: the class in force today, class_group_id)."""

    def staff(self, school_id: str) -> list[identity_pb2.Person]:
        """Every staff member of the school, with roles and the classes they lead."""

    def students(self, school_id: str, class_group_id: str = "", on_date: str = "") -> list[identity_pb2.Person]:
        """The school's students (of a class on a date when given)."""


class Schedule(Protocol):
    def class_group(self, school_id: str, class_group_id: str) -> schedule_pb2.ClassGroup: ...

    def class_groups(self, school_id: str) -> list[schedule_pb2.ClassGroup]: ...

    def assignments(self, school_id: str, class_group_id: str) -> list[schedule_pb2.TeachingAssignment]: ...

    def subjects(self, school_id: str) -> list[schedule_pb2.Subject]: ...

    def academic_years(self, school_id: str) -> list[schedule_pb2.AcademicYear]: ...

    def holidays(self, school_id: str, academic_year_id: str) -> list[schedule_pb2.Holiday]: ...

    def day_transfers(self, school_id: str, academic_year_id: str) -> list[schedule_pb2.DayTransfer]: ...


class Journal(Protocol):
    def mark_shortfalls(self, school_id: str, days: int) -> list[journal_pb2.MarkShortfall]:
        """Students with too few current marks in a subject for a term mark, in terms ending within `days` days."""

    def diary(self, school_id: str, student_id: str, date_from: str, date_to: str) -> journal_pb2.Diary:
        """A student's diary of the days (lessons with marks, attendance, homework; the work types' names)."""


class FileStore(Protocol):
    """Message files (services.common.object_store.ObjectStore on the service's bucket)."""

    def put(self, key: str, data: bytes, content_type: str) -> None: ...

    def get(self, key: str) -> bytes: ...
