"""gRPC JournalService: protobuf in, handler call, protobuf out."""
from urllib.parse import unquote

import grpc

from proto.journal.v1 import journal_pb2_grpc
from services.journal import domain, handlers
from services.journal.handlers import Deps


def client_address(context: grpc.ServicerContext) -> str:
    """The end user's address: the gateway's x-forwarded-for if present, else the gRPC peer's host."""
    forwarded = dict(context.invocation_metadata()).get("x-forwarded-for", "")
    if forwarded:
        return forwarded.split(",")[0].strip()
    peer = unquote(context.peer() or "")
    kind, _, address = peer.partition(":")
    if kind in ("ipv4", "ipv6"):
        return address.rsplit(":", 1)[0].strip("[]")
    return peer


class JournalServicer(journal_pb2_grpc.JournalServiceServicer):
    def __init__(self, deps: Deps):
        self.deps = deps

    def SaveLesson(self, request, context):
        marks = [domain.MarkInput(m.student_id, m.value, m.work_type, m.comment) for m in request.marks]
        attendance = [domain.AttendanceInput(a.student_id, a.status) for a in request.attendance]
        return handlers.save_lesson(self.deps, request.school_id, request.lesson_id, request.topic, request.homework,
                                    marks, attendance, request.reason, client_address(context))

    def GetLessonRecord(self, request, context):
        return handlers.get_lesson_record(self.deps, request.school_id, request.lesson_id)

    def GetDiary(self, request, context):
        return handlers.get_diary(self.deps, request.school_id, request.student_id, request.date_from, request.date_to)
