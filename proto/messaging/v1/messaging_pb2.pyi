from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class MessageFile(_message.Message):
    __slots__ = ("id", "filename", "media_type", "size")
    ID_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    MEDIA_TYPE_FIELD_NUMBER: _ClassVar[int]
    SIZE_FIELD_NUMBER: _ClassVar[int]
    id: str
    filename: str
    media_type: str
    size: int
    def __init__(self, id: _Optional[str] = ..., filename: _Optional[str] = ..., media_type: _Optional[str] = ..., size: _Optional[int] = ...) -> None: ...

class FileInput(_message.Message):
    __slots__ = ("filename", "content")
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    filename: str
    content: bytes
    def __init__(self, filename: _Optional[str] = ..., content: _Optional[bytes] = ...) -> None: ...

class Receipt(_message.Message):
    __slots__ = ("person_id", "read_at")
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    READ_AT_FIELD_NUMBER: _ClassVar[int]
    person_id: str
    read_at: str
    def __init__(self, person_id: _Optional[str] = ..., read_at: _Optional[str] = ...) -> None: ...

class Message(_message.Message):
    __slots__ = ("id", "thread_id", "author_id", "author_role", "author_name", "text", "created_at", "withdrawn", "withdrawn_at", "files", "read_by")
    ID_FIELD_NUMBER: _ClassVar[int]
    THREAD_ID_FIELD_NUMBER: _ClassVar[int]
    AUTHOR_ID_FIELD_NUMBER: _ClassVar[int]
    AUTHOR_ROLE_FIELD_NUMBER: _ClassVar[int]
    AUTHOR_NAME_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    WITHDRAWN_FIELD_NUMBER: _ClassVar[int]
    WITHDRAWN_AT_FIELD_NUMBER: _ClassVar[int]
    FILES_FIELD_NUMBER: _ClassVar[int]
    READ_BY_FIELD_NUMBER: _ClassVar[int]
    id: str
    thread_id: str
    author_id: str
    author_role: str
    author_name: str
    text: str
    created_at: str
    withdrawn: bool
    withdrawn_at: str
    files: _containers.RepeatedCompositeFieldContainer[MessageFile]
    read_by: _containers.RepeatedCompositeFieldContainer[Receipt]
    def __init__(self, id: _Optional[str] = ..., thread_id: _Optional[str] = ..., author_id: _Optional[str] = ..., author_role: _Optional[str] = ..., author_name: _Optional[str] = ..., text: _Optional[str] = ..., created_at: _Optional[str] = ..., withdrawn: _Optional[bool] = ..., withdrawn_at: _Optional[str] = ..., files: _Optional[_Iterable[_Union[MessageFile, _Mapping]]] = ..., read_by: _Optional[_Iterable[_Union[Receipt, _Mapping]]] = ...) -> None: ...

class Participant(_message.Message):
    __slots__ = ("person_id", "role", "name")
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    person_id: str
    role: str
    name: str
    def __init__(self, person_id: _Optional[str] = ..., role: _Optional[str] = ..., name: _Optional[str] = ...) -> None: ...

