from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ErrorReason(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ERROR_REASON_UNSPECIFIED: _ClassVar[ErrorReason]
    LESSON_LOCKED: _ClassVar[ErrorReason]
    YEAR_CLOSED: _ClassVar[ErrorReason]
    LESSON_CHANGED: _ClassVar[ErrorReason]
ERROR_REASON_UNSPECIFIED: ErrorReason
LESSON_LOCKED: ErrorReason
YEAR_CLOSED: ErrorReason
LESSON_CHANGED: ErrorReason

class Choice(_message.Message):
    __slots__ = ("code", "name")
    CODE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    code: str
    name: str
    def __init__(self, code: _Optional[str] = ..., name: _Optional[str] = ...) -> None: ...

class MarkInput(_message.Message):
    __slots__ = ("student_id", "value", "work_type", "comment", "not_counted")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    WORK_TYPE_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    NOT_COUNTED_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    value: str
    work_type: str
    comment: str
    not_counted: bool
    def __init__(self, student_id: _Optional[str] = ..., value: _Optional[str] = ..., work_type: _Optional[str] = ..., comment: _Optional[str] = ..., not_counted: _Optional[bool] = ...) -> None: ...

class AttendanceInput(_message.Message):
    __slots__ = ("student_id", "status")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    status: str
    def __init__(self, student_id: _Optional[str] = ..., status: _Optional[str] = ...) -> None: ...

class Mark(_message.Message):
    __slots__ = ("id", "lesson_id", "student_id", "value", "work_type", "comment", "lesson_date", "subject_id", "not_counted")
    ID_FIELD_NUMBER: _ClassVar[int]
    LESSON_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    WORK_TYPE_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    LESSON_DATE_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    NOT_COUNTED_FIELD_NUMBER: _ClassVar[int]
    id: str
    lesson_id: str
    student_id: str
    value: str
    work_type: str
    comment: str
    lesson_date: str
    subject_id: str
    not_counted: bool
    def __init__(self, id: _Optional[str] = ..., lesson_id: _Optional[str] = ..., student_id: _Optional[str] = ..., value: _Optional[str] = ..., work_type: _Optional[str] = ..., comment: _Optional[str] = ..., lesson_date: _Optional[str] = ..., subject_id: _Optional[str] = ..., not_counted: _Optional[bool] = ...) -> None: ...

class AttendanceEntry(_message.Message):
    __slots__ = ("lesson_id", "student_id", "status")
    LESSON_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    lesson_id: str
    student_id: str
    status: str
    def __init__(self, lesson_id: _Optional[str] = ..., student_id: _Optional[str] = ..., status: _Optional[str] = ...) -> None: ...

class LessonRecord(_message.Message):
    __slots__ = ("lesson_id", "school_id", "class_group_id", "subject_id", "subject_name", "lesson_date", "topic", "homework", "marks", "attendance", "plan_topic_id", "student_homework", "revision")
    LESSON_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    LESSON_DATE_FIELD_NUMBER: _ClassVar[int]
    TOPIC_FIELD_NUMBER: _ClassVar[int]
    HOMEWORK_FIELD_NUMBER: _ClassVar[int]
    MARKS_FIELD_NUMBER: _ClassVar[int]
    ATTENDANCE_FIELD_NUMBER: _ClassVar[int]
    PLAN_TOPIC_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_HOMEWORK_FIELD_NUMBER: _ClassVar[int]
    REVISION_FIELD_NUMBER: _ClassVar[int]
    lesson_id: str
    school_id: str
    class_group_id: str
    subject_id: str
    subject_name: str
    lesson_date: str
    topic: str
    homework: str
    marks: _containers.RepeatedCompositeFieldContainer[Mark]
    attendance: _containers.RepeatedCompositeFieldContainer[AttendanceEntry]
    plan_topic_id: str
    student_homework: _containers.RepeatedCompositeFieldContainer[StudentHomework]
    revision: int
    def __init__(self, lesson_id: _Optional[str] = ..., school_id: _Optional[str] = ..., class_group_id: _Optional[str] = ..., subject_id: _Optional[str] = ..., subject_name: _Optional[str] = ..., lesson_date: _Optional[str] = ..., topic: _Optional[str] = ..., homework: _Optional[str] = ..., marks: _Optional[_Iterable[_Union[Mark, _Mapping]]] = ..., attendance: _Optional[_Iterable[_Union[AttendanceEntry, _Mapping]]] = ..., plan_topic_id: _Optional[str] = ..., student_homework: _Optional[_Iterable[_Union[StudentHomework, _Mapping]]] = ..., revision: _Optional[int] = ...) -> None: ...

class SaveLessonRequest(_message.Message):
    __slots__ = ("school_id", "lesson_id", "topic", "homework", "marks", "attendance", "reason", "plan_topic_id", "expected_revision", "entered_at")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    LESSON_ID_FIELD_NUMBER: _ClassVar[int]
    TOPIC_FIELD_NUMBER: _ClassVar[int]
    HOMEWORK_FIELD_NUMBER: _ClassVar[int]
    MARKS_FIELD_NUMBER: _ClassVar[int]
    ATTENDANCE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    PLAN_TOPIC_ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_REVISION_FIELD_NUMBER: _ClassVar[int]
    ENTERED_AT_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    lesson_id: str
    topic: str
    homework: str
    marks: _containers.RepeatedCompositeFieldContainer[MarkInput]
    attendance: _containers.RepeatedCompositeFieldContainer[AttendanceInput]
    reason: str
    plan_topic_id: str
    expected_revision: int
    entered_at: str
    def __init__(self, school_id: _Optional[str] = ..., lesson_id: _Optional[str] = ..., topic: _Optional[str] = ..., homework: _Optional[str] = ..., marks: _Optional[_Iterable[_Union[MarkInput, _Mapping]]] = ..., attendance: _Optional[_Iterable[_Union[AttendanceInput, _Mapping]]] = ..., reason: _Optional[str] = ..., plan_topic_id: _Optional[str] = ..., expected_revision: _Optional[int] = ..., entered_at: _Optional[str] = ...) -> None: ...

class GetLessonRecordRequest(_message.Message):
    __slots__ = ("school_id", "lesson_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    LESSON_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    lesson_id: str
    def __init__(self, school_id: _Optional[str] = ..., lesson_id: _Optional[str] = ...) -> None: ...

class LessonInput(_message.Message):
    __slots__ = ("lesson_id", "topic", "homework", "marks", "attendance", "reason", "plan_topic_id", "expected_revision", "entered_at")
    LESSON_ID_FIELD_NUMBER: _ClassVar[int]
    TOPIC_FIELD_NUMBER: _ClassVar[int]
    HOMEWORK_FIELD_NUMBER: _ClassVar[int]
    MARKS_FIELD_NUMBER: _ClassVar[int]
    ATTENDANCE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    PLAN_TOPIC_ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_REVISION_FIELD_NUMBER: _ClassVar[int]
    ENTERED_AT_FIELD_NUMBER: _ClassVar[int]
    lesson_id: str
    topic: str
    homework: str
    marks: _containers.RepeatedCompositeFieldContainer[MarkInput]
    attendance: _containers.RepeatedCompositeFieldContainer[AttendanceInput]
    reason: str
    plan_topic_id: str
    expected_revision: int
    entered_at: str
    def __init__(self, lesson_id: _Optional[str] = ..., topic: _Optional[str] = ..., homework: _Optional[str] = ..., marks: _Optional[_Iterable[_Union[MarkInput, _Mapping]]] = ..., attendance: _Optional[_Iterable[_Union[AttendanceInput, _Mapping]]] = ..., reason: _Optional[str] = ..., plan_topic_id: _Optional[str] = ..., expected_revision: _Optional[int] = ..., entered_at: _Optional[str] = ...) -> None: ...

class SaveLessonsRequest(_message.Message):
    __slots__ = ("school_id", "lessons")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    LESSONS_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    lessons: _containers.RepeatedCompositeFieldContainer[LessonInput]
    def __init__(self, school_id: _Optional[str] = ..., lessons: _Optional[_Iterable[_Union[LessonInput, _Mapping]]] = ...) -> None: ...

class SaveLessonsResponse(_message.Message):
    __slots__ = ("records",)
    RECORDS_FIELD_NUMBER: _ClassVar[int]
    records: _containers.RepeatedCompositeFieldContainer[LessonRecord]
    def __init__(self, records: _Optional[_Iterable[_Union[LessonRecord, _Mapping]]] = ...) -> None: ...

class ListLessonTopicsRequest(_message.Message):
    __slots__ = ("school_id", "lesson_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    LESSON_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    lesson_id: str
    def __init__(self, school_id: _Optional[str] = ..., lesson_id: _Optional[str] = ...) -> None: ...

class LessonTopic(_message.Message):
    __slots__ = ("plan_topic_id", "position", "title", "hours", "covered")
    PLAN_TOPIC_ID_FIELD_NUMBER: _ClassVar[int]
    POSITION_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    HOURS_FIELD_NUMBER: _ClassVar[int]
    COVERED_FIELD_NUMBER: _ClassVar[int]
    plan_topic_id: str
    position: int
    title: str
    hours: str
    covered: bool
    def __init__(self, plan_topic_id: _Optional[str] = ..., position: _Optional[int] = ..., title: _Optional[str] = ..., hours: _Optional[str] = ..., covered: _Optional[bool] = ...) -> None: ...

class ListLessonTopicsResponse(_message.Message):
    __slots__ = ("topics", "suggested_topic_id")
    TOPICS_FIELD_NUMBER: _ClassVar[int]
    SUGGESTED_TOPIC_ID_FIELD_NUMBER: _ClassVar[int]
    topics: _containers.RepeatedCompositeFieldContainer[LessonTopic]
    suggested_topic_id: str
    def __init__(self, topics: _Optional[_Iterable[_Union[LessonTopic, _Mapping]]] = ..., suggested_topic_id: _Optional[str] = ...) -> None: ...

class GetDiaryRequest(_message.Message):
    __slots__ = ("school_id", "student_id", "date_from", "date_to")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    DATE_FROM_FIELD_NUMBER: _ClassVar[int]
    DATE_TO_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    student_id: str
    date_from: str
    date_to: str
    def __init__(self, school_id: _Optional[str] = ..., student_id: _Optional[str] = ..., date_from: _Optional[str] = ..., date_to: _Optional[str] = ...) -> None: ...

class DiaryEntry(_message.Message):
    __slots__ = ("lesson_id", "date", "lesson_number", "subject_name", "topic", "homework", "marks", "attendance", "individual_homework", "attachments", "flags")
    LESSON_ID_FIELD_NUMBER: _ClassVar[int]
    DATE_FIELD_NUMBER: _ClassVar[int]
    LESSON_NUMBER_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    TOPIC_FIELD_NUMBER: _ClassVar[int]
    HOMEWORK_FIELD_NUMBER: _ClassVar[int]
    MARKS_FIELD_NUMBER: _ClassVar[int]
    ATTENDANCE_FIELD_NUMBER: _ClassVar[int]
    INDIVIDUAL_HOMEWORK_FIELD_NUMBER: _ClassVar[int]
    ATTACHMENTS_FIELD_NUMBER: _ClassVar[int]
    FLAGS_FIELD_NUMBER: _ClassVar[int]
    lesson_id: str
    date: str
    lesson_number: int
    subject_name: str
    topic: str
    homework: str
    marks: _containers.RepeatedCompositeFieldContainer[Mark]
    attendance: str
    individual_homework: str
    attachments: _containers.RepeatedCompositeFieldContainer[HomeworkAttachment]
    flags: _containers.RepeatedCompositeFieldContainer[MarkFlag]
    def __init__(self, lesson_id: _Optional[str] = ..., date: _Optional[str] = ..., lesson_number: _Optional[int] = ..., subject_name: _Optional[str] = ..., topic: _Optional[str] = ..., homework: _Optional[str] = ..., marks: _Optional[_Iterable[_Union[Mark, _Mapping]]] = ..., attendance: _Optional[str] = ..., individual_homework: _Optional[str] = ..., attachments: _Optional[_Iterable[_Union[HomeworkAttachment, _Mapping]]] = ..., flags: _Optional[_Iterable[_Union[MarkFlag, _Mapping]]] = ...) -> None: ...

class Diary(_message.Message):
    __slots__ = ("student_id", "entries", "work_types", "attendance_kinds")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    ENTRIES_FIELD_NUMBER: _ClassVar[int]
    WORK_TYPES_FIELD_NUMBER: _ClassVar[int]
    ATTENDANCE_KINDS_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    entries: _containers.RepeatedCompositeFieldContainer[DiaryEntry]
    work_types: _containers.RepeatedCompositeFieldContainer[WorkType]
    attendance_kinds: _containers.RepeatedCompositeFieldContainer[Choice]
    def __init__(self, student_id: _Optional[str] = ..., entries: _Optional[_Iterable[_Union[DiaryEntry, _Mapping]]] = ..., work_types: _Optional[_Iterable[_Union[WorkType, _Mapping]]] = ..., attendance_kinds: _Optional[_Iterable[_Union[Choice, _Mapping]]] = ...) -> None: ...

class JournalPolicy(_message.Message):
    __slots__ = ("school_id", "edit_lock_days", "unlock_hours", "min_marks_1h", "min_marks_2h", "school_timezone", "anomaly_bulk_changes", "anomaly_bulk_minutes", "night_start", "night_end", "attendance_correction_days", "homework_deadline_minutes", "written_work_days", "written_work_types", "mark_scale", "mark_values", "attendance_kinds", "period_mark_values", "outage_days", "double_lessons")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    EDIT_LOCK_DAYS_FIELD_NUMBER: _ClassVar[int]
    UNLOCK_HOURS_FIELD_NUMBER: _ClassVar[int]
    MIN_MARKS_1H_FIELD_NUMBER: _ClassVar[int]
    MIN_MARKS_2H_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    ANOMALY_BULK_CHANGES_FIELD_NUMBER: _ClassVar[int]
    ANOMALY_BULK_MINUTES_FIELD_NUMBER: _ClassVar[int]
    NIGHT_START_FIELD_NUMBER: _ClassVar[int]
    NIGHT_END_FIELD_NUMBER: _ClassVar[int]
    ATTENDANCE_CORRECTION_DAYS_FIELD_NUMBER: _ClassVar[int]
    HOMEWORK_DEADLINE_MINUTES_FIELD_NUMBER: _ClassVar[int]
    WRITTEN_WORK_DAYS_FIELD_NUMBER: _ClassVar[int]
    WRITTEN_WORK_TYPES_FIELD_NUMBER: _ClassVar[int]
    MARK_SCALE_FIELD_NUMBER: _ClassVar[int]
    MARK_VALUES_FIELD_NUMBER: _ClassVar[int]
    ATTENDANCE_KINDS_FIELD_NUMBER: _ClassVar[int]
    PERIOD_MARK_VALUES_FIELD_NUMBER: _ClassVar[int]
    OUTAGE_DAYS_FIELD_NUMBER: _ClassVar[int]
    DOUBLE_LESSONS_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    edit_lock_days: int
    unlock_hours: int
    min_marks_1h: int
    min_marks_2h: int
    school_timezone: str
    anomaly_bulk_changes: int
    anomaly_bulk_minutes: int
    night_start: str
    night_end: str
    attendance_correction_days: int
    homework_deadline_minutes: int
    written_work_days: int
    written_work_types: str
    mark_scale: str
    mark_values: _containers.RepeatedScalarFieldContainer[str]
    attendance_kinds: _containers.RepeatedCompositeFieldContainer[Choice]
    period_mark_values: _containers.RepeatedScalarFieldContainer[str]
    outage_days: int
    double_lessons: str
    def __init__(self, school_id: _Optional[str] = ..., edit_lock_days: _Optional[int] = ..., unlock_hours: _Optional[int] = ..., min_marks_1h: _Optional[int] = ..., min_marks_2h: _Optional[int] = ..., school_timezone: _Optional[str] = ..., anomaly_bulk_changes: _Optional[int] = ..., anomaly_bulk_minutes: _Optional[int] = ..., night_start: _Optional[str] = ..., night_end: _Optional[str] = ..., attendance_correction_days: _Optional[int] = ..., homework_deadline_minutes: _Optional[int] = ..., written_work_days: _Optional[int] = ..., written_work_types: _Optional[str] = ..., mark_scale: _Optional[str] = ..., mark_values: _Optional[_Iterable[str]] = ..., attendance_kinds: _Optional[_Iterable[_Union[Choice, _Mapping]]] = ..., period_mark_values: _Optional[_Iterable[str]] = ..., outage_days: _Optional[int] = ..., double_lessons: _Optional[str] = ...) -> None: ...

class GetJournalPolicyRequest(_message.Message):
    __slots__ = ("school_id",)
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    def __init__(self, school_id: _Optional[str] = ...) -> None: ...

class SetJournalPolicyRequest(_message.Message):
    __slots__ = ("school_id", "edit_lock_days", "unlock_hours", "min_marks_1h", "min_marks_2h", "school_timezone", "anomaly_bulk_changes", "anomaly_bulk_minutes", "night_start", "night_end", "attendance_correction_days", "homework_deadline_minutes", "written_work_days", "written_work_types", "mark_scale", "outage_days", "double_lessons")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    EDIT_LOCK_DAYS_FIELD_NUMBER: _ClassVar[int]
    UNLOCK_HOURS_FIELD_NUMBER: _ClassVar[int]
    MIN_MARKS_1H_FIELD_NUMBER: _ClassVar[int]
    MIN_MARKS_2H_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    ANOMALY_BULK_CHANGES_FIELD_NUMBER: _ClassVar[int]
    ANOMALY_BULK_MINUTES_FIELD_NUMBER: _ClassVar[int]
    NIGHT_START_FIELD_NUMBER: _ClassVar[int]
    NIGHT_END_FIELD_NUMBER: _ClassVar[int]
    ATTENDANCE_CORRECTION_DAYS_FIELD_NUMBER: _ClassVar[int]
    HOMEWORK_DEADLINE_MINUTES_FIELD_NUMBER: _ClassVar[int]
    WRITTEN_WORK_DAYS_FIELD_NUMBER: _ClassVar[int]
    WRITTEN_WORK_TYPES_FIELD_NUMBER: _ClassVar[int]
    MARK_SCALE_FIELD_NUMBER: _ClassVar[int]
    OUTAGE_DAYS_FIELD_NUMBER: _ClassVar[int]
    DOUBLE_LESSONS_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    edit_lock_days: int
    unlock_hours: int
    min_marks_1h: int
    min_marks_2h: int
    school_timezone: str
    anomaly_bulk_changes: int
    anomaly_bulk_minutes: int
    night_start: str
    night_end: str
    attendance_correction_days: int
    homework_deadline_minutes: int
    written_work_days: int
    written_work_types: str
    mark_scale: str
    outage_days: int
    double_lessons: str
    def __init__(self, school_id: _Optional[str] = ..., edit_lock_days: _Optional[int] = ..., unlock_hours: _Optional[int] = ..., min_marks_1h: _Optional[int] = ..., min_marks_2h: _Optional[int] = ..., school_timezone: _Optional[str] = ..., anomaly_bulk_changes: _Optional[int] = ..., anomaly_bulk_minutes: _Optional[int] = ..., night_start: _Optional[str] = ..., night_end: _Optional[str] = ..., attendance_correction_days: _Optional[int] = ..., homework_deadline_minutes: _Optional[int] = ..., written_work_days: _Optional[int] = ..., written_work_types: _Optional[str] = ..., mark_scale: _Optional[str] = ..., outage_days: _Optional[int] = ..., double_lessons: _Optional[str] = ...) -> None: ...

class UnlockRequest(_message.Message):
    __slots__ = ("id", "school_id", "lesson_id", "teacher_id", "reason", "status", "requested_at", "decided_at", "decision_comment", "expires_at", "lesson_date", "subject_name", "class_group_id")
    ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    LESSON_ID_FIELD_NUMBER: _ClassVar[int]
    TEACHER_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_AT_FIELD_NUMBER: _ClassVar[int]
    DECIDED_AT_FIELD_NUMBER: _ClassVar[int]
    DECISION_COMMENT_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    LESSON_DATE_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    school_id: str
    lesson_id: str
    teacher_id: str
    reason: str
    status: str
    requested_at: str
    decided_at: str
    decision_comment: str
    expires_at: str
    lesson_date: str
    subject_name: str
    class_group_id: str
    def __init__(self, id: _Optional[str] = ..., school_id: _Optional[str] = ..., lesson_id: _Optional[str] = ..., teacher_id: _Optional[str] = ..., reason: _Optional[str] = ..., status: _Optional[str] = ..., requested_at: _Optional[str] = ..., decided_at: _Optional[str] = ..., decision_comment: _Optional[str] = ..., expires_at: _Optional[str] = ..., lesson_date: _Optional[str] = ..., subject_name: _Optional[str] = ..., class_group_id: _Optional[str] = ...) -> None: ...

class RequestUnlockRequest(_message.Message):
    __slots__ = ("school_id", "lesson_id", "reason")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    LESSON_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    lesson_id: str
    reason: str
    def __init__(self, school_id: _Optional[str] = ..., lesson_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class ListUnlockRequestsRequest(_message.Message):
    __slots__ = ("school_id", "status")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    status: str
    def __init__(self, school_id: _Optional[str] = ..., status: _Optional[str] = ...) -> None: ...

class ListUnlockRequestsResponse(_message.Message):
    __slots__ = ("requests",)
    REQUESTS_FIELD_NUMBER: _ClassVar[int]
    requests: _containers.RepeatedCompositeFieldContainer[UnlockRequest]
    def __init__(self, requests: _Optional[_Iterable[_Union[UnlockRequest, _Mapping]]] = ...) -> None: ...

class DecideUnlockRequest(_message.Message):
    __slots__ = ("school_id", "request_id", "decision", "comment")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    DECISION_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    request_id: str
    decision: str
    comment: str
    def __init__(self, school_id: _Optional[str] = ..., request_id: _Optional[str] = ..., decision: _Optional[str] = ..., comment: _Optional[str] = ...) -> None: ...

class TermMark(_message.Message):
    __slots__ = ("id", "school_id", "student_id", "subject_id", "term_id", "class_group_id", "value", "special", "updated_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    TERM_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    SPECIAL_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    school_id: str
    student_id: str
    subject_id: str
    term_id: str
    class_group_id: str
    value: str
    special: str
    updated_at: str
    def __init__(self, id: _Optional[str] = ..., school_id: _Optional[str] = ..., student_id: _Optional[str] = ..., subject_id: _Optional[str] = ..., term_id: _Optional[str] = ..., class_group_id: _Optional[str] = ..., value: _Optional[str] = ..., special: _Optional[str] = ..., updated_at: _Optional[str] = ...) -> None: ...

class SetTermMarkRequest(_message.Message):
    __slots__ = ("school_id", "student_id", "subject_id", "term_id", "value", "reason")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    TERM_ID_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    student_id: str
    subject_id: str
    term_id: str
    value: str
    reason: str
    def __init__(self, school_id: _Optional[str] = ..., student_id: _Optional[str] = ..., subject_id: _Optional[str] = ..., term_id: _Optional[str] = ..., value: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class ListTermMarksRequest(_message.Message):
    __slots__ = ("school_id", "class_group_id", "term_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    TERM_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    class_group_id: str
    term_id: str
    def __init__(self, school_id: _Optional[str] = ..., class_group_id: _Optional[str] = ..., term_id: _Optional[str] = ...) -> None: ...

class ListTermMarksResponse(_message.Message):
    __slots__ = ("term_marks",)
    TERM_MARKS_FIELD_NUMBER: _ClassVar[int]
    term_marks: _containers.RepeatedCompositeFieldContainer[TermMark]
    def __init__(self, term_marks: _Optional[_Iterable[_Union[TermMark, _Mapping]]] = ...) -> None: ...

class WorkType(_message.Message):
    __slots__ = ("code", "name", "weight")
    CODE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    WEIGHT_FIELD_NUMBER: _ClassVar[int]
    code: str
    name: str
    weight: str
    def __init__(self, code: _Optional[str] = ..., name: _Optional[str] = ..., weight: _Optional[str] = ...) -> None: ...

class ListWorkTypesRequest(_message.Message):
    __slots__ = ("school_id",)
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    def __init__(self, school_id: _Optional[str] = ...) -> None: ...

class ListWorkTypesResponse(_message.Message):
    __slots__ = ("work_types",)
    WORK_TYPES_FIELD_NUMBER: _ClassVar[int]
    work_types: _containers.RepeatedCompositeFieldContainer[WorkType]
    def __init__(self, work_types: _Optional[_Iterable[_Union[WorkType, _Mapping]]] = ...) -> None: ...

class SetWorkTypeRequest(_message.Message):
    __slots__ = ("school_id", "code", "name", "weight")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    WEIGHT_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    code: str
    name: str
    weight: str
    def __init__(self, school_id: _Optional[str] = ..., code: _Optional[str] = ..., name: _Optional[str] = ..., weight: _Optional[str] = ...) -> None: ...

class GetGridRequest(_message.Message):
    __slots__ = ("school_id", "class_group_id", "subject_id", "term_id", "date_from", "date_to", "subgroup_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    TERM_ID_FIELD_NUMBER: _ClassVar[int]
    DATE_FROM_FIELD_NUMBER: _ClassVar[int]
    DATE_TO_FIELD_NUMBER: _ClassVar[int]
    SUBGROUP_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    class_group_id: str
    subject_id: str
    term_id: str
    date_from: str
    date_to: str
    subgroup_id: str
    def __init__(self, school_id: _Optional[str] = ..., class_group_id: _Optional[str] = ..., subject_id: _Optional[str] = ..., term_id: _Optional[str] = ..., date_from: _Optional[str] = ..., date_to: _Optional[str] = ..., subgroup_id: _Optional[str] = ...) -> None: ...

class GridLesson(_message.Message):
    __slots__ = ("lesson_id", "date", "lesson_number", "topic", "homework", "subgroup_id", "subgroup_name", "plan_topic_id", "lock_reason", "revision", "paired_with")
    LESSON_ID_FIELD_NUMBER: _ClassVar[int]
    DATE_FIELD_NUMBER: _ClassVar[int]
    LESSON_NUMBER_FIELD_NUMBER: _ClassVar[int]
    TOPIC_FIELD_NUMBER: _ClassVar[int]
    HOMEWORK_FIELD_NUMBER: _ClassVar[int]
    SUBGROUP_ID_FIELD_NUMBER: _ClassVar[int]
    SUBGROUP_NAME_FIELD_NUMBER: _ClassVar[int]
    PLAN_TOPIC_ID_FIELD_NUMBER: _ClassVar[int]
    LOCK_REASON_FIELD_NUMBER: _ClassVar[int]
    REVISION_FIELD_NUMBER: _ClassVar[int]
    PAIRED_WITH_FIELD_NUMBER: _ClassVar[int]
    lesson_id: str
    date: str
    lesson_number: int
    topic: str
    homework: str
    subgroup_id: str
    subgroup_name: str
    plan_topic_id: str
    lock_reason: str
    revision: int
    paired_with: str
    def __init__(self, lesson_id: _Optional[str] = ..., date: _Optional[str] = ..., lesson_number: _Optional[int] = ..., topic: _Optional[str] = ..., homework: _Optional[str] = ..., subgroup_id: _Optional[str] = ..., subgroup_name: _Optional[str] = ..., plan_topic_id: _Optional[str] = ..., lock_reason: _Optional[str] = ..., revision: _Optional[int] = ..., paired_with: _Optional[str] = ...) -> None: ...

class GridCell(_message.Message):
    __slots__ = ("lesson_id", "marks", "attendance", "outside", "not_in_class")
    LESSON_ID_FIELD_NUMBER: _ClassVar[int]
    MARKS_FIELD_NUMBER: _ClassVar[int]
    ATTENDANCE_FIELD_NUMBER: _ClassVar[int]
    OUTSIDE_FIELD_NUMBER: _ClassVar[int]
    NOT_IN_CLASS_FIELD_NUMBER: _ClassVar[int]
    lesson_id: str
    marks: _containers.RepeatedCompositeFieldContainer[Mark]
    attendance: str
    outside: bool
    not_in_class: bool
    def __init__(self, lesson_id: _Optional[str] = ..., marks: _Optional[_Iterable[_Union[Mark, _Mapping]]] = ..., attendance: _Optional[str] = ..., outside: _Optional[bool] = ..., not_in_class: _Optional[bool] = ...) -> None: ...

class GridStudent(_message.Message):
    __slots__ = ("student_id", "last_name", "first_name", "middle_name", "cells", "average", "marks_count", "plan", "term_mark", "proposed_term_mark")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    LAST_NAME_FIELD_NUMBER: _ClassVar[int]
    FIRST_NAME_FIELD_NUMBER: _ClassVar[int]
    MIDDLE_NAME_FIELD_NUMBER: _ClassVar[int]
    CELLS_FIELD_NUMBER: _ClassVar[int]
    AVERAGE_FIELD_NUMBER: _ClassVar[int]
    MARKS_COUNT_FIELD_NUMBER: _ClassVar[int]
    PLAN_FIELD_NUMBER: _ClassVar[int]
    TERM_MARK_FIELD_NUMBER: _ClassVar[int]
    PROPOSED_TERM_MARK_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    last_name: str
    first_name: str
    middle_name: str
    cells: _containers.RepeatedCompositeFieldContainer[GridCell]
    average: str
    marks_count: int
    plan: str
    term_mark: str
    proposed_term_mark: str
    def __init__(self, student_id: _Optional[str] = ..., last_name: _Optional[str] = ..., first_name: _Optional[str] = ..., middle_name: _Optional[str] = ..., cells: _Optional[_Iterable[_Union[GridCell, _Mapping]]] = ..., average: _Optional[str] = ..., marks_count: _Optional[int] = ..., plan: _Optional[str] = ..., term_mark: _Optional[str] = ..., proposed_term_mark: _Optional[str] = ...) -> None: ...

class Grid(_message.Message):
    __slots__ = ("class_group_id", "subject_id", "subject_name", "lessons", "students", "work_types", "subgroup_id", "subgroup_name", "mark_scale", "mark_values", "attendance_kinds")
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    LESSONS_FIELD_NUMBER: _ClassVar[int]
    STUDENTS_FIELD_NUMBER: _ClassVar[int]
    WORK_TYPES_FIELD_NUMBER: _ClassVar[int]
    SUBGROUP_ID_FIELD_NUMBER: _ClassVar[int]
    SUBGROUP_NAME_FIELD_NUMBER: _ClassVar[int]
    MARK_SCALE_FIELD_NUMBER: _ClassVar[int]
    MARK_VALUES_FIELD_NUMBER: _ClassVar[int]
    ATTENDANCE_KINDS_FIELD_NUMBER: _ClassVar[int]
    class_group_id: str
    subject_id: str
    subject_name: str
    lessons: _containers.RepeatedCompositeFieldContainer[GridLesson]
    students: _containers.RepeatedCompositeFieldContainer[GridStudent]
    work_types: _containers.RepeatedCompositeFieldContainer[WorkType]
    subgroup_id: str
    subgroup_name: str
    mark_scale: str
    mark_values: _containers.RepeatedScalarFieldContainer[str]
    attendance_kinds: _containers.RepeatedCompositeFieldContainer[Choice]
    def __init__(self, class_group_id: _Optional[str] = ..., subject_id: _Optional[str] = ..., subject_name: _Optional[str] = ..., lessons: _Optional[_Iterable[_Union[GridLesson, _Mapping]]] = ..., students: _Optional[_Iterable[_Union[GridStudent, _Mapping]]] = ..., work_types: _Optional[_Iterable[_Union[WorkType, _Mapping]]] = ..., subgroup_id: _Optional[str] = ..., subgroup_name: _Optional[str] = ..., mark_scale: _Optional[str] = ..., mark_values: _Optional[_Iterable[str]] = ..., attendance_kinds: _Optional[_Iterable[_Union[Choice, _Mapping]]] = ...) -> None: ...

class Anomaly(_message.Message):
    __slots__ = ("kind", "actor_subject", "actor_person_id", "window_start", "window_end", "count", "sample_entity_ids", "description")
    KIND_FIELD_NUMBER: _ClassVar[int]
    ACTOR_SUBJECT_FIELD_NUMBER: _ClassVar[int]
    ACTOR_PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    WINDOW_START_FIELD_NUMBER: _ClassVar[int]
    WINDOW_END_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    SAMPLE_ENTITY_IDS_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    kind: str
    actor_subject: str
    actor_person_id: str
    window_start: str
    window_end: str
    count: int
    sample_entity_ids: _containers.RepeatedScalarFieldContainer[str]
    description: str
    def __init__(self, kind: _Optional[str] = ..., actor_subject: _Optional[str] = ..., actor_person_id: _Optional[str] = ..., window_start: _Optional[str] = ..., window_end: _Optional[str] = ..., count: _Optional[int] = ..., sample_entity_ids: _Optional[_Iterable[str]] = ..., description: _Optional[str] = ...) -> None: ...

class ListAnomaliesRequest(_message.Message):
    __slots__ = ("school_id", "date_from", "date_to")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    DATE_FROM_FIELD_NUMBER: _ClassVar[int]
    DATE_TO_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    date_from: str
    date_to: str
    def __init__(self, school_id: _Optional[str] = ..., date_from: _Optional[str] = ..., date_to: _Optional[str] = ...) -> None: ...

class ListAnomaliesResponse(_message.Message):
    __slots__ = ("anomalies",)
    ANOMALIES_FIELD_NUMBER: _ClassVar[int]
    anomalies: _containers.RepeatedCompositeFieldContainer[Anomaly]
    def __init__(self, anomalies: _Optional[_Iterable[_Union[Anomaly, _Mapping]]] = ...) -> None: ...

class CorrectAttendanceRequest(_message.Message):
    __slots__ = ("school_id", "lesson_id", "student_id", "status", "document_date", "reason")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    LESSON_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    DOCUMENT_DATE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    lesson_id: str
    student_id: str
    status: str
    document_date: str
    reason: str
    def __init__(self, school_id: _Optional[str] = ..., lesson_id: _Optional[str] = ..., student_id: _Optional[str] = ..., status: _Optional[str] = ..., document_date: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class StudentPlan(_message.Message):
    __slots__ = ("school_id", "student_id", "home_schooled", "excluded_subject_ids", "updated_at")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    HOME_SCHOOLED_FIELD_NUMBER: _ClassVar[int]
    EXCLUDED_SUBJECT_IDS_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    student_id: str
    home_schooled: bool
    excluded_subject_ids: _containers.RepeatedScalarFieldContainer[str]
    updated_at: str
    def __init__(self, school_id: _Optional[str] = ..., student_id: _Optional[str] = ..., home_schooled: _Optional[bool] = ..., excluded_subject_ids: _Optional[_Iterable[str]] = ..., updated_at: _Optional[str] = ...) -> None: ...

class SetStudentPlanRequest(_message.Message):
    __slots__ = ("school_id", "student_id", "home_schooled", "excluded_subject_ids", "reason")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    HOME_SCHOOLED_FIELD_NUMBER: _ClassVar[int]
    EXCLUDED_SUBJECT_IDS_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    student_id: str
    home_schooled: bool
    excluded_subject_ids: _containers.RepeatedScalarFieldContainer[str]
    reason: str
    def __init__(self, school_id: _Optional[str] = ..., student_id: _Optional[str] = ..., home_schooled: _Optional[bool] = ..., excluded_subject_ids: _Optional[_Iterable[str]] = ..., reason: _Optional[str] = ...) -> None: ...

class ListStudentPlansRequest(_message.Message):
    __slots__ = ("school_id",)
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    def __init__(self, school_id: _Optional[str] = ...) -> None: ...

class ListStudentPlansResponse(_message.Message):
    __slots__ = ("plans",)
    PLANS_FIELD_NUMBER: _ClassVar[int]
    plans: _containers.RepeatedCompositeFieldContainer[StudentPlan]
    def __init__(self, plans: _Optional[_Iterable[_Union[StudentPlan, _Mapping]]] = ...) -> None: ...

class FinalMark(_message.Message):
    __slots__ = ("id", "school_id", "student_id", "subject_id", "academic_year_id", "class_group_id", "kind", "value", "special", "updated_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    SPECIAL_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    school_id: str
    student_id: str
    subject_id: str
    academic_year_id: str
    class_group_id: str
    kind: str
    value: str
    special: str
    updated_at: str
    def __init__(self, id: _Optional[str] = ..., school_id: _Optional[str] = ..., student_id: _Optional[str] = ..., subject_id: _Optional[str] = ..., academic_year_id: _Optional[str] = ..., class_group_id: _Optional[str] = ..., kind: _Optional[str] = ..., value: _Optional[str] = ..., special: _Optional[str] = ..., updated_at: _Optional[str] = ...) -> None: ...

class SetFinalMarkRequest(_message.Message):
    __slots__ = ("school_id", "student_id", "subject_id", "kind", "value", "reason", "academic_year_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    student_id: str
    subject_id: str
    kind: str
    value: str
    reason: str
    academic_year_id: str
    def __init__(self, school_id: _Optional[str] = ..., student_id: _Optional[str] = ..., subject_id: _Optional[str] = ..., kind: _Optional[str] = ..., value: _Optional[str] = ..., reason: _Optional[str] = ..., academic_year_id: _Optional[str] = ...) -> None: ...

class ListFinalMarksRequest(_message.Message):
    __slots__ = ("school_id", "class_group_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    class_group_id: str
    def __init__(self, school_id: _Optional[str] = ..., class_group_id: _Optional[str] = ...) -> None: ...

class ListFinalMarksResponse(_message.Message):
    __slots__ = ("final_marks",)
    FINAL_MARKS_FIELD_NUMBER: _ClassVar[int]
    final_marks: _containers.RepeatedCompositeFieldContainer[FinalMark]
    def __init__(self, final_marks: _Optional[_Iterable[_Union[FinalMark, _Mapping]]] = ...) -> None: ...

class LateEntry(_message.Message):
    __slots__ = ("ledger_id", "occurred_at", "due_at", "entity", "lesson_id", "lesson_date", "lesson_number", "class_group_id", "subject_name", "teacher_id", "actor_person_id", "student_id")
    LEDGER_ID_FIELD_NUMBER: _ClassVar[int]
    OCCURRED_AT_FIELD_NUMBER: _ClassVar[int]
    DUE_AT_FIELD_NUMBER: _ClassVar[int]
    ENTITY_FIELD_NUMBER: _ClassVar[int]
    LESSON_ID_FIELD_NUMBER: _ClassVar[int]
    LESSON_DATE_FIELD_NUMBER: _ClassVar[int]
    LESSON_NUMBER_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    TEACHER_ID_FIELD_NUMBER: _ClassVar[int]
    ACTOR_PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    ledger_id: str
    occurred_at: str
    due_at: str
    entity: str
    lesson_id: str
    lesson_date: str
    lesson_number: int
    class_group_id: str
    subject_name: str
    teacher_id: str
    actor_person_id: str
    student_id: str
    def __init__(self, ledger_id: _Optional[str] = ..., occurred_at: _Optional[str] = ..., due_at: _Optional[str] = ..., entity: _Optional[str] = ..., lesson_id: _Optional[str] = ..., lesson_date: _Optional[str] = ..., lesson_number: _Optional[int] = ..., class_group_id: _Optional[str] = ..., subject_name: _Optional[str] = ..., teacher_id: _Optional[str] = ..., actor_person_id: _Optional[str] = ..., student_id: _Optional[str] = ...) -> None: ...

class ListLateEntriesRequest(_message.Message):
    __slots__ = ("school_id", "date_from", "date_to", "teacher_id", "class_group_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    DATE_FROM_FIELD_NUMBER: _ClassVar[int]
    DATE_TO_FIELD_NUMBER: _ClassVar[int]
    TEACHER_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    date_from: str
    date_to: str
    teacher_id: str
    class_group_id: str
    def __init__(self, school_id: _Optional[str] = ..., date_from: _Optional[str] = ..., date_to: _Optional[str] = ..., teacher_id: _Optional[str] = ..., class_group_id: _Optional[str] = ...) -> None: ...

class ListLateEntriesResponse(_message.Message):
    __slots__ = ("entries",)
    ENTRIES_FIELD_NUMBER: _ClassVar[int]
    entries: _containers.RepeatedCompositeFieldContainer[LateEntry]
    def __init__(self, entries: _Optional[_Iterable[_Union[LateEntry, _Mapping]]] = ...) -> None: ...

class ListAbsencesRequest(_message.Message):
    __slots__ = ("school_id", "class_group_id", "date_from", "date_to")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    DATE_FROM_FIELD_NUMBER: _ClassVar[int]
    DATE_TO_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    class_group_id: str
    date_from: str
    date_to: str
    def __init__(self, school_id: _Optional[str] = ..., class_group_id: _Optional[str] = ..., date_from: _Optional[str] = ..., date_to: _Optional[str] = ...) -> None: ...

class Absence(_message.Message):
    __slots__ = ("lesson_id", "lesson_date", "lesson_number", "subject_name", "student_id", "status")
    LESSON_ID_FIELD_NUMBER: _ClassVar[int]
    LESSON_DATE_FIELD_NUMBER: _ClassVar[int]
    LESSON_NUMBER_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    lesson_id: str
    lesson_date: str
    lesson_number: int
    subject_name: str
    student_id: str
    status: str
    def __init__(self, lesson_id: _Optional[str] = ..., lesson_date: _Optional[str] = ..., lesson_number: _Optional[int] = ..., subject_name: _Optional[str] = ..., student_id: _Optional[str] = ..., status: _Optional[str] = ...) -> None: ...

class ListAbsencesResponse(_message.Message):
    __slots__ = ("absences", "reasons")
    ABSENCES_FIELD_NUMBER: _ClassVar[int]
    REASONS_FIELD_NUMBER: _ClassVar[int]
    absences: _containers.RepeatedCompositeFieldContainer[Absence]
    reasons: _containers.RepeatedCompositeFieldContainer[Choice]
    def __init__(self, absences: _Optional[_Iterable[_Union[Absence, _Mapping]]] = ..., reasons: _Optional[_Iterable[_Union[Choice, _Mapping]]] = ...) -> None: ...

class ActorChange(_message.Message):
    __slots__ = ("ledger_id", "occurred_at", "entity", "entity_id", "lesson_id", "student_id", "old_value", "new_value", "reason", "client_address", "reverted", "revertible", "entered_at")
    LEDGER_ID_FIELD_NUMBER: _ClassVar[int]
    OCCURRED_AT_FIELD_NUMBER: _ClassVar[int]
    ENTITY_FIELD_NUMBER: _ClassVar[int]
    ENTITY_ID_FIELD_NUMBER: _ClassVar[int]
    LESSON_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    OLD_VALUE_FIELD_NUMBER: _ClassVar[int]
    NEW_VALUE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    REVERTED_FIELD_NUMBER: _ClassVar[int]
    REVERTIBLE_FIELD_NUMBER: _ClassVar[int]
    ENTERED_AT_FIELD_NUMBER: _ClassVar[int]
    ledger_id: str
    occurred_at: str
    entity: str
    entity_id: str
    lesson_id: str
    student_id: str
    old_value: str
    new_value: str
    reason: str
    client_address: str
    reverted: bool
    revertible: bool
    entered_at: str
    def __init__(self, ledger_id: _Optional[str] = ..., occurred_at: _Optional[str] = ..., entity: _Optional[str] = ..., entity_id: _Optional[str] = ..., lesson_id: _Optional[str] = ..., student_id: _Optional[str] = ..., old_value: _Optional[str] = ..., new_value: _Optional[str] = ..., reason: _Optional[str] = ..., client_address: _Optional[str] = ..., reverted: _Optional[bool] = ..., revertible: _Optional[bool] = ..., entered_at: _Optional[str] = ...) -> None: ...

class CompromisedAccount(_message.Message):
    __slots__ = ("person_id", "subject", "reported_at", "reported_by", "changes_since_report", "changes_in_window", "not_reverted")
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    REPORTED_AT_FIELD_NUMBER: _ClassVar[int]
    REPORTED_BY_FIELD_NUMBER: _ClassVar[int]
    CHANGES_SINCE_REPORT_FIELD_NUMBER: _ClassVar[int]
    CHANGES_IN_WINDOW_FIELD_NUMBER: _ClassVar[int]
    NOT_REVERTED_FIELD_NUMBER: _ClassVar[int]
    person_id: str
    subject: str
    reported_at: str
    reported_by: str
    changes_since_report: int
    changes_in_window: int
    not_reverted: int
    def __init__(self, person_id: _Optional[str] = ..., subject: _Optional[str] = ..., reported_at: _Optional[str] = ..., reported_by: _Optional[str] = ..., changes_since_report: _Optional[int] = ..., changes_in_window: _Optional[int] = ..., not_reverted: _Optional[int] = ...) -> None: ...

class ListCompromisedAccountsRequest(_message.Message):
    __slots__ = ("school_id", "window_hours")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    WINDOW_HOURS_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    window_hours: int
    def __init__(self, school_id: _Optional[str] = ..., window_hours: _Optional[int] = ...) -> None: ...

class ListCompromisedAccountsResponse(_message.Message):
    __slots__ = ("accounts",)
    ACCOUNTS_FIELD_NUMBER: _ClassVar[int]
    accounts: _containers.RepeatedCompositeFieldContainer[CompromisedAccount]
    def __init__(self, accounts: _Optional[_Iterable[_Union[CompromisedAccount, _Mapping]]] = ...) -> None: ...

class ListActorChangesRequest(_message.Message):
    __slots__ = ("school_id", "actor_person_id", "since")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    ACTOR_PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    SINCE_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    actor_person_id: str
    since: str
    def __init__(self, school_id: _Optional[str] = ..., actor_person_id: _Optional[str] = ..., since: _Optional[str] = ...) -> None: ...

class ListActorChangesResponse(_message.Message):
    __slots__ = ("changes",)
    CHANGES_FIELD_NUMBER: _ClassVar[int]
    changes: _containers.RepeatedCompositeFieldContainer[ActorChange]
    def __init__(self, changes: _Optional[_Iterable[_Union[ActorChange, _Mapping]]] = ...) -> None: ...

class RevertActorChangesRequest(_message.Message):
    __slots__ = ("school_id", "actor_person_id", "since", "reason", "ledger_ids")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    ACTOR_PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    SINCE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    LEDGER_IDS_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    actor_person_id: str
    since: str
    reason: str
    ledger_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, school_id: _Optional[str] = ..., actor_person_id: _Optional[str] = ..., since: _Optional[str] = ..., reason: _Optional[str] = ..., ledger_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class RevertOutcome(_message.Message):
    __slots__ = ("ledger_id", "result", "message", "revert_ledger_id")
    LEDGER_ID_FIELD_NUMBER: _ClassVar[int]
    RESULT_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    REVERT_LEDGER_ID_FIELD_NUMBER: _ClassVar[int]
    ledger_id: str
    result: str
    message: str
    revert_ledger_id: str
    def __init__(self, ledger_id: _Optional[str] = ..., result: _Optional[str] = ..., message: _Optional[str] = ..., revert_ledger_id: _Optional[str] = ...) -> None: ...

class RevertActorChangesResponse(_message.Message):
    __slots__ = ("outcomes", "reverted", "conflicts")
    OUTCOMES_FIELD_NUMBER: _ClassVar[int]
    REVERTED_FIELD_NUMBER: _ClassVar[int]
    CONFLICTS_FIELD_NUMBER: _ClassVar[int]
    outcomes: _containers.RepeatedCompositeFieldContainer[RevertOutcome]
    reverted: int
    conflicts: int
    def __init__(self, outcomes: _Optional[_Iterable[_Union[RevertOutcome, _Mapping]]] = ..., reverted: _Optional[int] = ..., conflicts: _Optional[int] = ...) -> None: ...

class ImportPaperJournalRequest(_message.Message):
    __slots__ = ("school_id", "class_group_id", "filename", "content", "reason", "dry_run")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    DRY_RUN_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    class_group_id: str
    filename: str
    content: bytes
    reason: str
    dry_run: bool
    def __init__(self, school_id: _Optional[str] = ..., class_group_id: _Optional[str] = ..., filename: _Optional[str] = ..., content: _Optional[bytes] = ..., reason: _Optional[str] = ..., dry_run: _Optional[bool] = ...) -> None: ...

class PaperImportRow(_message.Message):
    __slots__ = ("line", "status", "field", "reason", "lesson_id")
    LINE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    FIELD_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    LESSON_ID_FIELD_NUMBER: _ClassVar[int]
    line: int
    status: str
    field: str
    reason: str
    lesson_id: str
    def __init__(self, line: _Optional[int] = ..., status: _Optional[str] = ..., field: _Optional[str] = ..., reason: _Optional[str] = ..., lesson_id: _Optional[str] = ...) -> None: ...

class ImportPaperJournalResponse(_message.Message):
    __slots__ = ("rows", "applied", "added", "unchanged", "errors")
    ROWS_FIELD_NUMBER: _ClassVar[int]
    APPLIED_FIELD_NUMBER: _ClassVar[int]
    ADDED_FIELD_NUMBER: _ClassVar[int]
    UNCHANGED_FIELD_NUMBER: _ClassVar[int]
    ERRORS_FIELD_NUMBER: _ClassVar[int]
    rows: _containers.RepeatedCompositeFieldContainer[PaperImportRow]
    applied: bool
    added: int
    unchanged: int
    errors: int
    def __init__(self, rows: _Optional[_Iterable[_Union[PaperImportRow, _Mapping]]] = ..., applied: _Optional[bool] = ..., added: _Optional[int] = ..., unchanged: _Optional[int] = ..., errors: _Optional[int] = ...) -> None: ...

class SetStudentHomeworkRequest(_message.Message):
    __slots__ = ("school_id", "lesson_id", "student_id", "homework", "reason")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    LESSON_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    HOMEWORK_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    lesson_id: str
    student_id: str
    homework: str
    reason: str
    def __init__(self, school_id: _Optional[str] = ..., lesson_id: _Optional[str] = ..., student_id: _Optional[str] = ..., homework: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class StudentHomework(_message.Message):
    __slots__ = ("lesson_id", "student_id", "homework")
    LESSON_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    HOMEWORK_FIELD_NUMBER: _ClassVar[int]
    lesson_id: str
    student_id: str
    homework: str
    def __init__(self, lesson_id: _Optional[str] = ..., student_id: _Optional[str] = ..., homework: _Optional[str] = ...) -> None: ...

class HomeworkAttachment(_message.Message):
    __slots__ = ("id", "lesson_id", "student_id", "filename", "media_type", "size", "uploaded_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    LESSON_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    MEDIA_TYPE_FIELD_NUMBER: _ClassVar[int]
    SIZE_FIELD_NUMBER: _ClassVar[int]
    UPLOADED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    lesson_id: str
    student_id: str
    filename: str
    media_type: str
    size: int
    uploaded_at: str
    def __init__(self, id: _Optional[str] = ..., lesson_id: _Optional[str] = ..., student_id: _Optional[str] = ..., filename: _Optional[str] = ..., media_type: _Optional[str] = ..., size: _Optional[int] = ..., uploaded_at: _Optional[str] = ...) -> None: ...

class AddHomeworkAttachmentRequest(_message.Message):
    __slots__ = ("school_id", "lesson_id", "student_id", "filename", "content")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    LESSON_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    lesson_id: str
    student_id: str
    filename: str
    content: bytes
    def __init__(self, school_id: _Optional[str] = ..., lesson_id: _Optional[str] = ..., student_id: _Optional[str] = ..., filename: _Optional[str] = ..., content: _Optional[bytes] = ...) -> None: ...

class ListHomeworkAttachmentsRequest(_message.Message):
    __slots__ = ("school_id", "lesson_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    LESSON_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    lesson_id: str
    def __init__(self, school_id: _Optional[str] = ..., lesson_id: _Optional[str] = ...) -> None: ...

class ListHomeworkAttachmentsResponse(_message.Message):
    __slots__ = ("attachments",)
    ATTACHMENTS_FIELD_NUMBER: _ClassVar[int]
    attachments: _containers.RepeatedCompositeFieldContainer[HomeworkAttachment]
    def __init__(self, attachments: _Optional[_Iterable[_Union[HomeworkAttachment, _Mapping]]] = ...) -> None: ...

class GetHomeworkAttachmentRequest(_message.Message):
    __slots__ = ("school_id", "attachment_id", "student_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    ATTACHMENT_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    attachment_id: str
    student_id: str
    def __init__(self, school_id: _Optional[str] = ..., attachment_id: _Optional[str] = ..., student_id: _Optional[str] = ...) -> None: ...

class AttachmentFile(_message.Message):
    __slots__ = ("filename", "media_type", "content")
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    MEDIA_TYPE_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    filename: str
    media_type: str
    content: bytes
    def __init__(self, filename: _Optional[str] = ..., media_type: _Optional[str] = ..., content: _Optional[bytes] = ...) -> None: ...

class MarkRecorded(_message.Message):
    __slots__ = ("mark", "class_group_id")
    MARK_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    mark: Mark
    class_group_id: str
    def __init__(self, mark: _Optional[_Union[Mark, _Mapping]] = ..., class_group_id: _Optional[str] = ...) -> None: ...

class MarkChanged(_message.Message):
    __slots__ = ("mark", "class_group_id", "old_value")
    MARK_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    OLD_VALUE_FIELD_NUMBER: _ClassVar[int]
    mark: Mark
    class_group_id: str
    old_value: str
    def __init__(self, mark: _Optional[_Union[Mark, _Mapping]] = ..., class_group_id: _Optional[str] = ..., old_value: _Optional[str] = ...) -> None: ...

class MarkDeleted(_message.Message):
    __slots__ = ("mark", "class_group_id")
    MARK_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    mark: Mark
    class_group_id: str
    def __init__(self, mark: _Optional[_Union[Mark, _Mapping]] = ..., class_group_id: _Optional[str] = ...) -> None: ...

class AttendanceRecorded(_message.Message):
    __slots__ = ("entry", "class_group_id", "lesson_date")
    ENTRY_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    LESSON_DATE_FIELD_NUMBER: _ClassVar[int]
    entry: AttendanceEntry
    class_group_id: str
    lesson_date: str
    def __init__(self, entry: _Optional[_Union[AttendanceEntry, _Mapping]] = ..., class_group_id: _Optional[str] = ..., lesson_date: _Optional[str] = ...) -> None: ...

class TopicSet(_message.Message):
    __slots__ = ("lesson_id", "topic", "class_group_id", "lesson_date", "plan_topic_id")
    LESSON_ID_FIELD_NUMBER: _ClassVar[int]
    TOPIC_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    LESSON_DATE_FIELD_NUMBER: _ClassVar[int]
    PLAN_TOPIC_ID_FIELD_NUMBER: _ClassVar[int]
    lesson_id: str
    topic: str
    class_group_id: str
    lesson_date: str
    plan_topic_id: str
    def __init__(self, lesson_id: _Optional[str] = ..., topic: _Optional[str] = ..., class_group_id: _Optional[str] = ..., lesson_date: _Optional[str] = ..., plan_topic_id: _Optional[str] = ...) -> None: ...

class HomeworkSet(_message.Message):
    __slots__ = ("lesson_id", "homework", "class_group_id", "lesson_date", "student_id")
    LESSON_ID_FIELD_NUMBER: _ClassVar[int]
    HOMEWORK_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    LESSON_DATE_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    lesson_id: str
    homework: str
    class_group_id: str
    lesson_date: str
    student_id: str
    def __init__(self, lesson_id: _Optional[str] = ..., homework: _Optional[str] = ..., class_group_id: _Optional[str] = ..., lesson_date: _Optional[str] = ..., student_id: _Optional[str] = ...) -> None: ...

class HomeworkAttachmentAdded(_message.Message):
    __slots__ = ("attachment",)
    ATTACHMENT_FIELD_NUMBER: _ClassVar[int]
    attachment: HomeworkAttachment
    def __init__(self, attachment: _Optional[_Union[HomeworkAttachment, _Mapping]] = ...) -> None: ...

class UnlockRequested(_message.Message):
    __slots__ = ("request",)
    REQUEST_FIELD_NUMBER: _ClassVar[int]
    request: UnlockRequest
    def __init__(self, request: _Optional[_Union[UnlockRequest, _Mapping]] = ...) -> None: ...

class LessonUnlocked(_message.Message):
    __slots__ = ("request",)
    REQUEST_FIELD_NUMBER: _ClassVar[int]
    request: UnlockRequest
    def __init__(self, request: _Optional[_Union[UnlockRequest, _Mapping]] = ...) -> None: ...

class TermMarkSet(_message.Message):
    __slots__ = ("term_mark", "old_value")
    TERM_MARK_FIELD_NUMBER: _ClassVar[int]
    OLD_VALUE_FIELD_NUMBER: _ClassVar[int]
    term_mark: TermMark
    old_value: str
    def __init__(self, term_mark: _Optional[_Union[TermMark, _Mapping]] = ..., old_value: _Optional[str] = ...) -> None: ...

class FinalMarkSet(_message.Message):
    __slots__ = ("final_mark", "old_value")
    FINAL_MARK_FIELD_NUMBER: _ClassVar[int]
    OLD_VALUE_FIELD_NUMBER: _ClassVar[int]
    final_mark: FinalMark
    old_value: str
    def __init__(self, final_mark: _Optional[_Union[FinalMark, _Mapping]] = ..., old_value: _Optional[str] = ...) -> None: ...

class StudentPlanSet(_message.Message):
    __slots__ = ("plan",)
    PLAN_FIELD_NUMBER: _ClassVar[int]
    plan: StudentPlan
    def __init__(self, plan: _Optional[_Union[StudentPlan, _Mapping]] = ...) -> None: ...

class JournalSettingsChanged(_message.Message):
    __slots__ = ("school_id", "mark_scale", "work_types")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    MARK_SCALE_FIELD_NUMBER: _ClassVar[int]
    WORK_TYPES_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    mark_scale: str
    work_types: _containers.RepeatedCompositeFieldContainer[WorkType]
    def __init__(self, school_id: _Optional[str] = ..., mark_scale: _Optional[str] = ..., work_types: _Optional[_Iterable[_Union[WorkType, _Mapping]]] = ...) -> None: ...

class MarkFlagged(_message.Message):
    __slots__ = ("flag",)
    FLAG_FIELD_NUMBER: _ClassVar[int]
    flag: MarkFlag
    def __init__(self, flag: _Optional[_Union[MarkFlag, _Mapping]] = ...) -> None: ...

class MarkFlagAnswered(_message.Message):
    __slots__ = ("flag",)
    FLAG_FIELD_NUMBER: _ClassVar[int]
    flag: MarkFlag
    def __init__(self, flag: _Optional[_Union[MarkFlag, _Mapping]] = ...) -> None: ...

class LessonRecordMoved(_message.Message):
    __slots__ = ("lesson_id", "class_group_id", "lesson_date", "lesson_number", "from_date", "from_lesson_number", "mark_ids")
    LESSON_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    LESSON_DATE_FIELD_NUMBER: _ClassVar[int]
    LESSON_NUMBER_FIELD_NUMBER: _ClassVar[int]
    FROM_DATE_FIELD_NUMBER: _ClassVar[int]
    FROM_LESSON_NUMBER_FIELD_NUMBER: _ClassVar[int]
    MARK_IDS_FIELD_NUMBER: _ClassVar[int]
    lesson_id: str
    class_group_id: str
    lesson_date: str
    lesson_number: int
    from_date: str
    from_lesson_number: int
    mark_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, lesson_id: _Optional[str] = ..., class_group_id: _Optional[str] = ..., lesson_date: _Optional[str] = ..., lesson_number: _Optional[int] = ..., from_date: _Optional[str] = ..., from_lesson_number: _Optional[int] = ..., mark_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class JournalYearClosed(_message.Message):
    __slots__ = ("school_id", "academic_year_id", "academic_year_name", "class_group_ids")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_NAME_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_IDS_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    academic_year_id: str
    academic_year_name: str
    class_group_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, school_id: _Optional[str] = ..., academic_year_id: _Optional[str] = ..., academic_year_name: _Optional[str] = ..., class_group_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class ControlLessonsRequest(_message.Message):
    __slots__ = ("school_id", "date_from", "date_to", "class_group_id", "teacher_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    DATE_FROM_FIELD_NUMBER: _ClassVar[int]
    DATE_TO_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    TEACHER_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    date_from: str
    date_to: str
    class_group_id: str
    teacher_id: str
    def __init__(self, school_id: _Optional[str] = ..., date_from: _Optional[str] = ..., date_to: _Optional[str] = ..., class_group_id: _Optional[str] = ..., teacher_id: _Optional[str] = ...) -> None: ...

class ControlLesson(_message.Message):
    __slots__ = ("lesson_id", "lesson_date", "lesson_number", "class_group_id", "subject_id", "subject_name", "teacher_id", "missing", "topic")
    LESSON_ID_FIELD_NUMBER: _ClassVar[int]
    LESSON_DATE_FIELD_NUMBER: _ClassVar[int]
    LESSON_NUMBER_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    TEACHER_ID_FIELD_NUMBER: _ClassVar[int]
    MISSING_FIELD_NUMBER: _ClassVar[int]
    TOPIC_FIELD_NUMBER: _ClassVar[int]
    lesson_id: str
    lesson_date: str
    lesson_number: int
    class_group_id: str
    subject_id: str
    subject_name: str
    teacher_id: str
    missing: _containers.RepeatedScalarFieldContainer[str]
    topic: str
    def __init__(self, lesson_id: _Optional[str] = ..., lesson_date: _Optional[str] = ..., lesson_number: _Optional[int] = ..., class_group_id: _Optional[str] = ..., subject_id: _Optional[str] = ..., subject_name: _Optional[str] = ..., teacher_id: _Optional[str] = ..., missing: _Optional[_Iterable[str]] = ..., topic: _Optional[str] = ...) -> None: ...

class ControlLessonsResponse(_message.Message):
    __slots__ = ("lessons",)
    LESSONS_FIELD_NUMBER: _ClassVar[int]
    lessons: _containers.RepeatedCompositeFieldContainer[ControlLesson]
    def __init__(self, lessons: _Optional[_Iterable[_Union[ControlLesson, _Mapping]]] = ...) -> None: ...

class ListMarkShortfallsRequest(_message.Message):
    __slots__ = ("school_id", "days", "class_group_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    DAYS_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    days: int
    class_group_id: str
    def __init__(self, school_id: _Optional[str] = ..., days: _Optional[int] = ..., class_group_id: _Optional[str] = ...) -> None: ...

class MarkShortfall(_message.Message):
    __slots__ = ("term_id", "term_name", "term_end_date", "class_group_id", "subject_id", "subject_name", "teacher_id", "student_id", "marks", "needed", "hours_per_week")
    TERM_ID_FIELD_NUMBER: _ClassVar[int]
    TERM_NAME_FIELD_NUMBER: _ClassVar[int]
    TERM_END_DATE_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    TEACHER_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    MARKS_FIELD_NUMBER: _ClassVar[int]
    NEEDED_FIELD_NUMBER: _ClassVar[int]
    HOURS_PER_WEEK_FIELD_NUMBER: _ClassVar[int]
    term_id: str
    term_name: str
    term_end_date: str
    class_group_id: str
    subject_id: str
    subject_name: str
    teacher_id: str
    student_id: str
    marks: int
    needed: int
    hours_per_week: int
    def __init__(self, term_id: _Optional[str] = ..., term_name: _Optional[str] = ..., term_end_date: _Optional[str] = ..., class_group_id: _Optional[str] = ..., subject_id: _Optional[str] = ..., subject_name: _Optional[str] = ..., teacher_id: _Optional[str] = ..., student_id: _Optional[str] = ..., marks: _Optional[int] = ..., needed: _Optional[int] = ..., hours_per_week: _Optional[int] = ...) -> None: ...

class ListMarkShortfallsResponse(_message.Message):
    __slots__ = ("shortfalls", "days")
    SHORTFALLS_FIELD_NUMBER: _ClassVar[int]
    DAYS_FIELD_NUMBER: _ClassVar[int]
    shortfalls: _containers.RepeatedCompositeFieldContainer[MarkShortfall]
    days: int
    def __init__(self, shortfalls: _Optional[_Iterable[_Union[MarkShortfall, _Mapping]]] = ..., days: _Optional[int] = ...) -> None: ...

class ControlRemark(_message.Message):
    __slots__ = ("id", "school_id", "author_id", "teacher_id", "class_group_id", "subject_id", "lesson_id", "text", "created_at", "answer", "answered_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    AUTHOR_ID_FIELD_NUMBER: _ClassVar[int]
    TEACHER_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    LESSON_ID_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    ANSWER_FIELD_NUMBER: _ClassVar[int]
    ANSWERED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    school_id: str
    author_id: str
    teacher_id: str
    class_group_id: str
    subject_id: str
    lesson_id: str
    text: str
    created_at: str
    answer: str
    answered_at: str
    def __init__(self, id: _Optional[str] = ..., school_id: _Optional[str] = ..., author_id: _Optional[str] = ..., teacher_id: _Optional[str] = ..., class_group_id: _Optional[str] = ..., subject_id: _Optional[str] = ..., lesson_id: _Optional[str] = ..., text: _Optional[str] = ..., created_at: _Optional[str] = ..., answer: _Optional[str] = ..., answered_at: _Optional[str] = ...) -> None: ...

class AddControlRemarkRequest(_message.Message):
    __slots__ = ("school_id", "teacher_id", "class_group_id", "subject_id", "lesson_id", "text")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    TEACHER_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    LESSON_ID_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    teacher_id: str
    class_group_id: str
    subject_id: str
    lesson_id: str
    text: str
    def __init__(self, school_id: _Optional[str] = ..., teacher_id: _Optional[str] = ..., class_group_id: _Optional[str] = ..., subject_id: _Optional[str] = ..., lesson_id: _Optional[str] = ..., text: _Optional[str] = ...) -> None: ...

class AnswerControlRemarkRequest(_message.Message):
    __slots__ = ("school_id", "remark_id", "answer")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    REMARK_ID_FIELD_NUMBER: _ClassVar[int]
    ANSWER_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    remark_id: str
    answer: str
    def __init__(self, school_id: _Optional[str] = ..., remark_id: _Optional[str] = ..., answer: _Optional[str] = ...) -> None: ...

class ListControlRemarksRequest(_message.Message):
    __slots__ = ("school_id", "teacher_id", "status")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    TEACHER_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    teacher_id: str
    status: str
    def __init__(self, school_id: _Optional[str] = ..., teacher_id: _Optional[str] = ..., status: _Optional[str] = ...) -> None: ...

class ListControlRemarksResponse(_message.Message):
    __slots__ = ("remarks",)
    REMARKS_FIELD_NUMBER: _ClassVar[int]
    remarks: _containers.RepeatedCompositeFieldContainer[ControlRemark]
    def __init__(self, remarks: _Optional[_Iterable[_Union[ControlRemark, _Mapping]]] = ...) -> None: ...

class GetDiaryResultsRequest(_message.Message):
    __slots__ = ("school_id", "student_id", "academic_year_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    student_id: str
    academic_year_id: str
    def __init__(self, school_id: _Optional[str] = ..., student_id: _Optional[str] = ..., academic_year_id: _Optional[str] = ...) -> None: ...

class AttendanceCount(_message.Message):
    __slots__ = ("status", "count")
    STATUS_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    status: str
    count: int
    def __init__(self, status: _Optional[str] = ..., count: _Optional[int] = ...) -> None: ...

class PeriodResult(_message.Message):
    __slots__ = ("term_id", "average", "change", "marks_count", "attendance", "mark")
    TERM_ID_FIELD_NUMBER: _ClassVar[int]
    AVERAGE_FIELD_NUMBER: _ClassVar[int]
    CHANGE_FIELD_NUMBER: _ClassVar[int]
    MARKS_COUNT_FIELD_NUMBER: _ClassVar[int]
    ATTENDANCE_FIELD_NUMBER: _ClassVar[int]
    MARK_FIELD_NUMBER: _ClassVar[int]
    term_id: str
    average: str
    change: str
    marks_count: int
    attendance: _containers.RepeatedCompositeFieldContainer[AttendanceCount]
    mark: str
    def __init__(self, term_id: _Optional[str] = ..., average: _Optional[str] = ..., change: _Optional[str] = ..., marks_count: _Optional[int] = ..., attendance: _Optional[_Iterable[_Union[AttendanceCount, _Mapping]]] = ..., mark: _Optional[str] = ...) -> None: ...

class SubjectResults(_message.Message):
    __slots__ = ("subject_id", "subject_name", "terms", "year", "exam", "final")
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    TERMS_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    EXAM_FIELD_NUMBER: _ClassVar[int]
    FINAL_FIELD_NUMBER: _ClassVar[int]
    subject_id: str
    subject_name: str
    terms: _containers.RepeatedCompositeFieldContainer[PeriodResult]
    year: PeriodResult
    exam: str
    final: str
    def __init__(self, subject_id: _Optional[str] = ..., subject_name: _Optional[str] = ..., terms: _Optional[_Iterable[_Union[PeriodResult, _Mapping]]] = ..., year: _Optional[_Union[PeriodResult, _Mapping]] = ..., exam: _Optional[str] = ..., final: _Optional[str] = ...) -> None: ...

class ResultsTerm(_message.Message):
    __slots__ = ("term_id", "name", "start_date", "end_date")
    TERM_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    START_DATE_FIELD_NUMBER: _ClassVar[int]
    END_DATE_FIELD_NUMBER: _ClassVar[int]
    term_id: str
    name: str
    start_date: str
    end_date: str
    def __init__(self, term_id: _Optional[str] = ..., name: _Optional[str] = ..., start_date: _Optional[str] = ..., end_date: _Optional[str] = ...) -> None: ...

class ResultsYear(_message.Message):
    __slots__ = ("academic_year_id", "name", "class_group_id")
    ACADEMIC_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    academic_year_id: str
    name: str
    class_group_id: str
    def __init__(self, academic_year_id: _Optional[str] = ..., name: _Optional[str] = ..., class_group_id: _Optional[str] = ...) -> None: ...

class DiaryResults(_message.Message):
    __slots__ = ("student_id", "academic_year_id", "academic_year_name", "class_group_id", "terms", "subjects", "totals", "total", "years", "mark_scale", "attendance_kinds", "mark_values")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_NAME_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    TERMS_FIELD_NUMBER: _ClassVar[int]
    SUBJECTS_FIELD_NUMBER: _ClassVar[int]
    TOTALS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    YEARS_FIELD_NUMBER: _ClassVar[int]
    MARK_SCALE_FIELD_NUMBER: _ClassVar[int]
    ATTENDANCE_KINDS_FIELD_NUMBER: _ClassVar[int]
    MARK_VALUES_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    academic_year_id: str
    academic_year_name: str
    class_group_id: str
    terms: _containers.RepeatedCompositeFieldContainer[ResultsTerm]
    subjects: _containers.RepeatedCompositeFieldContainer[SubjectResults]
    totals: _containers.RepeatedCompositeFieldContainer[PeriodResult]
    total: PeriodResult
    years: _containers.RepeatedCompositeFieldContainer[ResultsYear]
    mark_scale: str
    attendance_kinds: _containers.RepeatedCompositeFieldContainer[Choice]
    mark_values: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, student_id: _Optional[str] = ..., academic_year_id: _Optional[str] = ..., academic_year_name: _Optional[str] = ..., class_group_id: _Optional[str] = ..., terms: _Optional[_Iterable[_Union[ResultsTerm, _Mapping]]] = ..., subjects: _Optional[_Iterable[_Union[SubjectResults, _Mapping]]] = ..., totals: _Optional[_Iterable[_Union[PeriodResult, _Mapping]]] = ..., total: _Optional[_Union[PeriodResult, _Mapping]] = ..., years: _Optional[_Iterable[_Union[ResultsYear, _Mapping]]] = ..., mark_scale: _Optional[str] = ..., attendance_kinds: _Optional[_Iterable[_Union[Choice, _Mapping]]] = ..., mark_values: _Optional[_Iterable[str]] = ...) -> None: ...

class MarkFlag(_message.Message):
    __slots__ = ("id", "school_id", "mark_id", "lesson_id", "student_id", "teacher_id", "class_group_id", "subject_id", "subject_name", "lesson_date", "mark_value", "work_type", "text", "author_id", "author_role", "created_at", "answer", "outcome", "answered_by", "answered_at", "value_after", "current_value")
    ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    MARK_ID_FIELD_NUMBER: _ClassVar[int]
    LESSON_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    TEACHER_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    LESSON_DATE_FIELD_NUMBER: _ClassVar[int]
    MARK_VALUE_FIELD_NUMBER: _ClassVar[int]
    WORK_TYPE_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    AUTHOR_ID_FIELD_NUMBER: _ClassVar[int]
    AUTHOR_ROLE_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    ANSWER_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    ANSWERED_BY_FIELD_NUMBER: _ClassVar[int]
    ANSWERED_AT_FIELD_NUMBER: _ClassVar[int]
    VALUE_AFTER_FIELD_NUMBER: _ClassVar[int]
    CURRENT_VALUE_FIELD_NUMBER: _ClassVar[int]
    id: str
    school_id: str
    mark_id: str
    lesson_id: str
    student_id: str
    teacher_id: str
    class_group_id: str
    subject_id: str
    subject_name: str
    lesson_date: str
    mark_value: str
    work_type: str
    text: str
    author_id: str
    author_role: str
    created_at: str
    answer: str
    outcome: str
    answered_by: str
    answered_at: str
    value_after: str
    current_value: str
    def __init__(self, id: _Optional[str] = ..., school_id: _Optional[str] = ..., mark_id: _Optional[str] = ..., lesson_id: _Optional[str] = ..., student_id: _Optional[str] = ..., teacher_id: _Optional[str] = ..., class_group_id: _Optional[str] = ..., subject_id: _Optional[str] = ..., subject_name: _Optional[str] = ..., lesson_date: _Optional[str] = ..., mark_value: _Optional[str] = ..., work_type: _Optional[str] = ..., text: _Optional[str] = ..., author_id: _Optional[str] = ..., author_role: _Optional[str] = ..., created_at: _Optional[str] = ..., answer: _Optional[str] = ..., outcome: _Optional[str] = ..., answered_by: _Optional[str] = ..., answered_at: _Optional[str] = ..., value_after: _Optional[str] = ..., current_value: _Optional[str] = ...) -> None: ...

class FlagMarkRequest(_message.Message):
    __slots__ = ("school_id", "mark_id", "text")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    MARK_ID_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    mark_id: str
    text: str
    def __init__(self, school_id: _Optional[str] = ..., mark_id: _Optional[str] = ..., text: _Optional[str] = ...) -> None: ...

class AnswerMarkFlagRequest(_message.Message):
    __slots__ = ("school_id", "flag_id", "answer", "outcome")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    FLAG_ID_FIELD_NUMBER: _ClassVar[int]
    ANSWER_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    flag_id: str
    answer: str
    outcome: str
    def __init__(self, school_id: _Optional[str] = ..., flag_id: _Optional[str] = ..., answer: _Optional[str] = ..., outcome: _Optional[str] = ...) -> None: ...

class ListMarkFlagsRequest(_message.Message):
    __slots__ = ("school_id", "status", "teacher_id", "class_group_id", "student_id", "lesson_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    TEACHER_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    LESSON_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    status: str
    teacher_id: str
    class_group_id: str
    student_id: str
    lesson_id: str
    def __init__(self, school_id: _Optional[str] = ..., status: _Optional[str] = ..., teacher_id: _Optional[str] = ..., class_group_id: _Optional[str] = ..., student_id: _Optional[str] = ..., lesson_id: _Optional[str] = ...) -> None: ...

class ListMarkFlagsResponse(_message.Message):
    __slots__ = ("flags",)
    FLAGS_FIELD_NUMBER: _ClassVar[int]
    flags: _containers.RepeatedCompositeFieldContainer[MarkFlag]
    def __init__(self, flags: _Optional[_Iterable[_Union[MarkFlag, _Mapping]]] = ...) -> None: ...
