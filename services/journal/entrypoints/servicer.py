"""gRPC JournalService: protobuf in, the command to the service layer with the call's school scope (bound by the
interceptor) and a new unit of work, protobuf out."""
from collections.abc import Callable

from proto.journal.v1 import journal_pb2 as pb
from proto.journal.v1 import journal_pb2_grpc
from services.common.scope import Scope
from services.journal.adapters import protobuf as messages
from services.journal.domain import journal_policy as school_policy
from services.journal.domain.lesson_entry import AttendanceInput, LessonInput, MarkInput
from services.journal.service_layer import (
    anomalies,
    attendance_corrections,
    control_remarks,
    diary,
    diary_results,
    final_marks,
    grid,
    homework,
    journal_control,
    journal_policy,
    late_entries,
    lesson_record,
    mark_flags,
    paper_import,
    plan_topics,
    reverts,
    student_plans,
    term_marks,
    unlock_requests,
    work_types,
)
from services.journal.service_layer.unit_of_work import JournalUnitOfWork


def lesson_input(request) -> LessonInput:
    """SaveLesson's request, or one item of SaveLessons, as the save's command."""
    return LessonInput(request.lesson_id, request.topic, request.homework,
                       [MarkInput(m.student_id, m.value, m.work_type, m.comment, m.not_counted) for m in request.marks],
                       [AttendanceInput(a.student_id, a.status) for a in request.attendance], request.reason,
                       request.plan_topic_id,
                       request.expected_revision if request.HasField("expected_revision") else None, request.entered_at)


