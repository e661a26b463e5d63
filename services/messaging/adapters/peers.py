"""identity, schedule and the journal as the messaging service asks them: with its own service account (families may
not list a school's staff or a class's teachers, yet their messages must be checked against them; the rule of who may
write to whom is this service's own, domain/recipients.py). Staff lists, a class's students and teaching assignments
are asked every time they are needed: a thread is started far less often than it is read."""
from proto.identity.v1 import identity_pb2
from proto.journal.v1 import journal_pb2
from proto.schedule.v1 import schedule_pb2
from services.common.auth import ServiceTokens
from services.common.grpc_client import Peer


class ServicePeer:
    def __init__(self, peer: Peer, tokens: ServiceTokens):
        self.peer, self.tokens = peer, tokens

    def call(self, method: str, request, deadline: float | None = None):
        return self.peer.call(method, request, token=self.tokens.token(), deadline=deadline)


class IdentityClient(ServicePeer):
    def person(self, school_id: str, person_id: str) -> identity_pb2.Person:
        return self.call("GetPerson", identity_pb2.GetPersonRequest(school_id=school_id, person_id=person_id))

    def staff(self, school_id: str) -> list[identity_pb2.Person]:
        return list(self.call("ListPeople", identity_pb2.ListPeopleRequest(
            school_id=school_id, kind=identity_pb2.STAFF)).people)

    def students(self, school_id: str, class_group_id: str = "", on_date: str = "") -> list[identity_pb2.Person]:
        return list(self.call("ListPeople", identity_pb2.ListPeopleRequest(
            school_id=school_id, kind=identity_pb2.STUDENT, class_group_id=class_group_id, on_date=on_date)).people)


class ScheduleClient(ServicePeer):
    def class_group(self, school_id: str, class_group_id: str) -> schedule_pb2.ClassGroup:
        return self.call("GetClassGroup", schedule_pb2.GetClassGroupRequest(school_id=school_id,
                                                                           class_group_id=class_group_id))

    def class_groups(self, school_id: str) -> list[schedule_pb2.ClassGroup]:
        return list(self.call("ListClassGroups", schedule_pb2.ListClassGroupsRequest(school_id=school_id)).class_groups)

    def assignments(self, school_id: str, class_group_id: str) -> list[schedule_pb2.TeachingAssignment]:
        return list(self.call("ListTeachingAssignments", schedule_pb2.ListTeachingAssignmentsRequest(
            school_id=school_id, class_group_id=class_group_id)).assignments)

    def subjects(self, school_id: str) -> list[schedule_pb2.Subject]:
        return list(self.call("ListSubjects", schedule_pb2.ListSubjectsRequest(school_id=school_id)).subjects)

    def academic_years(self, school_id: str) -> list[schedule_pb2.AcademicYear]:
        return list(self.call("ListAcademicYears", schedule_pb2.ListAcademicYearsRequest(
            school_id=school_id)).academic_years)

    def holidays(self, school_id: str, academic_year_id: str) -> list[schedule_pb2.Holiday]:
        return list(self.call("ListHolidays", schedule_pb2.ListHolidaysRequest(
            school_id=school_id, academic_year_id=academic_year_id)).holidays)

    def day_transfers(self, school_id: str, academic_year_id: str) -> list[schedule_pb2.DayTransfer]:
        return list(self.call("ListDayTransfers", schedule_pb2.ListDayTransfersRequest(
            school_id=school_id, academic_year_id=academic_year_id)).day_transfers)


class JournalClient(ServicePeer):
    SHORTFALL_DEADLINE = 60.0  # every class group's lessons and marks of the watched terms

    def mark_shortfalls(self, school_id: str, days: int) -> list[journal_pb2.MarkShortfall]:
        return list(self.call("ListMarkShortfalls", journal_pb2.ListMarkShortfallsRequest(
            school_id=school_id, days=days), deadline=self.SHORTFALL_DEADLINE).shortfalls)

    def diary(self, school_id: str, student_id: str, date_from: str, date_to: str) -> journal_pb2.Diary:
        return self.call("GetDiary", journal_pb2.GetDiaryRequest(school_id=school_id, student_id=student_id,
                                                                 date_from=date_from, date_to=date_to))
