"""gRPC ScheduleService: protobuf in, handler call, protobuf out."""
from proto.schedule.v1 import schedule_pb2 as pb
from proto.schedule.v1 import schedule_pb2_grpc
from services.schedule import (
    calendar_handlers,
    catalog,
    domain,
    feeds,
    handlers,
    lesson_changes,
    mismatch,
    plans,
    policy_settings,
    profiles,
    room_changes,
    rooms,
    subgroups,
    teaching_load,
    term_changes,
    timetable_changes,
    timetable_lines,
    year_copy,
)
from services.schedule.handlers import Deps

SERVICE = pb.DESCRIPTOR.services_by_name["ScheduleService"].full_name
# called without a user token (the gateway's GET /calendar/<token>.ics): the feed token is the secret
PUBLIC_METHODS = frozenset({f"/{SERVICE}/GetCalendarFeed"})


class ScheduleServicer(schedule_pb2_grpc.ScheduleServiceServicer):
    def __init__(self, deps: Deps):
        self.deps = deps

    def CreateAcademicYear(self, request, context):
        terms = [term_input(t) for t in request.terms]
        return handlers.create_academic_year(self.deps, request.school_id, request.name, request.start_date,
                                             request.end_date, terms)

    def CreateClassGroup(self, request, context):
        return handlers.create_class_group(self.deps, request.school_id, request.academic_year_id, request.grade,
                                           request.name)

    def GetClassGroup(self, request, context):
        return handlers.get_class_group(self.deps, request.school_id, request.class_group_id)

    def ListClassGroups(self, request, context):
        return pb.ListClassGroupsResponse(
            class_groups=handlers.list_class_groups(self.deps, request.school_id, request.academic_year_id))

    def CreateSubject(self, request, context):
        return handlers.create_subject(self.deps, request.school_id, request.name)

    def AssignTeacher(self, request, context):
        return handlers.assign_teacher(self.deps, request.school_id, request.teacher_id, request.subject_id,
                                       request.class_group_id, request.subgroup_id)

    def CreateTimetableEntry(self, request, context):
        entry, created = timetable_lines.create_timetable_entry(self.deps, request.entry.school_id, request.entry)
        return pb.CreateTimetableEntryResponse(entry=entry, lessons_created=created)

    def ListLessons(self, request, context):
        return pb.ListLessonsResponse(lessons=handlers.list_lessons(
            self.deps, request.school_id, request.class_group_id, request.teacher_id, request.date_from,
            request.date_to, request.include_cancelled, request.subject_id))

    def GetLesson(self, request, context):
        return handlers.get_lesson(self.deps, request.school_id, request.lesson_id)

    def CloseAcademicYear(self, request, context):
        return handlers.close_academic_year(self.deps, request.school_id, request.academic_year_id)

    def GetTerm(self, request, context):
        return handlers.get_term(self.deps, request.school_id, request.term_id)

    def AddHoliday(self, request, context):
        return calendar_handlers.add_holiday(self.deps, request.school_id, request.academic_year_id, request.name,
                                             request.start_date, request.end_date)

    def ListHolidays(self, request, context):
        return pb.ListHolidaysResponse(holidays=calendar_handlers.list_holidays(
            self.deps, request.school_id, request.academic_year_id))

    def AddDayTransfer(self, request, context):
        return calendar_handlers.add_day_transfer(self.deps, request.school_id, request.academic_year_id,
                                                  request.date, request.works_as_weekday)

    def ListDayTransfers(self, request, context):
        return pb.ListDayTransfersResponse(day_transfers=calendar_handlers.list_day_transfers(
            self.deps, request.school_id, request.academic_year_id))

    def CreateCalendarFeed(self, request, context):
        return feeds.create_calendar_feed(self.deps, request.school_id, request.class_group_id, request.teacher_id)

    def RevokeCalendarFeed(self, request, context):
        return feeds.revoke_calendar_feed(self.deps, request.school_id, request.feed_id)

    def GetCalendarFeed(self, request, context):
        return feeds.get_calendar_feed(self.deps, request.token)

    def SetCurriculumHours(self, request, context):
        return plans.set_curriculum_hours(self.deps, request.school_id, request.class_group_id, request.subject_id,
                                          request.hours_per_week)

    def GetCurriculum(self, request, context):
        return plans.get_curriculum(self.deps, request.school_id, request.class_group_id)

    def CurriculumWarnings(self, request, context):
        return pb.CurriculumWarningsResponse(warnings=plans.curriculum_warnings(
            self.deps, request.school_id, request.academic_year_id))

    def ImportThematicPlan(self, request, context):
        return plans.import_thematic_plan(self.deps, request.school_id, request.class_group_id, request.subject_id,
                                          request.filename, request.content, request.dry_run)

    def ListPlanTopics(self, request, context):
        return plans.list_plan_topics(self.deps, request.school_id, request.class_group_id, request.subject_id)

    def PlanProgress(self, request, context):
        return plans.plan_progress(self.deps, request.school_id, request.class_group_id, request.subject_id)

    def CreateSubgroup(self, request, context):
        return subgroups.create_subgroup(self.deps, request.school_id, request.class_group_id, request.name,
                                         request.student_ids)

    def SetSubgroupStudents(self, request, context):
        return subgroups.set_subgroup_students(self.deps, request.school_id, request.subgroup_id, request.student_ids)

    def GetSubgroup(self, request, context):
        return subgroups.get_subgroup(self.deps, request.school_id, request.subgroup_id)

    def ListSubgroups(self, request, context):
        return pb.ListSubgroupsResponse(subgroups=subgroups.list_subgroups(self.deps, request.school_id,
                                                                           request.class_group_id))

    def CancelLesson(self, request, context):
        return lesson_changes.cancel_lesson(self.deps, request.school_id, request.lesson_id, request.reason)

    def MoveLesson(self, request, context):
        return lesson_changes.move_lesson(self.deps, request.school_id, request.lesson_id, request.date,
                                          request.lesson_number, request.starts_at, request.ends_at, request.reason)

    def AssignSubstitute(self, request, context):
        return lesson_changes.assign_substitute(self.deps, request.school_id, request.lesson_id, request.teacher_id,
                                                request.reason)

    def SubstituteTeacher(self, request, context):
        return lesson_changes.substitute_teacher(self.deps, request.school_id, request.teacher_id, request.date_from,
                                                 request.date_to, request.substitute_teacher_id, request.reason)

    def CreateRoom(self, request, context):
        return rooms.create_room(self.deps, request.school_id, request.name)

    def ListRooms(self, request, context):
        return pb.ListRoomsResponse(rooms=rooms.list_rooms(self.deps, request.school_id))

    def CreateBellSchedule(self, request, context):
        return rooms.create_bell_schedule(self.deps, request.school_id, request.name, request.periods)

    def ListBellSchedules(self, request, context):
        return pb.ListBellSchedulesResponse(bell_schedules=rooms.list_bell_schedules(self.deps, request.school_id))

    def ReplaceTimetableEntry(self, request, context):
        return timetable_changes.replace_timetable_entry(self.deps, request.school_id, request.entry_id,
                                                         request.effective_from, request.entry)

    def DeleteTimetableEntry(self, request, context):
        return timetable_changes.delete_timetable_entry(self.deps, request.school_id, request.entry_id,
                                                        request.effective_from)

    def ListTimetableEntries(self, request, context):
        return pb.ListTimetableEntriesResponse(entries=timetable_changes.list_timetable_entries(
            self.deps, request.school_id, request.class_group_id, request.date))

    def ReportMismatch(self, request, context):
        return mismatch.report_mismatch(self.deps, request.school_id, request.lesson_id, request.message)

    def ListMismatchReports(self, request, context):
        return pb.ListMismatchReportsResponse(reports=mismatch.list_mismatch_reports(
            self.deps, request.school_id, request.status))

    def ResolveMismatchReport(self, request, context):
        return mismatch.resolve_mismatch_report(self.deps, request.school_id, request.report_id, request.resolution)

    def CopyAcademicYear(self, request, context):
        return year_copy.copy_academic_year(self.deps, request.school_id, request.source_year_id, request.name)

    def ListAcademicYears(self, request, context):
        return pb.ListAcademicYearsResponse(academic_years=catalog.list_academic_years(self.deps, request.school_id))

    def ListSubjects(self, request, context):
        return pb.ListSubjectsResponse(subjects=catalog.list_subjects(self.deps, request.school_id))

    def ListTeachingAssignments(self, request, context):
        return pb.ListTeachingAssignmentsResponse(assignments=catalog.list_teaching_assignments(
            self.deps, request.school_id, request.class_group_id))

    def GetSchedulePolicy(self, request, context):
        return policy_settings.get_schedule_policy(self.deps, request.school_id)

    def SetSchedulePolicy(self, request, context):
        return policy_settings.set_schedule_policy(self.deps, request)

    def DeleteHoliday(self, request, context):
        return calendar_handlers.delete_holiday(self.deps, request.school_id, request.holiday_id)

    def DeleteDayTransfer(self, request, context):
        return calendar_handlers.delete_day_transfer(self.deps, request.school_id, request.day_transfer_id)

    def RenameSubgroup(self, request, context):
        return subgroups.rename_subgroup(self.deps, request.school_id, request.subgroup_id, request.name)

    def DeleteSubgroup(self, request, context):
        return subgroups.delete_subgroup(self.deps, request.school_id, request.subgroup_id)

    def RenameRoom(self, request, context):
        return room_changes.rename_room(self.deps, request.school_id, request.room_id, request.name)

    def DeleteRoom(self, request, context):
        return room_changes.delete_room(self.deps, request.school_id, request.room_id)

    def UpdateBellSchedule(self, request, context):
        return room_changes.update_bell_schedule(self.deps, request.school_id, request.bell_schedule_id, request.name,
                                                 request.periods)

    def DeleteBellSchedule(self, request, context):
        return room_changes.delete_bell_schedule(self.deps, request.school_id, request.bell_schedule_id)

    def ChangeTerms(self, request, context):
        return term_changes.change_terms(self.deps, request.school_id, request.academic_year_id,
                                         [(t.id, term_input(t)) for t in request.terms], request.keep_recorded_lessons)

    def UpdateHoliday(self, request, context):
        return calendar_handlers.update_holiday(self.deps, request.school_id, request.holiday_id, request.name,
                                                request.start_date, request.end_date)

    def CreateProfile(self, request, context):
        return profiles.create_profile(self.deps, request.school_id, request.academic_year_id, request.name,
                                       request.grade_from, request.grade_to)

    def SetProfileHours(self, request, context):
        return profiles.set_profile_hours(self.deps, request.school_id, request.profile_id, request.subject_id,
                                          request.hours_per_week)

    def ListProfiles(self, request, context):
        return pb.ListProfilesResponse(profiles=profiles.list_profiles(self.deps, request.school_id,
                                                                       request.academic_year_id))

    def ApplyProfile(self, request, context):
        return profiles.apply_profile(self.deps, request.school_id, request.class_group_id, request.profile_id)

    def ImportTimetable(self, request, context):
        return timetable_lines.import_timetable(self.deps, request.school_id, request.lines)

    def ImportTeachingLoad(self, request, context):
        return teaching_load.import_teaching_load(self.deps, request.school_id, request.assignments, request.hours)


def term_input(term: pb.Term) -> domain.TermInput:
    return domain.TermInput(term.name, term.kind, term.start_date, term.end_date, term.grade_from, term.grade_to)