class JournalServicer(journal_pb2_grpc.JournalServiceServicer):
    def __init__(self, unit_of_work: Callable[[Scope], JournalUnitOfWork], scope: Callable[[], Scope]):
        self.unit_of_work, self.scope = unit_of_work, scope

    def _on(self) -> tuple[Scope, JournalUnitOfWork]:
        """The call's scope and a new unit of work in it."""
        scope = self.scope()
        return scope, self.unit_of_work(scope)

    def SaveLesson(self, request, context):
        return lesson_record.save_lesson(*self._on(), lesson_input(request))

    def SaveLessons(self, request, context):
        return pb.SaveLessonsResponse(records=lesson_record.save_lessons(
            *self._on(), [lesson_input(item) for item in request.lessons]))

    def GetLessonRecord(self, request, context):
        return lesson_record.get_lesson_record(*self._on(), request.lesson_id)

    def ListLessonTopics(self, request, context):
        return plan_topics.list_lesson_topics(*self._on(), request.lesson_id)

    def GetDiary(self, request, context):
        return diary.get_diary(*self._on(), request.student_id, request.date_from, request.date_to)

    def GetJournalPolicy(self, request, context):
        return journal_policy.get_journal_policy(*self._on())

    def SetJournalPolicy(self, request, context):
        updates = {key: getattr(request, key) for key in school_policy.KEYS if request.HasField(key)}
        return journal_policy.set_journal_policy(*self._on(), updates)

    def RequestUnlock(self, request, context):
        return unlock_requests.request_unlock(*self._on(), request.lesson_id, request.reason)

    def ListUnlockRequests(self, request, context):
        return pb.ListUnlockRequestsResponse(requests=unlock_requests.list_unlock_requests(*self._on(), request.status))

    def DecideUnlock(self, request, context):
        return unlock_requests.decide_unlock(*self._on(), request.request_id, request.decision, request.comment)

    def SetTermMark(self, request, context):
        return term_marks.set_term_mark(*self._on(), request.student_id, request.subject_id, request.term_id,
                                        request.value, request.reason)

    def ListTermMarks(self, request, context):
        return pb.ListTermMarksResponse(term_marks=term_marks.list_term_marks(
            *self._on(), request.class_group_id, request.term_id))

    def ListWorkTypes(self, request, context):
        return pb.ListWorkTypesResponse(work_types=work_types.list_work_types(*self._on()))

    def SetWorkType(self, request, context):
        return work_types.set_work_type(*self._on(), request.code, request.name, request.weight)

    def GetGrid(self, request, context):
        return grid.get_grid(*self._on(), request.class_group_id, request.subject_id, request.term_id,
                             request.date_from, request.date_to, request.subgroup_id)

    def ListAnomalies(self, request, context):
        return pb.ListAnomaliesResponse(anomalies=anomalies.list_anomalies(
            *self._on(), request.date_from, request.date_to))

    def CorrectAttendance(self, request, context):
        return attendance_corrections.correct_attendance(
            *self._on(), request.lesson_id, request.student_id, request.status, request.document_date, request.reason)

    def ListAbsences(self, request, context):
        return pb.ListAbsencesResponse(absences=attendance_corrections.list_absences(
            *self._on(), request.class_group_id, request.date_from, request.date_to),
            reasons=messages.absence_reasons())

    def SetStudentPlan(self, request, context):
        return student_plans.set_student_plan(*self._on(), request.student_id, request.home_schooled,
                                              request.excluded_subject_ids, request.reason)

    def ListStudentPlans(self, request, context):
        return pb.ListStudentPlansResponse(plans=student_plans.list_student_plans(*self._on()))

    def SetFinalMark(self, request, context):
        return final_marks.set_final_mark(*self._on(), request.student_id, request.subject_id, request.kind,
                                          request.value, request.reason, request.academic_year_id)

    def ListFinalMarks(self, request, context):
        return pb.ListFinalMarksResponse(final_marks=final_marks.list_final_marks(*self._on(), request.class_group_id))

    def ListLateEntries(self, request, context):
        return pb.ListLateEntriesResponse(entries=late_entries.list_late_entries(
            *self._on(), request.date_from, request.date_to, request.teacher_id, request.class_group_id))

    def ListActorChanges(self, request, context):
        return pb.ListActorChangesResponse(changes=reverts.list_actor_changes(
            *self._on(), request.actor_person_id, request.since))

    def RevertActorChanges(self, request, context):
        return reverts.revert_actor_changes(*self._on(), request.actor_person_id, request.since, request.reason,
                                            list(request.ledger_ids))

    def ImportPaperJournal(self, request, context):
        return paper_import.import_paper_journal(*self._on(), request.class_group_id, request.filename,
                                                 request.content, request.reason, request.dry_run)

    def SetStudentHomework(self, request, context):
        return homework.set_student_homework(*self._on(), request.lesson_id, request.student_id, request.homework,
                                             request.reason)

    def AddHomeworkAttachment(self, request, context):
        return homework.add_attachment(*self._on(), request.lesson_id, request.student_id, request.filename,
                                       request.content)

    def ListHomeworkAttachments(self, request, context):
        return pb.ListHomeworkAttachmentsResponse(attachments=homework.list_attachments(*self._on(), request.lesson_id))

    def GetHomeworkAttachment(self, request, context):
        return homework.get_attachment(*self._on(), request.attachment_id, request.student_id)

    def ListCompromisedAccounts(self, request, context):
        return pb.ListCompromisedAccountsResponse(accounts=reverts.list_compromised_accounts(
            *self._on(), request.window_hours))

    def ListUnfilledLessons(self, request, context):
        return pb.ControlLessonsResponse(lessons=journal_control.list_unfilled_lessons(
            *self._on(), request.date_from, request.date_to, request.class_group_id, request.teacher_id))

    def ListMissingHomework(self, request, context):
        return pb.ControlLessonsResponse(lessons=journal_control.list_missing_homework(
            *self._on(), request.date_from, request.date_to, request.class_group_id, request.teacher_id))

    def ListMarkShortfalls(self, request, context):
        shortfalls, days = journal_control.list_mark_shortfalls(*self._on(), request.days, request.class_group_id)
        return pb.ListMarkShortfallsResponse(shortfalls=shortfalls, days=days)

    def AddControlRemark(self, request, context):
        return control_remarks.add_control_remark(*self._on(), request.teacher_id, request.class_group_id,
                                                  request.subject_id, request.lesson_id, request.text)

    def AnswerControlRemark(self, request, context):
        return control_remarks.answer_control_remark(*self._on(), request.remark_id, request.answer)

    def ListControlRemarks(self, request, context):
        return pb.ListControlRemarksResponse(remarks=control_remarks.list_control_remarks(
            *self._on(), request.teacher_id, request.status))

    def GetDiaryResults(self, request, context):
        return diary_results.get_diary_results(*self._on(), request.student_id, request.academic_year_id)

    def FlagMark(self, request, context):
        return mark_flags.flag_mark(*self._on(), request.mark_id, request.text)

    def AnswerMarkFlag(self, request, context):
        return mark_flags.answer_mark_flag(*self._on(), request.flag_id, request.answer, request.outcome)

    def ListMarkFlags(self, request, context):
        return pb.ListMarkFlagsResponse(flags=mark_flags.list_mark_flags(
            *self._on(), request.status, request.teacher_id, request.class_group_id, request.student_id,
            request.lesson_id))
