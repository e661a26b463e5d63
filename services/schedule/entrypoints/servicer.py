"""gRPC ScheduleService: protobuf in, a handler call with the call's school scope and a new unit of work, protobuf
out."""

from proto.schedule.v1 import schedule_pb2 as pb
from proto.schedule.v1 import schedule_pb2_grpc
from services.common import scope
from services.common.scope import PrincipalSource, Scope
from services.schedule.adapters.calendar_feed_store import CalendarFeedTokens
from services.schedule.domain.academic_year import TermInput
from services.schedule.domain.schedule_policy import KEYS
from services.schedule.service_layer import (
    academic_years,
    calendar_changes,
    calendar_feeds,
    class_groups,
    lesson_changes,
    lessons,
    mismatch_reports,
    next_year,
    plans,
    profiles,
    room_changes,
    rooms,
    schedule_policy,
    school_events,
    subgroups,
    subjects,
    teaching_assignments,
    teaching_load,
    term_changes,
    timetable_changes,
    timetable_lines,
    year_copy,
)
from services.schedule.service_layer.unit_of_work import ScheduleUnitOfWork, UnitsOfWork

SERVICE = pb.DESCRIPTOR.services_by_name["ScheduleService"].full_name
# called without a user token (the gateway's GET /calendar/<token>.ics): the feed token is the secret
PUBLIC_METHODS = frozenset({f"/{SERVICE}/GetCalendarFeed"})


