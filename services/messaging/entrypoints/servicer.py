"""gRPC MessagingService: protobuf in, handler call with the call's school scope, a new unit of work and the clock,
protobuf out."""
import datetime as dt
from collections.abc import Callable

from proto.messaging.v1 import messaging_pb2 as pb
from proto.messaging.v1 import messaging_pb2_grpc
from services.common import scope
from services.messaging.adapters.mailer import Mailer
from services.messaging.service_layer import (
    answer_control,
    complaints,
    digests,
    family_mail,
    messaging_policy,
    notices,
    threads,
)
from services.messaging.service_layer.unit_of_work import UnitsOfWork

POLICY_FIELDS = ("answer_days", "working_week_days", "absence_notice_time", "notify_mark_2", "notify_absence",
                 "notify_few_marks", "notify_term_mark", "few_marks_days")
SERVICE = pb.DESCRIPTOR.services_by_name["MessagingService"].full_name
# called without a user token (the gateway's /unsubscribe/<token> and /mail/confirm/<token>): the signed token is the
# proof
PUBLIC_METHODS = frozenset({f"/{SERVICE}/ReadMailLink", f"/{SERVICE}/UseMailLink"})


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class MessagingServicer(messaging_pb2_grpc.MessagingServiceServicer):
    def __init__(self, unit_of_work: UnitsOfWork, mailer: Mailer, clock: Callable[[], dt.datetime] = utc_now):
        self.unit_of_work, self.mailer, self.clock = unit_of_work, mailer, clock

    def _call(self):
        call = scope.current()
        return call, self.unit_of_work(call)

    def ListContacts(self, request, context):
        return pb.ListContactsResponse(contacts=threads.list_contacts(*self._call(), request.student_id))

    def StartThread(self, request, context):
        return pb.StartThreadResponse(threads=threads.start_thread(
            *self._call(), request.student_id, request.class_group_id, request.staff_id, request.subject, request.text,
            request.without_student, request.files, self.clock()))

    def ListThreads(self, request, context):
        listed, unread = threads.list_threads(*self._call())
        return pb.ListThreadsResponse(threads=listed, unread=unread)

    def GetThread(self, request, context):
        return threads.get_thread(*self._call(), request.thread_id)

    def MarkThreadRead(self, request, context):
        return pb.MarkThreadReadResponse(marked=threads.mark_thread_read(*self._call(), request.thread_id, self.clock()))

    def PostMessage(self, request, context):
        return threads.post_message(*self._call(), request.thread_id, request.text, request.files, self.clock())

    def WithdrawMessage(self, request, context):
        return threads.withdraw_message(*self._call(), request.message_id, self.clock())

    def GetMessageFile(self, request, context):
        return threads.get_message_file(*self._call(), request.file_id)

    def FileComplaint(self, request, context):
        return complaints.file_complaint(*self._call(), request.thread_id, request.reason, self.clock())

    def ListComplaints(self, request, context):
        return pb.ListComplaintsResponse(complaints=complaints.list_complaints(*self._call()))

    def ReadComplaintThread(self, request, context):
        return complaints.read_complaint_thread(*self._call(), request.complaint_id, self.clock())

    def ListComplaintReadings(self, request, context):
        return pb.ListComplaintReadingsResponse(readings=complaints.list_complaint_readings(*self._call()))

    def ListOverdueThreads(self, request, context):
        found, on, days = answer_control.list_overdue_threads(*self._call(), request.on_date, self.clock())
        return pb.ListOverdueThreadsResponse(threads=found, on_date=on.isoformat(), answer_days=days)

    def SendNotice(self, request, context):
        return notices.send_notice(*self._call(), request.audience, request.class_group_id, request.grade,
                                   request.title, request.text, request.requires_ack, self.clock())

    def ListNotices(self, request, context):
        listed, open_ = notices.list_notices(*self._call(), request.box)
        return pb.ListNoticesResponse(notices=listed, unacknowledged=open_)

    def AcknowledgeNotice(self, request, context):
        return notices.acknowledge_notice(*self._call(), request.notice_id, self.clock())

    def ListNoticeRecipients(self, request, context):
        return pb.ListNoticeRecipientsResponse(recipients=notices.list_notice_recipients(*self._call(),
                                                                                         request.notice_id))

    def GetMessagingPolicy(self, request, context):
        return messaging_policy.get_messaging_policy(*self._call())

    def SetMessagingPolicy(self, request, context):
        changes = {name: getattr(request, name) for name in POLICY_FIELDS if request.HasField(name)}
        return messaging_policy.set_messaging_policy(*self._call(), changes, self.clock())

    def GetNoticePreferences(self, request, context):
        return pb.NoticePreferences(preferences=notices.get_notice_preferences(*self._call()))

    def SetNoticePreferences(self, request, context):
        return pb.NoticePreferences(preferences=notices.set_notice_preferences(*self._call(), list(request.preferences),
                                                                               self.clock()))

    def GetMailSettings(self, request, context):
        return family_mail.get_mail_settings(*self._call())

    def SetMailSettings(self, request, context):
        return family_mail.set_mail_settings(
            *self._call(), request.address if request.HasField("address") else None,
            request.digest if request.HasField("digest") else None, self.clock())

    def SendDigestNow(self, request, context):
        return digests.send_digest_now(*self._call(), request.on_date, self.clock())

    def ReadMailLink(self, request, context):
        return family_mail.read_mail_link(self.unit_of_work, self.mailer, request.token, self.clock())

    def UseMailLink(self, request, context):
        return family_mail.use_mail_link(self.unit_of_work, self.mailer, request.token, self.clock())
