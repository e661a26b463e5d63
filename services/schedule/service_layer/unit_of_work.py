"""The schedule's unit of work: the one tenant transaction of the scope's school (services.common.unit_of_work)
with the schedule's stores opened on it, and the two ports a command may need besides (service_layer/ports.py):
the school's staff (asked of identity, outside the transaction) and today's date at the school. An event
consumer's unit of work joins the consumer's transaction (`ScheduleUnitOfWork.joining`)."""
from typing import Protocol

from services.common.dates import school_today
from services.common.db import Database
from services.common.outbox import Outbox
from services.common.unit_of_work import HasSchool, UnitOfWork
from services.schedule.adapters.academic_year_store import AcademicYearStore
from services.schedule.adapters.calendar_feed_store import CalendarFeedStore
from services.schedule.adapters.calendar_store import CalendarStore
from services.schedule.adapters.class_group_store import ClassGroupStore
from services.schedule.adapters.curriculum_store import CurriculumStore
from services.schedule.adapters.lesson_store import LessonStore
from services.schedule.adapters.mismatch_report_store import MismatchReportStore
from services.schedule.adapters.plan_topic_store import PlanTopicStore
from services.schedule.adapters.recorded_lesson_store import RecordedLessonStore
from services.schedule.adapters.room_store import BellScheduleStore, RoomStore
from services.schedule.adapters.schedule_policy_store import SchedulePolicyStore
from services.schedule.adapters.school_event_store import SchoolEventStore
from services.schedule.adapters.subgroup_store import SubgroupStore
from services.schedule.adapters.subject_store import SubjectStore
from services.schedule.adapters.teaching_assignment_store import TeachingAssignmentStore
from services.schedule.adapters.timetable_entry_store import TimetableEntryStore
from services.schedule.adapters.year_structure_store import YearStructureStore
from services.schedule.adapters.year_transition_store import YearTransitionStore
from services.schedule.service_layer.ports import Clock, Staff


class ScheduleUnitOfWork(UnitOfWork):
    academic_years: AcademicYearStore
    calendar: CalendarStore
    class_groups: ClassGroupStore
    subgroups: SubgroupStore
    subjects: SubjectStore
    teaching_assignments: TeachingAssignmentStore
    curriculum: CurriculumStore
    plan_topics: PlanTopicStore
    rooms: RoomStore
    bell_schedules: BellScheduleStore
    timetable_entries: TimetableEntryStore
    lessons: LessonStore
    recorded_lessons: RecordedLessonStore
    mismatch_reports: MismatchReportStore
    calendar_feeds: CalendarFeedStore
    policy: SchedulePolicyStore
    year_structures: YearStructureStore
    year_transitions: YearTransitionStore
    school_events: SchoolEventStore

    def __init__(self, db: Database | None, outbox: Outbox, scope: HasSchool, staff: Staff | None = None,
                 today: Clock = school_today):
        """staff: None only in an event consumer's unit of work (`joining`), whose commands ask no one."""
        super().__init__(db, outbox, scope)
        self.staff, self.today = staff, today

    def opened(self) -> None:
        self.academic_years = AcademicYearStore(self.session)
        self.calendar = CalendarStore(self.session)
        self.class_groups = ClassGroupStore(self.session)
        self.subgroups = SubgroupStore(self.session)
        self.subjects = SubjectStore(self.session)
        self.teaching_assignments = TeachingAssignmentStore(self.session)
        self.curriculum = CurriculumStore(self.session)
        self.plan_topics = PlanTopicStore(self.session)
        self.rooms = RoomStore(self.session)
        self.bell_schedules = BellScheduleStore(self.session)
        self.timetable_entries = TimetableEntryStore(self.session)
        self.lessons = LessonStore(self.session)
        self.recorded_lessons = RecordedLessonStore(self.session)
        self.mismatch_reports = MismatchReportStore(self.session)
        self.calendar_feeds = CalendarFeedStore(self.session)
        self.policy = SchedulePolicyStore(self.session, self.school_id)
        self.year_structures = YearStructureStore(self.session)
        self.year_transitions = YearTransitionStore(self.session)
        self.school_events = SchoolEventStore(self.session)


class UnitsOfWork(Protocol):
    """Makes the unit of work of a call for its school scope (bootstrap.py wires it)."""

    def __call__(self, scope: HasSchool) -> ScheduleUnitOfWork: ...