class ScheduleServicer(schedule_pb2_grpc.ScheduleServiceServicer):
    def __init__(self, units_of_work: UnitsOfWork, principals: PrincipalSource, feeds: CalendarFeedTokens):
        self.units_of_work, self.principals, self.feeds = units_of_work, principals, feeds

    def scoped(self, school_id: str | None = None) -> tuple[Scope, ScheduleUnitOfWork]:
        """The call's school scope and a new unit of work in it. A request that names its school inside a message
        (CreateTimetableEntry's entry) gives that school: the same caller, acting there."""
        current = scope.current() if school_id is None else Scope(school_id, self.principals)
        return current, self.units_of_work(current)

    def CreateAcademicYear(self, request, context):
        terms = [term_input(t) for t in request.terms]
        return academic_years.create_academic_year(*self.scoped(), request.name, request.start_date,
                                                   request.end_date, terms)

    def CreateClassGroup(self, request, context):
        return class_groups.create_class_group(*self.scoped(), request.academic_year_id, request.grade,
                                               request.name)

    def GetClassGroup(self, request, context):
        return class_groups.get_class_group(*self.scoped(), request.class_group_id)

    def ListClassGroups(self, request, context):
        return pb.ListClassGroupsResponse(
            class_groups=class_groups.list_class_groups(*self.scoped(), request.academic_year_id))

    def CreateSubject(self, request, context):
        return subjects.create_subject(*self.scoped(), request.name)

    def AssignTeacher(self, request, context):
        return teaching_assignments.assign_teacher(*self.scoped(), request.teacher_id, request.subject_id,
                                                   request.class_group_id, request.subgroup_id)

    def CreateTimetableEntry(self, request, context):
        entry, created = timetable_lines.create_timetable_entry(*self.scoped(request.entry.school_id), request.entry)
        return pb.CreateTimetableEntryResponse(entry=entry, lessons_created=created)

    def ListLessons(self, request, context):
        return pb.ListLessonsResponse(lessons=lessons.list_lessons(
            *self.scoped(), request.class_group_id, request.teacher_id, request.date_from,
            request.date_to, request.include_cancelled, request.subject_id))

    def GetLesson(self, request, context):
        return lessons.get_lesson(*self.scoped(), request.lesson_id)

    def CloseAcademicYear(self, request, context):
        return academic_years.close_academic_year(*self.scoped(), request.academic_year_id)

    def GetTerm(self, request, context):
        return academic_years.get_term(*self.scoped(), request.term_id)

    def AddHoliday(self, request, context):
        return calendar_changes.add_holiday(*self.scoped(), request.academic_year_id, request.name,
                                            request.start_date, request.end_date)

    def ListHolidays(self, request, context):
        return pb.ListHolidaysResponse(holidays=calendar_changes.list_holidays(
            *self.scoped(), request.academic_year_id))

    def AddDayTransfer(self, request, context):
        return calendar_changes.add_day_transfer(*self.scoped(), request.academic_year_id,
                                                 request.date, request.works_as_weekday)

    def ListDayTransfers(self, request, context):
        return pb.ListDayTransfersResponse(day_transfers=calendar_changes.list_day_transfers(
            *self.scoped(), request.academic_year_id))

    def CreateCalendarFeed(self, request, context):
        return calendar_feeds.create_calendar_feed(*self.scoped(), request.class_group_id, request.teacher_id)

    def RevokeCalendarFeed(self, request, context):
        return calendar_feeds.revoke_calendar_feed(*self.scoped(), request.feed_id)

    def GetCalendarFeed(self, request, context):
        return calendar_feeds.get_calendar_feed(self.feeds, self.units_of_work, request.token)

    def SetCurriculumHours(self, request, context):
        return plans.set_curriculum_hours(*self.scoped(), request.class_group_id, request.subject_id,
                                          request.hours_per_week)

    def GetCurriculum(self, request, context):
        return plans.get_curriculum(*self.scoped(), request.class_group_id)

    def CurriculumWarnings(self, request, context):
        return pb.CurriculumWarningsResponse(warnings=plans.curriculum_warnings(
            *self.scoped(), request.academic_year_id))

    def ImportThematicPlan(self, request, context):
        return plans.import_thematic_plan(*self.scoped(), request.class_group_id, request.subject_id,
                                          request.filename, request.content, request.dry_run)

    def ListPlanTopics(self, request, context):
        return plans.list_plan_topics(*self.scoped(), request.class_group_id, request.subject_id)

    def PlanProgress(self, request, context):
        return plans.plan_progress(*self.scoped(), request.class_group_id, request.subject_id)

    def CreateSubgroup(self, request, context):
        return subgroups.create_subgroup(*self.scoped(), request.class_group_id, request.name,
                                         request.student_ids)

    def SetSubgroupStudents(self, request, context):
        return subgroups.set_subgroup_students(*self.scoped(), request.subgroup_id, request.student_ids)

    def GetSubgroup(self, request, context):
        return subgroups.get_subgroup(*self.scoped(), request.subgroup_id)

    def ListSubgroups(self, request, context):
        return pb.ListSubgroupsResponse(subgroups=subgroups.list_subgroups(*self.scoped(), request.class_group_id))

    def CancelLesson(self, request, context):
        return lesson_changes.cancel_lesson(*self.scoped(), request.lesson_id, request.reason)

    def MoveLesson(self, request, context):
        return lesson_changes.move_lesson(*self.scoped(), request.lesson_id, request.date,
                                          request.lesson_number, request.starts_at, request.ends_at, request.reason)

    def AssignSubstitute(self, request, context):
        return lesson_changes.assign_substitute(*self.scoped(), request.lesson_id, request.teacher_id,
                                                request.reason)

    def SubstituteTeacher(self, request, context):
        return lesson_changes.substitute_teacher(*self.scoped(), request.teacher_id, request.date_from,
                                                 request.date_to, request.substitute_teacher_id, request.reason)

    def CreateRoom(self, request, context):
        return rooms.create_room(*self.scoped(), request.name)

    def ListRooms(self, request, context):
        return pb.ListRoomsResponse(rooms=rooms.list_rooms(*self.scoped()))

    def CreateBellSchedule(self, request, context):
        return rooms.create_bell_schedule(*self.scoped(), request.name, request.periods)

    def ListBellSchedules(self, request, context):
        return pb.ListBellSchedulesResponse(bell_schedules=rooms.list_bell_schedules(*self.scoped()))

    def ReplaceTimetableEntry(self, request, context):
        return timetable_changes.replace_timetable_entry(*self.scoped(), request.entry_id,
                                                         request.effective_from, request.entry)

    def DeleteTimetableEntry(self, request, context):
        return timetable_changes.delete_timetable_entry(*self.scoped(), request.entry_id,
                                                        request.effective_from)

    def ListTimetableEntries(self, request, context):
        return pb.ListTimetableEntriesResponse(entries=timetable_changes.list_timetable_entries(
            *self.scoped(), request.class_group_id, request.date))

    def ReportMismatch(self, request, context):
        return mismatch_reports.report_mismatch(*self.scoped(), request.lesson_id, request.message)

    def ListMismatchReports(self, request, context):
        return pb.ListMismatchReportsResponse(reports=mismatch_reports.list_mismatch_reports(
            *self.scoped(), request.status))

    def ResolveMismatchReport(self, request, context):
        return mismatch_reports.resolve_mismatch_report(*self.scoped(), request.report_id, request.resolution)

    def CopyAcademicYear(self, request, context):
        return year_copy.copy_academic_year(*self.scoped(), request.source_year_id, request.name)

    def ListAcademicYears(self, request, context):
        return pb.ListAcademicYearsResponse(academic_years=academic_years.list_academic_years(*self.scoped()))

    def ListSubjects(self, request, context):
        return pb.ListSubjectsResponse(subjects=subjects.list_subjects(*self.scoped()))

    def ListTeachingAssignments(self, request, context):
        return pb.ListTeachingAssignmentsResponse(assignments=teaching_assignments.list_teaching_assignments(
            *self.scoped(), request.class_group_id))

    def GetSchedulePolicy(self, request, context):
        return schedule_policy.get_schedule_policy(*self.scoped())

    def SetSchedulePolicy(self, request, context):
        changes = {key: getattr(request, key) for key in KEYS if request.HasField(key)}
        return schedule_policy.set_schedule_policy(*self.scoped(), changes)

    def DeleteHoliday(self, request, context):
        return calendar_changes.delete_holiday(*self.scoped(), request.holiday_id)

    def DeleteDayTransfer(self, request, context):
        return calendar_changes.delete_day_transfer(*self.scoped(), request.day_transfer_id)

    def RenameSubgroup(self, request, context):
        return subgroups.rename_subgroup(*self.scoped(), request.subgroup_id, request.name)

    def DeleteSubgroup(self, request, context):
        return subgroups.delete_subgroup(*self.scoped(), request.subgroup_id)

    def RenameRoom(self, request, context):
        return room_changes.rename_room(*self.scoped(), request.room_id, request.name)

    def DeleteRoom(self, request, context):
        return room_changes.delete_room(*self.scoped(), request.room_id)

    def UpdateBellSchedule(self, request, context):
        return room_changes.update_bell_schedule(*self.scoped(), request.bell_schedule_id, request.name,
                                                 request.periods)

    def DeleteBellSchedule(self, request, context):
        return room_changes.delete_bell_schedule(*self.scoped(), request.bell_schedule_id)

    def ChangeTerms(self, request, context):
        return term_changes.change_terms(*self.scoped(), request.academic_year_id,
                                         [(t.id, term_input(t)) for t in request.terms], request.keep_recorded_lessons)

    def UpdateHoliday(self, request, context):
        return calendar_changes.update_holiday(*self.scoped(), request.holiday_id, request.name,
                                               request.start_date, request.end_date)

    def CreateProfile(self, request, context):
        return profiles.create_profile(*self.scoped(), request.academic_year_id, request.name,
                                       request.grade_from, request.grade_to)

    def SetProfileHours(self, request, context):
        return profiles.set_profile_hours(*self.scoped(), request.profile_id, request.subject_id,
                                          request.hours_per_week)

    def ListProfiles(self, request, context):
        return pb.ListProfilesResponse(profiles=profiles.list_profiles(*self.scoped(), request.academic_year_id))

    def ApplyProfile(self, request, context):
        return profiles.apply_profile(*self.scoped(), request.class_group_id, request.profile_id)

    def ImportTimetable(self, request, context):
        return timetable_lines.import_timetable(*self.scoped(), request.lines)

    def ImportTeachingLoad(self, request, context):
        return teaching_load.import_teaching_load(*self.scoped(), request.assignments, request.hours)

    def OpenNextYear(self, request, context):
        return next_year.open_next_year(*self.scoped(), request.source_year_id, request.name,
                                        [(c.grade, c.name) for c in request.new_classes])

    def PublishTimetableDraft(self, request, context):
        return timetable_lines.publish_timetable_draft(*self.scoped(), request.academic_year_id)

    def CreateSchoolEvent(self, request, context):
        return school_events.create_school_event(*self.scoped(), request.event)

    def UpdateSchoolEvent(self, request, context):
        return school_events.update_school_event(*self.scoped(), request.school_event_id, request.event)

    def CancelSchoolEvent(self, request, context):
        return school_events.cancel_school_event(*self.scoped(), request.school_event_id, request.reason)

    def GetSchoolEvent(self, request, context):
        return school_events.get_school_event(*self.scoped(), request.school_event_id)

    def ListSchoolEvents(self, request, context):
        return school_events.list_school_events(*self.scoped(), request.date_from, request.date_to,
                                                request.class_group_id, request.include_cancelled)


def term_input(term: pb.Term) -> TermInput:
    return TermInput(term.name, term.kind, term.start_date, term.end_date, term.grade_from, term.grade_to)
