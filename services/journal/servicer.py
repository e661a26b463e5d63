"""gRPC JournalService: protobuf in, handler call, protobuf out."""
from proto.journal.v1 import journal_pb2_grpc
from services.common import context as request_context
from services.journal import domain, handlers
from services.journal.handlers import Deps


class JournalServicer(journal_pb2_grpc.JournalServiceServicer):
    def __init__(self, deps: Deps):
        self.deps = deps

    def SaveLesson(self, request, context):
        marks = [domain.MarkInput(m.student_id, m.value, m.work_type, m.comment) for m in request.marks]
        attendance = [domain.AttendanceInput(a.student_id, a.status) for a in request.attendance]
        return handlers.save_lesson(self.deps, request.school_id, request.lesson_id, request.topic, request.homework,
                                    marks, attendance, request.reason, request_context.client_address())

    def GetLessonRecord(self, request, context):
        return handlers.get_lesson_record(self.deps, request.school_id, request.lesson_id)

    def GetDiary(self, request, context):
        return handlers.get_diary(self.deps, request.school_id, request.student_id, request.date_from, request.date_to)