class Thread(_message.Message):
    __slots__ = ("id", "school_id", "subject", "student_id", "student_name", "class_group_id", "staff_id", "staff_name", "broadcast_id", "started_by", "created_at", "participants", "last_message_at", "messages", "unread", "awaiting_answer", "awaiting_since")
    ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_NAME_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    STAFF_ID_FIELD_NUMBER: _ClassVar[int]
    STAFF_NAME_FIELD_NUMBER: _ClassVar[int]
    BROADCAST_ID_FIELD_NUMBER: _ClassVar[int]
    STARTED_BY_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    PARTICIPANTS_FIELD_NUMBER: _ClassVar[int]
    LAST_MESSAGE_AT_FIELD_NUMBER: _ClassVar[int]
    MESSAGES_FIELD_NUMBER: _ClassVar[int]
    UNREAD_FIELD_NUMBER: _ClassVar[int]
    AWAITING_ANSWER_FIELD_NUMBER: _ClassVar[int]
    AWAITING_SINCE_FIELD_NUMBER: _ClassVar[int]
    id: str
    school_id: str
    subject: str
    student_id: str
    student_name: str
    class_group_id: str
    staff_id: str
    staff_name: str
    broadcast_id: str
    started_by: str
    created_at: str
    participants: _containers.RepeatedCompositeFieldContainer[Participant]
    last_message_at: str
    messages: int
    unread: int
    awaiting_answer: bool
    awaiting_since: str
    def __init__(self, id: _Optional[str] = ..., school_id: _Optional[str] = ..., subject: _Optional[str] = ..., student_id: _Optional[str] = ..., student_name: _Optional[str] = ..., class_group_id: _Optional[str] = ..., staff_id: _Optional[str] = ..., staff_name: _Optional[str] = ..., broadcast_id: _Optional[str] = ..., started_by: _Optional[str] = ..., created_at: _Optional[str] = ..., participants: _Optional[_Iterable[_Union[Participant, _Mapping]]] = ..., last_message_at: _Optional[str] = ..., messages: _Optional[int] = ..., unread: _Optional[int] = ..., awaiting_answer: _Optional[bool] = ..., awaiting_since: _Optional[str] = ...) -> None: ...

class ThreadView(_message.Message):
    __slots__ = ("thread", "messages")
    THREAD_FIELD_NUMBER: _ClassVar[int]
    MESSAGES_FIELD_NUMBER: _ClassVar[int]
    thread: Thread
    messages: _containers.RepeatedCompositeFieldContainer[Message]
    def __init__(self, thread: _Optional[_Union[Thread, _Mapping]] = ..., messages: _Optional[_Iterable[_Union[Message, _Mapping]]] = ...) -> None: ...

class Contact(_message.Message):
    __slots__ = ("person_id", "name", "student_id", "student_name", "reasons")
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_NAME_FIELD_NUMBER: _ClassVar[int]
    REASONS_FIELD_NUMBER: _ClassVar[int]
    person_id: str
    name: str
    student_id: str
    student_name: str
    reasons: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, person_id: _Optional[str] = ..., name: _Optional[str] = ..., student_id: _Optional[str] = ..., student_name: _Optional[str] = ..., reasons: _Optional[_Iterable[str]] = ...) -> None: ...

