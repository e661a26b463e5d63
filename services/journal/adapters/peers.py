"""What the journal asks other services synchronously, on the caller's token: the lesson, a term, the lessons of a
class group, a subgroup's students, the thematic plan's topics, the academic years with their terms, a year's class
groups and the subjects (schedule), the class list (every student who ever belonged to the class, with their dated
memberships), a student's card and a person's card (identity).

Lessons, lists of a class's lessons, subgroups, class lists and students' cards are kept in the journal's copy
(peer_cache.py: kept current by the peers' events, the bound on staleness); a lesson listed or a student seen in a
class list is kept as if asked for. A student's card says the class in force on the day it was asked (identity's
today), so it is kept under that day. Terms, years, class groups and other people's cards are asked every time."""
from proto.identity.v1 import identity_pb2
from proto.schedule.v1 import schedule_pb2
from services.common.dates import school_today
from services.common.grpc_client import Peer
from services.journal.adapters import peer_cache
from services.journal.adapters.peer_cache import PeerCache, class_key, lesson_key, lessons_key, student_key, subgroup_key


class ScheduleClient:
    def __init__(self, peer: Peer, cache: PeerCache = peer_cache.SHARED):
        self.peer = peer
        self.cache = cache

    def get_lesson(self, school_id: str, lesson_id: str) -> schedule_pb2.Lesson:
        return self.cache.fetch(school_id, lesson_key(lesson_id), lambda: self.peer.call(
            "GetLesson", schedule_pb2.GetLessonRequest(school_id=school_id, lesson_id=lesson_id)))

    def get_term(self, school_id: str, term_id: str) -> schedule_pb2.Term:
        return self.peer.call("GetTerm", schedule_pb2.GetTermRequest(school_id=school_id, term_id=term_id))

    def get_class_group(self, school_id: str, class_group_id: str) -> schedule_pb2.ClassGroup:
        return self.peer.call("GetClassGroup", schedule_pb2.GetClassGroupRequest(school_id=school_id,
                                                                                 class_group_id=class_group_id))

    def get_subgroup(self, school_id: str, subgroup_id: str) -> schedule_pb2.Subgroup:
        return self.cache.fetch(school_id, subgroup_key(subgroup_id), lambda: self.peer.call(
            "GetSubgroup", schedule_pb2.GetSubgroupRequest(school_id=school_id, subgroup_id=subgroup_id)))

    def list_lessons(self, school_id: str, class_group_id: str, date_from: str, date_to: str,
                     subject_id: str = "") -> list[schedule_pb2.Lesson]:
        def load() -> tuple[schedule_pb2.Lesson, ...]:
            generation, asked = self.cache.generation(school_id), self.cache.clock()
            lessons = tuple(self.peer.call("ListLessons", schedule_pb2.ListLessonsRequest(
                school_id=school_id, class_group_id=class_group_id, date_from=date_from, date_to=date_to,
                subject_id=subject_id)).lessons)
            for lesson in lessons:
                self.cache.put(school_id, lesson_key(lesson.id), lesson, generation, asked)
            return lessons
        return list(self.cache.fetch(school_id, lessons_key(class_group_id, date_from, date_to, subject_id), load))

    def list_plan_topics(self, school_id: str, class_group_id: str, subject_id: str) -> list[schedule_pb2.PlanTopic]:
        """The thematic plan's topics in plan order (none when the class has no plan for the subject)."""
        return list(self.peer.call("ListPlanTopics", schedule_pb2.ListPlanTopicsRequest(
            school_id=school_id, class_group_id=class_group_id, subject_id=subject_id)).topics)

    def list_academic_years(self, school_id: str) -> list[schedule_pb2.AcademicYear]:
        return list(self.peer.call("ListAcademicYears", schedule_pb2.ListAcademicYearsRequest(
            school_id=school_id)).academic_years)

    def list_class_groups(self, school_id: str, academic_year_id: str) -> list[schedule_pb2.ClassGroup]:
        return list(self.peer.call("ListClassGroups", schedule_pb2.ListClassGroupsRequest(
            school_id=school_id, academic_year_id=academic_year_id)).class_groups)

    def list_subjects(self, school_id: str) -> list[schedule_pb2.Subject]:
        return list(self.peer.call("ListSubjects", schedule_pb2.ListSubjectsRequest(school_id=school_id)).subjects)


class IdentityClient:
    def __init__(self, peer: Peer, cache: PeerCache = peer_cache.SHARED):
        self.peer = peer
        self.cache = cache

    def class_people(self, school_id: str, class_group_id: str) -> list[identity_pb2.Person]:
        """Every student who ever belonged to the class group (cards with names and every membership)."""
        def load() -> tuple[identity_pb2.Person, ...]:
            generation, asked, today = self.cache.generation(school_id), self.cache.clock(), school_today().isoformat()
            people = tuple(self.peer.call("ListPeople", identity_pb2.ListPeopleRequest(
                school_id=school_id, kind=identity_pb2.STUDENT, class_group_id=class_group_id)).people)
            for person in people:
                self.cache.put(school_id, student_key(person.id, today), person, generation, asked)
            return people
        return list(self.cache.fetch(school_id, class_key(class_group_id), load))

    def student(self, school_id: str, student_id: str) -> identity_pb2.Person:
        """The student's card: the class in force today (class_group_id, "" if none) and every membership."""
        return self.cache.fetch(school_id, student_key(student_id, school_today().isoformat()), lambda: self.peer.call(
            "GetPerson", identity_pb2.GetPersonRequest(school_id=school_id, person_id=student_id)))

    def person(self, school_id: str, person_id: str) -> identity_pb2.Person:
        return self.peer.call("GetPerson", identity_pb2.GetPersonRequest(school_id=school_id, person_id=person_id))
