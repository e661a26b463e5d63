"""gRPC JournalService: protobuf in, handler call, protobuf out."""
from proto.journal.v1 import journal_pb2 as pb
from proto.journal.v1 import journal_pb2_grpc
from services.common import context as request_context
from services.journal.domain import journal_policy as school_policy
from services.journal.domain import lesson_entry as domain
from services.journal.service_layer import (
    anomalies,
    attendance_corrections,
    diary,
    final_marks,
    grid,
    homework,
    late_entries,
    paper_import,
    plan_topics,
    reverts,
    student_plans,
    term_marks,
    work_types,
)
from services.journal.service_layer import journal_policy as policy_store
from services.journal.service_layer import lesson_record as handlers
from services.journal.service_layer import unlock_requests as unlocks
from services.journal.service_layer.lesson_record import Deps


class JournalServicer(journal_pb2_grpc.JournalServiceServicer):
    def __init__(self, deps: Deps):
        self.deps = deps

    def SaveLesson(self, request, context):
        marks = [domain.MarkInput(m.student_id, m.value, m.work_type, m.comment) for m in request.marks]
        attendance = [domain.AttendanceInput(a.student_id, a.status) for a in request.attendance]
        return handlers.save_lesson(self.deps, request.school_id, request.lesson_id, request.topic, request.homework,
                                    marks, attendance, request.reason, request_context.client_address(),
                                    request.plan_topic_id)

    def SaveLessons(self, request, context):
        items = [handlers.LessonInput(
            item.lesson_id, item.topic, item.homework,
            [domain.MarkInput(m.student_id, m.value, m.work_type, m.comment) for m in item.marks],
            [domain.AttendanceInput(a.student_id, a.status) for a in item.attendance], item.reason, item.plan_topic_id)
            for item in request.lessons]
        return pb.SaveLessonsResponse(records=handlers.save_lessons(self.deps, request.school_id, items,
                                                                    request_context.client_address()))

    def GetLessonRecord(self, request, context):
        return handlers.get_lesson_record(self.deps, request.school_id, request.lesson_id)

    def ListLessonTopics(self, request, context):
        return plan_topics.list_lesson_topics(self.deps, request.school_id, request.lesson_id)

    def GetDiary(self, request, context):
        return diary.get_diary(self.deps, request.school_id, request.student_id, request.date_from, request.date_to)

    def GetJournalPolicy(self, request, context):
        return policy_store.get_journal_policy(self.deps, request.school_id)

    def SetJournalPolicy(self, request, context):
        updates = {key: getattr(request, key) for key in school_policy.KEYS if request.HasField(key)}
        return policy_store.set_journal_policy(self.deps, request.school_id, updates, request_context.client_address())

    def RequestUnlock(self, request, context):
        return unlocks.request_unlock(self.deps, request.school_id, request.lesson_id, request.reason,
                                      request_context.client_address())

    def ListUnlockRequests(self, request, context):
        return pb.ListUnlockRequestsResponse(requests=unlocks.list_unlock_requests(
            self.deps, request.school_id, request.status))

    def DecideUnlock(self, request, context):
        return unlocks.decide_unlock(self.deps, request.school_id, request.request_id, request.decision,
                                     request.comment, request_context.client_address())

    def SetTermMark(self, request, context):
        return term_marks.set_term_mark(self.deps, request.school_id, request.student_id, request.subject_id,
                                        request.term_id, request.value, request.reason,
                                        request_context.client_address())

    def ListTermMarks(self, request, context):
        return pb.ListTermMarksResponse(term_marks=term_marks.list_term_marks(
            self.deps, request.school_id, request.class_group_id, request.term_id))

    def ListWorkTypes(self, request, context):
        return pb.ListWorkTypesResponse(work_types=work_types.list_work_types(self.deps, request.school_id))

    def SetWorkType(self, request, context):
        return work_types.set_work_type(self.deps, request.school_id, request.code, request.name, request.weight,
                                        request_context.client_address())

    def GetGrid(self, request, context):
        return grid.get_grid(self.deps, request.school_id, request.class_group_id, request.subject_id,
                             request.term_id, request.date_from, request.date_to, request.subgroup_id)

    def ListAnomalies(self, request, context):
        return pb.ListAnomaliesResponse(anomalies=anomalies.list_anomalies(
            self.deps, request.school_id, request.date_from, request.date_to))

    def CorrectAttendance(self, request, context):
        return attendance_corrections.correct_attendance(
            self.deps, request.school_id, request.lesson_id, request.student_id, request.status, request.document_date,
            request.reason, request_context.client_address())

    def ListAbsences(self, request, context):
        return pb.ListAbsencesResponse(absences=attendance_corrections.list_absences(
            self.deps, request.school_id, request.class_group_id, request.date_from, request.date_to))

    def SetStudentPlan(self, request, context):
        return student_plans.set_student_plan(self.deps, request.school_id, request.student_id, request.home_schooled,
                                              request.excluded_subject_ids, request.reason,
                                              request_context.client_address())

    def ListStudentPlans(self, request, context):
        return pb.ListStudentPlansResponse(plans=student_plans.list_student_plans(self.deps, request.school_id))

    def SetFinalMark(self, request, context):
        return final_marks.set_final_mark(self.deps, request.school_id, request.student_id, request.subject_id,
                                          request.kind, request.value, request.reason, request_context.client_address())

    def ListFinalMarks(self, request, context):
        return pb.ListFinalMarksResponse(final_marks=final_marks.list_final_marks(
            self.deps, request.school_id, request.class_group_id))

    def ListLateEntries(self, request, context):
        return pb.ListLateEntriesResponse(entries=late_entries.list_late_entries(
            self.deps, request.school_id, request.date_from, request.date_to, request.teacher_id,
            request.class_group_id))

    def ListActorChanges(self, request, context):
        return pb.ListActorChangesResponse(changes=reverts.list_actor_changes(
            self.deps, request.school_id, request.actor_person_id, request.since))

    def RevertActorChanges(self, request, context):
        return reverts.revert_actor_changes(self.deps, request.school_id, request.actor_person_id, request.since,
                                            request.reason, list(request.ledger_ids), request_context.client_address())

    def ImportPaperJournal(self, request, context):
        return paper_import.import_paper_journal(self.deps, request.school_id, request.class_group_id, request.filename,
                                                 request.content, request.reason, request.dry_run,
                                                 request_context.client_address())

    def SetStudentHomework(self, request, context):
        return homework.set_student_homework(self.deps, request.school_id, request.lesson_id, request.student_id,
                                             request.homework, request.reason, request_context.client_address())

    def AddHomeworkAttachment(self, request, context):
        return homework.add_attachment(self.deps, request.school_id, request.lesson_id, request.student_id,
                                       request.filename, request.content, request_context.client_address())

    def ListHomeworkAttachments(self, request, context):
        return pb.ListHomeworkAttachmentsResponse(attachments=homework.list_attachments(
            self.deps, request.school_id, request.lesson_id))

    def GetHomeworkAttachment(self, request, context):
        return homework.get_attachment(self.deps, request.school_id, request.attachment_id, request.student_id)

    def ListCompromisedAccounts(self, request, context):
        return pb.ListCompromisedAccountsResponse(accounts=reverts.list_compromised_accounts(
            self.deps, request.school_id, request.window_hours))