class ListContactsRequest(_message.Message):
    __slots__ = ("school_id", "student_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    student_id: str
    def __init__(self, school_id: _Optional[str] = ..., student_id: _Optional[str] = ...) -> None: ...

class ListContactsResponse(_message.Message):
    __slots__ = ("contacts",)
    CONTACTS_FIELD_NUMBER: _ClassVar[int]
    contacts: _containers.RepeatedCompositeFieldContainer[Contact]
    def __init__(self, contacts: _Optional[_Iterable[_Union[Contact, _Mapping]]] = ...) -> None: ...

class StartThreadRequest(_message.Message):
    __slots__ = ("school_id", "student_id", "class_group_id", "staff_id", "subject", "text", "without_student", "files")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    STAFF_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    WITHOUT_STUDENT_FIELD_NUMBER: _ClassVar[int]
    FILES_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    student_id: str
    class_group_id: str
    staff_id: str
    subject: str
    text: str
    without_student: bool
    files: _containers.RepeatedCompositeFieldContainer[FileInput]
    def __init__(self, school_id: _Optional[str] = ..., student_id: _Optional[str] = ..., class_group_id: _Optional[str] = ..., staff_id: _Optional[str] = ..., subject: _Optional[str] = ..., text: _Optional[str] = ..., without_student: _Optional[bool] = ..., files: _Optional[_Iterable[_Union[FileInput, _Mapping]]] = ...) -> None: ...

class StartThreadResponse(_message.Message):
    __slots__ = ("threads",)
    THREADS_FIELD_NUMBER: _ClassVar[int]
    threads: _containers.RepeatedCompositeFieldContainer[Thread]
    def __init__(self, threads: _Optional[_Iterable[_Union[Thread, _Mapping]]] = ...) -> None: ...

class ListThreadsRequest(_message.Message):
    __slots__ = ("school_id",)
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    def __init__(self, school_id: _Optional[str] = ...) -> None: ...

class ListThreadsResponse(_message.Message):
    __slots__ = ("threads", "unread")
    THREADS_FIELD_NUMBER: _ClassVar[int]
    UNREAD_FIELD_NUMBER: _ClassVar[int]
    threads: _containers.RepeatedCompositeFieldContainer[Thread]
    unread: int
    def __init__(self, threads: _Optional[_Iterable[_Union[Thread, _Mapping]]] = ..., unread: _Optional[int] = ...) -> None: ...

class GetThreadRequest(_message.Message):
    __slots__ = ("school_id", "thread_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    THREAD_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    thread_id: str
    def __init__(self, school_id: _Optional[str] = ..., thread_id: _Optional[str] = ...) -> None: ...

class MarkThreadReadResponse(_message.Message):
    __slots__ = ("marked",)
    MARKED_FIELD_NUMBER: _ClassVar[int]
    marked: int
    def __init__(self, marked: _Optional[int] = ...) -> None: ...

class PostMessageRequest(_message.Message):
    __slots__ = ("school_id", "thread_id", "text", "files")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    THREAD_ID_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    FILES_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    thread_id: str
    text: str
    files: _containers.RepeatedCompositeFieldContainer[FileInput]
    def __init__(self, school_id: _Optional[str] = ..., thread_id: _Optional[str] = ..., text: _Optional[str] = ..., files: _Optional[_Iterable[_Union[FileInput, _Mapping]]] = ...) -> None: ...

class WithdrawMessageRequest(_message.Message):
    __slots__ = ("school_id", "message_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    message_id: str
    def __init__(self, school_id: _Optional[str] = ..., message_id: _Optional[str] = ...) -> None: ...

class GetMessageFileRequest(_message.Message):
    __slots__ = ("school_id", "file_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    FILE_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    file_id: str
    def __init__(self, school_id: _Optional[str] = ..., file_id: _Optional[str] = ...) -> None: ...

class MessageFileContent(_message.Message):
    __slots__ = ("filename", "media_type", "content")
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    MEDIA_TYPE_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    filename: str
    media_type: str
    content: bytes
    def __init__(self, filename: _Optional[str] = ..., media_type: _Optional[str] = ..., content: _Optional[bytes] = ...) -> None: ...

class Complaint(_message.Message):
    __slots__ = ("id", "thread_id", "filed_by", "reason", "created_at", "readings", "filed_by_name", "student_name")
    ID_FIELD_NUMBER: _ClassVar[int]
    THREAD_ID_FIELD_NUMBER: _ClassVar[int]
    FILED_BY_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    READINGS_FIELD_NUMBER: _ClassVar[int]
    FILED_BY_NAME_FIELD_NUMBER: _ClassVar[int]
    STUDENT_NAME_FIELD_NUMBER: _ClassVar[int]
    id: str
    thread_id: str
    filed_by: str
    reason: str
    created_at: str
    readings: int
    filed_by_name: str
    student_name: str
    def __init__(self, id: _Optional[str] = ..., thread_id: _Optional[str] = ..., filed_by: _Optional[str] = ..., reason: _Optional[str] = ..., created_at: _Optional[str] = ..., readings: _Optional[int] = ..., filed_by_name: _Optional[str] = ..., student_name: _Optional[str] = ...) -> None: ...

class FileComplaintRequest(_message.Message):
    __slots__ = ("school_id", "thread_id", "reason")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    THREAD_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    thread_id: str
    reason: str
    def __init__(self, school_id: _Optional[str] = ..., thread_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class ListComplaintsRequest(_message.Message):
    __slots__ = ("school_id",)
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    def __init__(self, school_id: _Optional[str] = ...) -> None: ...

class ListComplaintsResponse(_message.Message):
    __slots__ = ("complaints",)
    COMPLAINTS_FIELD_NUMBER: _ClassVar[int]
    complaints: _containers.RepeatedCompositeFieldContainer[Complaint]
    def __init__(self, complaints: _Optional[_Iterable[_Union[Complaint, _Mapping]]] = ...) -> None: ...

class ReadComplaintThreadRequest(_message.Message):
    __slots__ = ("school_id", "complaint_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    COMPLAINT_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    complaint_id: str
    def __init__(self, school_id: _Optional[str] = ..., complaint_id: _Optional[str] = ...) -> None: ...

class ComplaintReading(_message.Message):
    __slots__ = ("id", "complaint_id", "thread_id", "reader_id", "reader_subject", "read_at", "client_address", "reader_name")
    ID_FIELD_NUMBER: _ClassVar[int]
    COMPLAINT_ID_FIELD_NUMBER: _ClassVar[int]
    THREAD_ID_FIELD_NUMBER: _ClassVar[int]
    READER_ID_FIELD_NUMBER: _ClassVar[int]
    READER_SUBJECT_FIELD_NUMBER: _ClassVar[int]
    READ_AT_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    READER_NAME_FIELD_NUMBER: _ClassVar[int]
    id: str
    complaint_id: str
    thread_id: str
    reader_id: str
    reader_subject: str
    read_at: str
    client_address: str
    reader_name: str
    def __init__(self, id: _Optional[str] = ..., complaint_id: _Optional[str] = ..., thread_id: _Optional[str] = ..., reader_id: _Optional[str] = ..., reader_subject: _Optional[str] = ..., read_at: _Optional[str] = ..., client_address: _Optional[str] = ..., reader_name: _Optional[str] = ...) -> None: ...

class ListComplaintReadingsRequest(_message.Message):
    __slots__ = ("school_id",)
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    def __init__(self, school_id: _Optional[str] = ...) -> None: ...

class ListComplaintReadingsResponse(_message.Message):
    __slots__ = ("readings",)
    READINGS_FIELD_NUMBER: _ClassVar[int]
    readings: _containers.RepeatedCompositeFieldContainer[ComplaintReading]
    def __init__(self, readings: _Optional[_Iterable[_Union[ComplaintReading, _Mapping]]] = ...) -> None: ...

class ListOverdueThreadsRequest(_message.Message):
    __slots__ = ("school_id", "on_date")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    ON_DATE_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    on_date: str
    def __init__(self, school_id: _Optional[str] = ..., on_date: _Optional[str] = ...) -> None: ...

class OverdueThread(_message.Message):
    __slots__ = ("thread", "answer_due", "working_days_late", "staff_is_form_teacher")
    THREAD_FIELD_NUMBER: _ClassVar[int]
    ANSWER_DUE_FIELD_NUMBER: _ClassVar[int]
    WORKING_DAYS_LATE_FIELD_NUMBER: _ClassVar[int]
    STAFF_IS_FORM_TEACHER_FIELD_NUMBER: _ClassVar[int]
    thread: Thread
    answer_due: str
    working_days_late: int
    staff_is_form_teacher: bool
    def __init__(self, thread: _Optional[_Union[Thread, _Mapping]] = ..., answer_due: _Optional[str] = ..., working_days_late: _Optional[int] = ..., staff_is_form_teacher: _Optional[bool] = ...) -> None: ...

class ListOverdueThreadsResponse(_message.Message):
    __slots__ = ("threads", "on_date", "answer_days")
    THREADS_FIELD_NUMBER: _ClassVar[int]
    ON_DATE_FIELD_NUMBER: _ClassVar[int]
    ANSWER_DAYS_FIELD_NUMBER: _ClassVar[int]
    threads: _containers.RepeatedCompositeFieldContainer[OverdueThread]
    on_date: str
    answer_days: int
    def __init__(self, threads: _Optional[_Iterable[_Union[OverdueThread, _Mapping]]] = ..., on_date: _Optional[str] = ..., answer_days: _Optional[int] = ...) -> None: ...

class Notice(_message.Message):
    __slots__ = ("id", "school_id", "kind", "title", "text", "audience", "class_group_id", "grade", "student_id", "student_name", "author_id", "requires_ack", "created_at", "acknowledged_at", "recipients", "acknowledged", "channel")
    ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    AUDIENCE_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    GRADE_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_NAME_FIELD_NUMBER: _ClassVar[int]
    AUTHOR_ID_FIELD_NUMBER: _ClassVar[int]
    REQUIRES_ACK_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    ACKNOWLEDGED_AT_FIELD_NUMBER: _ClassVar[int]
    RECIPIENTS_FIELD_NUMBER: _ClassVar[int]
    ACKNOWLEDGED_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    id: str
    school_id: str
    kind: str
    title: str
    text: str
    audience: str
    class_group_id: str
    grade: int
    student_id: str
    student_name: str
    author_id: str
    requires_ack: bool
    created_at: str
    acknowledged_at: str
    recipients: int
    acknowledged: int
    channel: str
    def __init__(self, id: _Optional[str] = ..., school_id: _Optional[str] = ..., kind: _Optional[str] = ..., title: _Optional[str] = ..., text: _Optional[str] = ..., audience: _Optional[str] = ..., class_group_id: _Optional[str] = ..., grade: _Optional[int] = ..., student_id: _Optional[str] = ..., student_name: _Optional[str] = ..., author_id: _Optional[str] = ..., requires_ack: _Optional[bool] = ..., created_at: _Optional[str] = ..., acknowledged_at: _Optional[str] = ..., recipients: _Optional[int] = ..., acknowledged: _Optional[int] = ..., channel: _Optional[str] = ...) -> None: ...

class SendNoticeRequest(_message.Message):
    __slots__ = ("school_id", "audience", "class_group_id", "grade", "title", "text", "requires_ack")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    AUDIENCE_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    GRADE_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    REQUIRES_ACK_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    audience: str
    class_group_id: str
    grade: int
    title: str
    text: str
    requires_ack: bool
    def __init__(self, school_id: _Optional[str] = ..., audience: _Optional[str] = ..., class_group_id: _Optional[str] = ..., grade: _Optional[int] = ..., title: _Optional[str] = ..., text: _Optional[str] = ..., requires_ack: _Optional[bool] = ...) -> None: ...

class ListNoticesRequest(_message.Message):
    __slots__ = ("school_id", "box")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    BOX_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    box: str
    def __init__(self, school_id: _Optional[str] = ..., box: _Optional[str] = ...) -> None: ...

class ListNoticesResponse(_message.Message):
    __slots__ = ("notices", "unacknowledged")
    NOTICES_FIELD_NUMBER: _ClassVar[int]
    UNACKNOWLEDGED_FIELD_NUMBER: _ClassVar[int]
    notices: _containers.RepeatedCompositeFieldContainer[Notice]
    unacknowledged: int
    def __init__(self, notices: _Optional[_Iterable[_Union[Notice, _Mapping]]] = ..., unacknowledged: _Optional[int] = ...) -> None: ...

class AcknowledgeNoticeRequest(_message.Message):
    __slots__ = ("school_id", "notice_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    NOTICE_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    notice_id: str
    def __init__(self, school_id: _Optional[str] = ..., notice_id: _Optional[str] = ...) -> None: ...

class NoticeRecipient(_message.Message):
    __slots__ = ("person_id", "name", "student_id", "student_name", "channel", "acknowledged_at")
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_NAME_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    ACKNOWLEDGED_AT_FIELD_NUMBER: _ClassVar[int]
    person_id: str
    name: str
    student_id: str
    student_name: str
    channel: str
    acknowledged_at: str
    def __init__(self, person_id: _Optional[str] = ..., name: _Optional[str] = ..., student_id: _Optional[str] = ..., student_name: _Optional[str] = ..., channel: _Optional[str] = ..., acknowledged_at: _Optional[str] = ...) -> None: ...

class ListNoticeRecipientsRequest(_message.Message):
    __slots__ = ("school_id", "notice_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    NOTICE_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    notice_id: str
    def __init__(self, school_id: _Optional[str] = ..., notice_id: _Optional[str] = ...) -> None: ...

class ListNoticeRecipientsResponse(_message.Message):
    __slots__ = ("recipients",)
    RECIPIENTS_FIELD_NUMBER: _ClassVar[int]
    recipients: _containers.RepeatedCompositeFieldContainer[NoticeRecipient]
    def __init__(self, recipients: _Optional[_Iterable[_Union[NoticeRecipient, _Mapping]]] = ...) -> None: ...

class MessagingPolicy(_message.Message):
    __slots__ = ("school_id", "answer_days", "working_week_days", "absence_notice_time", "notify_mark_2", "notify_absence", "notify_few_marks", "notify_term_mark", "few_marks_days")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    ANSWER_DAYS_FIELD_NUMBER: _ClassVar[int]
    WORKING_WEEK_DAYS_FIELD_NUMBER: _ClassVar[int]
    ABSENCE_NOTICE_TIME_FIELD_NUMBER: _ClassVar[int]
    NOTIFY_MARK_2_FIELD_NUMBER: _ClassVar[int]
    NOTIFY_ABSENCE_FIELD_NUMBER: _ClassVar[int]
    NOTIFY_FEW_MARKS_FIELD_NUMBER: _ClassVar[int]
    NOTIFY_TERM_MARK_FIELD_NUMBER: _ClassVar[int]
    FEW_MARKS_DAYS_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    answer_days: int
    working_week_days: int
    absence_notice_time: str
    notify_mark_2: bool
    notify_absence: bool
    notify_few_marks: bool
    notify_term_mark: bool
    few_marks_days: int
    def __init__(self, school_id: _Optional[str] = ..., answer_days: _Optional[int] = ..., working_week_days: _Optional[int] = ..., absence_notice_time: _Optional[str] = ..., notify_mark_2: _Optional[bool] = ..., notify_absence: _Optional[bool] = ..., notify_few_marks: _Optional[bool] = ..., notify_term_mark: _Optional[bool] = ..., few_marks_days: _Optional[int] = ...) -> None: ...

class GetMessagingPolicyRequest(_message.Message):
    __slots__ = ("school_id",)
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    def __init__(self, school_id: _Optional[str] = ...) -> None: ...

class SetMessagingPolicyRequest(_message.Message):
    __slots__ = ("school_id", "answer_days", "working_week_days", "absence_notice_time", "notify_mark_2", "notify_absence", "notify_few_marks", "notify_term_mark", "few_marks_days")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    ANSWER_DAYS_FIELD_NUMBER: _ClassVar[int]
    WORKING_WEEK_DAYS_FIELD_NUMBER: _ClassVar[int]
    ABSENCE_NOTICE_TIME_FIELD_NUMBER: _ClassVar[int]
    NOTIFY_MARK_2_FIELD_NUMBER: _ClassVar[int]
    NOTIFY_ABSENCE_FIELD_NUMBER: _ClassVar[int]
    NOTIFY_FEW_MARKS_FIELD_NUMBER: _ClassVar[int]
    NOTIFY_TERM_MARK_FIELD_NUMBER: _ClassVar[int]
    FEW_MARKS_DAYS_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    answer_days: int
    working_week_days: int
    absence_notice_time: str
    notify_mark_2: bool
    notify_absence: bool
    notify_few_marks: bool
    notify_term_mark: bool
    few_marks_days: int
    def __init__(self, school_id: _Optional[str] = ..., answer_days: _Optional[int] = ..., working_week_days: _Optional[int] = ..., absence_notice_time: _Optional[str] = ..., notify_mark_2: _Optional[bool] = ..., notify_absence: _Optional[bool] = ..., notify_few_marks: _Optional[bool] = ..., notify_term_mark: _Optional[bool] = ..., few_marks_days: _Optional[int] = ...) -> None: ...

class NoticePreference(_message.Message):
    __slots__ = ("kind", "channel", "enabled", "kind_name", "channel_name")
    KIND_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    ENABLED_FIELD_NUMBER: _ClassVar[int]
    KIND_NAME_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_NAME_FIELD_NUMBER: _ClassVar[int]
    kind: str
    channel: str
    enabled: bool
    kind_name: str
    channel_name: str
    def __init__(self, kind: _Optional[str] = ..., channel: _Optional[str] = ..., enabled: _Optional[bool] = ..., kind_name: _Optional[str] = ..., channel_name: _Optional[str] = ...) -> None: ...

class Choice(_message.Message):
    __slots__ = ("code", "name")
    CODE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    code: str
    name: str
    def __init__(self, code: _Optional[str] = ..., name: _Optional[str] = ...) -> None: ...

class GetNoticePreferencesRequest(_message.Message):
    __slots__ = ("school_id",)
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    def __init__(self, school_id: _Optional[str] = ...) -> None: ...

class NoticePreferences(_message.Message):
    __slots__ = ("preferences",)
    PREFERENCES_FIELD_NUMBER: _ClassVar[int]
    preferences: _containers.RepeatedCompositeFieldContainer[NoticePreference]
    def __init__(self, preferences: _Optional[_Iterable[_Union[NoticePreference, _Mapping]]] = ...) -> None: ...

class SetNoticePreferencesRequest(_message.Message):
    __slots__ = ("school_id", "preferences")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    PREFERENCES_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    preferences: _containers.RepeatedCompositeFieldContainer[NoticePreference]
    def __init__(self, school_id: _Optional[str] = ..., preferences: _Optional[_Iterable[_Union[NoticePreference, _Mapping]]] = ...) -> None: ...

class MailSettings(_message.Message):
    __slots__ = ("address", "confirmed", "digest", "digest_through", "digests")
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    CONFIRMED_FIELD_NUMBER: _ClassVar[int]
    DIGEST_FIELD_NUMBER: _ClassVar[int]
    DIGEST_THROUGH_FIELD_NUMBER: _ClassVar[int]
    DIGESTS_FIELD_NUMBER: _ClassVar[int]
    address: str
    confirmed: bool
    digest: str
    digest_through: str
    digests: _containers.RepeatedCompositeFieldContainer[Choice]
    def __init__(self, address: _Optional[str] = ..., confirmed: _Optional[bool] = ..., digest: _Optional[str] = ..., digest_through: _Optional[str] = ..., digests: _Optional[_Iterable[_Union[Choice, _Mapping]]] = ...) -> None: ...

class GetMailSettingsRequest(_message.Message):
    __slots__ = ("school_id",)
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    def __init__(self, school_id: _Optional[str] = ...) -> None: ...

class SetMailSettingsRequest(_message.Message):
    __slots__ = ("school_id", "address", "digest")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    DIGEST_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    address: str
    digest: str
    def __init__(self, school_id: _Optional[str] = ..., address: _Optional[str] = ..., digest: _Optional[str] = ...) -> None: ...

class SendDigestNowRequest(_message.Message):
    __slots__ = ("school_id", "on_date")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    ON_DATE_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    on_date: str
    def __init__(self, school_id: _Optional[str] = ..., on_date: _Optional[str] = ...) -> None: ...

class SendDigestNowResponse(_message.Message):
    __slots__ = ("sent", "address", "first_day", "last_day")
    SENT_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    FIRST_DAY_FIELD_NUMBER: _ClassVar[int]
    LAST_DAY_FIELD_NUMBER: _ClassVar[int]
    sent: bool
    address: str
    first_day: str
    last_day: str
    def __init__(self, sent: _Optional[bool] = ..., address: _Optional[str] = ..., first_day: _Optional[str] = ..., last_day: _Optional[str] = ...) -> None: ...

class MailLinkRequest(_message.Message):
    __slots__ = ("token",)
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    token: str
    def __init__(self, token: _Optional[str] = ...) -> None: ...

class MailLink(_message.Message):
    __slots__ = ("kind", "school_id", "what", "address", "done")
    KIND_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    WHAT_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    DONE_FIELD_NUMBER: _ClassVar[int]
    kind: str
    school_id: str
    what: str
    address: str
    done: bool
    def __init__(self, kind: _Optional[str] = ..., school_id: _Optional[str] = ..., what: _Optional[str] = ..., address: _Optional[str] = ..., done: _Optional[bool] = ...) -> None: ...

class ThreadStarted(_message.Message):
    __slots__ = ("thread",)
    THREAD_FIELD_NUMBER: _ClassVar[int]
    thread: Thread
    def __init__(self, thread: _Optional[_Union[Thread, _Mapping]] = ...) -> None: ...

class MessagePosted(_message.Message):
    __slots__ = ("thread_id", "message_id", "author_id", "recipient_ids", "created_at")
    THREAD_ID_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_ID_FIELD_NUMBER: _ClassVar[int]
    AUTHOR_ID_FIELD_NUMBER: _ClassVar[int]
    RECIPIENT_IDS_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    thread_id: str
    message_id: str
    author_id: str
    recipient_ids: _containers.RepeatedScalarFieldContainer[str]
    created_at: str
    def __init__(self, thread_id: _Optional[str] = ..., message_id: _Optional[str] = ..., author_id: _Optional[str] = ..., recipient_ids: _Optional[_Iterable[str]] = ..., created_at: _Optional[str] = ...) -> None: ...

class MessageWithdrawn(_message.Message):
    __slots__ = ("thread_id", "message_id", "withdrawn_by")
    THREAD_ID_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_ID_FIELD_NUMBER: _ClassVar[int]
    WITHDRAWN_BY_FIELD_NUMBER: _ClassVar[int]
    thread_id: str
    message_id: str
    withdrawn_by: str
    def __init__(self, thread_id: _Optional[str] = ..., message_id: _Optional[str] = ..., withdrawn_by: _Optional[str] = ...) -> None: ...

class ComplaintFiled(_message.Message):
    __slots__ = ("complaint",)
    COMPLAINT_FIELD_NUMBER: _ClassVar[int]
    complaint: Complaint
    def __init__(self, complaint: _Optional[_Union[Complaint, _Mapping]] = ...) -> None: ...

class ComplaintThreadRead(_message.Message):
    __slots__ = ("reading",)
    READING_FIELD_NUMBER: _ClassVar[int]
    reading: ComplaintReading
    def __init__(self, reading: _Optional[_Union[ComplaintReading, _Mapping]] = ...) -> None: ...

class NoticeDelivery(_message.Message):
    __slots__ = ("person_id", "student_id", "channel")
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    person_id: str
    student_id: str
    channel: str
    def __init__(self, person_id: _Optional[str] = ..., student_id: _Optional[str] = ..., channel: _Optional[str] = ...) -> None: ...

class NoticeCreated(_message.Message):
    __slots__ = ("notice", "deliveries")
    NOTICE_FIELD_NUMBER: _ClassVar[int]
    DELIVERIES_FIELD_NUMBER: _ClassVar[int]
    notice: Notice
    deliveries: _containers.RepeatedCompositeFieldContainer[NoticeDelivery]
    def __init__(self, notice: _Optional[_Union[Notice, _Mapping]] = ..., deliveries: _Optional[_Iterable[_Union[NoticeDelivery, _Mapping]]] = ...) -> None: ...

class NoticeAcknowledged(_message.Message):
    __slots__ = ("notice_id", "person_id", "acknowledged_at")
    NOTICE_ID_FIELD_NUMBER: _ClassVar[int]
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    ACKNOWLEDGED_AT_FIELD_NUMBER: _ClassVar[int]
    notice_id: str
    person_id: str
    acknowledged_at: str
    def __init__(self, notice_id: _Optional[str] = ..., person_id: _Optional[str] = ..., acknowledged_at: _Optional[str] = ...) -> None: ...

class MessagingPolicyChanged(_message.Message):
    __slots__ = ("policy",)
    POLICY_FIELD_NUMBER: _ClassVar[int]
    policy: MessagingPolicy
    def __init__(self, policy: _Optional[_Union[MessagingPolicy, _Mapping]] = ...) -> None: ...
