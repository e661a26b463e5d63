from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class SummaryPeriodMark(_message.Message):
    __slots__ = ("period_id", "period_name", "value", "special")
    PERIOD_ID_FIELD_NUMBER: _ClassVar[int]
    PERIOD_NAME_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    SPECIAL_FIELD_NUMBER: _ClassVar[int]
    period_id: str
    period_name: str
    value: str
    special: str
    def __init__(self, period_id: _Optional[str] = ..., period_name: _Optional[str] = ..., value: _Optional[str] = ..., special: _Optional[str] = ...) -> None: ...

class SummaryCell(_message.Message):
    __slots__ = ("subject_id", "marks", "average", "period_marks")
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    MARKS_FIELD_NUMBER: _ClassVar[int]
    AVERAGE_FIELD_NUMBER: _ClassVar[int]
    PERIOD_MARKS_FIELD_NUMBER: _ClassVar[int]
    subject_id: str
    marks: _containers.RepeatedScalarFieldContainer[str]
    average: str
    period_marks: _containers.RepeatedCompositeFieldContainer[SummaryPeriodMark]
    def __init__(self, subject_id: _Optional[str] = ..., marks: _Optional[_Iterable[str]] = ..., average: _Optional[str] = ..., period_marks: _Optional[_Iterable[_Union[SummaryPeriodMark, _Mapping]]] = ...) -> None: ...

class SummaryRow(_message.Message):
    __slots__ = ("student_id", "student_name", "cells", "date_from", "date_to", "decision")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_NAME_FIELD_NUMBER: _ClassVar[int]
    CELLS_FIELD_NUMBER: _ClassVar[int]
    DATE_FROM_FIELD_NUMBER: _ClassVar[int]
    DATE_TO_FIELD_NUMBER: _ClassVar[int]
    DECISION_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    student_name: str
    cells: _containers.RepeatedCompositeFieldContainer[SummaryCell]
    date_from: str
    date_to: str
    decision: str
    def __init__(self, student_id: _Optional[str] = ..., student_name: _Optional[str] = ..., cells: _Optional[_Iterable[_Union[SummaryCell, _Mapping]]] = ..., date_from: _Optional[str] = ..., date_to: _Optional[str] = ..., decision: _Optional[str] = ...) -> None: ...

class SummarySubject(_message.Message):
    __slots__ = ("id", "name")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ...) -> None: ...

class SummaryPeriod(_message.Message):
    __slots__ = ("id", "name", "kind")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    kind: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., kind: _Optional[str] = ...) -> None: ...

class SummarySheet(_message.Message):
    __slots__ = ("school_id", "class_group_id", "class_group_name", "academic_year_name", "subjects", "rows", "periods", "period_id", "period_name", "decisions_shown")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_NAME_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_NAME_FIELD_NUMBER: _ClassVar[int]
    SUBJECTS_FIELD_NUMBER: _ClassVar[int]
    ROWS_FIELD_NUMBER: _ClassVar[int]
    PERIODS_FIELD_NUMBER: _ClassVar[int]
    PERIOD_ID_FIELD_NUMBER: _ClassVar[int]
    PERIOD_NAME_FIELD_NUMBER: _ClassVar[int]
    DECISIONS_SHOWN_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    class_group_id: str
    class_group_name: str
    academic_year_name: str
    subjects: _containers.RepeatedCompositeFieldContainer[SummarySubject]
    rows: _containers.RepeatedCompositeFieldContainer[SummaryRow]
    periods: _containers.RepeatedCompositeFieldContainer[SummaryPeriod]
    period_id: str
    period_name: str
    decisions_shown: bool
    def __init__(self, school_id: _Optional[str] = ..., class_group_id: _Optional[str] = ..., class_group_name: _Optional[str] = ..., academic_year_name: _Optional[str] = ..., subjects: _Optional[_Iterable[_Union[SummarySubject, _Mapping]]] = ..., rows: _Optional[_Iterable[_Union[SummaryRow, _Mapping]]] = ..., periods: _Optional[_Iterable[_Union[SummaryPeriod, _Mapping]]] = ..., period_id: _Optional[str] = ..., period_name: _Optional[str] = ..., decisions_shown: _Optional[bool] = ...) -> None: ...

class GetSummarySheetRequest(_message.Message):
    __slots__ = ("school_id", "class_group_id", "period_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    PERIOD_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    class_group_id: str
    period_id: str
    def __init__(self, school_id: _Optional[str] = ..., class_group_id: _Optional[str] = ..., period_id: _Optional[str] = ...) -> None: ...

class RenderedReport(_message.Message):
    __slots__ = ("media_type", "filename", "content")
    MEDIA_TYPE_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    media_type: str
    filename: str
    content: bytes
    def __init__(self, media_type: _Optional[str] = ..., filename: _Optional[str] = ..., content: _Optional[bytes] = ...) -> None: ...

class GetMovementRegisterRequest(_message.Message):
    __slots__ = ("school_id", "academic_year_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    academic_year_id: str
    def __init__(self, school_id: _Optional[str] = ..., academic_year_id: _Optional[str] = ...) -> None: ...

class GetClassFillRequest(_message.Message):
    __slots__ = ("school_id", "on_date")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    ON_DATE_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    on_date: str
    def __init__(self, school_id: _Optional[str] = ..., on_date: _Optional[str] = ...) -> None: ...

class ClassFillRow(_message.Message):
    __slots__ = ("class_group_id", "class_group_name", "grade", "boys", "girls", "total")
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_NAME_FIELD_NUMBER: _ClassVar[int]
    GRADE_FIELD_NUMBER: _ClassVar[int]
    BOYS_FIELD_NUMBER: _ClassVar[int]
    GIRLS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    class_group_id: str
    class_group_name: str
    grade: int
    boys: int
    girls: int
    total: int
    def __init__(self, class_group_id: _Optional[str] = ..., class_group_name: _Optional[str] = ..., grade: _Optional[int] = ..., boys: _Optional[int] = ..., girls: _Optional[int] = ..., total: _Optional[int] = ...) -> None: ...

class ClassFill(_message.Message):
    __slots__ = ("school_id", "school_name", "on_date", "academic_year_id", "academic_year_name", "rows", "total")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_NAME_FIELD_NUMBER: _ClassVar[int]
    ON_DATE_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_NAME_FIELD_NUMBER: _ClassVar[int]
    ROWS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    school_name: str
    on_date: str
    academic_year_id: str
    academic_year_name: str
    rows: _containers.RepeatedCompositeFieldContainer[ClassFillRow]
    total: ClassFillRow
    def __init__(self, school_id: _Optional[str] = ..., school_name: _Optional[str] = ..., on_date: _Optional[str] = ..., academic_year_id: _Optional[str] = ..., academic_year_name: _Optional[str] = ..., rows: _Optional[_Iterable[_Union[ClassFillRow, _Mapping]]] = ..., total: _Optional[_Union[ClassFillRow, _Mapping]] = ...) -> None: ...

class GetStudentMovementRequest(_message.Message):
    __slots__ = ("school_id", "date_from", "date_to")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    DATE_FROM_FIELD_NUMBER: _ClassVar[int]
    DATE_TO_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    date_from: str
    date_to: str
    def __init__(self, school_id: _Optional[str] = ..., date_from: _Optional[str] = ..., date_to: _Optional[str] = ...) -> None: ...

class MovementClassCount(_message.Message):
    __slots__ = ("class_group_id", "class_group_name", "count")
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_NAME_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    class_group_id: str
    class_group_name: str
    count: int
    def __init__(self, class_group_id: _Optional[str] = ..., class_group_name: _Optional[str] = ..., count: _Optional[int] = ...) -> None: ...

class MovementKindSummary(_message.Message):
    __slots__ = ("kind", "kind_name", "classes", "total")
    KIND_FIELD_NUMBER: _ClassVar[int]
    KIND_NAME_FIELD_NUMBER: _ClassVar[int]
    CLASSES_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    kind: str
    kind_name: str
    classes: _containers.RepeatedCompositeFieldContainer[MovementClassCount]
    total: int
    def __init__(self, kind: _Optional[str] = ..., kind_name: _Optional[str] = ..., classes: _Optional[_Iterable[_Union[MovementClassCount, _Mapping]]] = ..., total: _Optional[int] = ...) -> None: ...

class MovementEntry(_message.Message):
    __slots__ = ("kind", "kind_name", "order_number", "order_date", "effective_date", "student_id", "student_name", "from_class_group_name", "to_class_group_name")
    KIND_FIELD_NUMBER: _ClassVar[int]
    KIND_NAME_FIELD_NUMBER: _ClassVar[int]
    ORDER_NUMBER_FIELD_NUMBER: _ClassVar[int]
    ORDER_DATE_FIELD_NUMBER: _ClassVar[int]
    EFFECTIVE_DATE_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_NAME_FIELD_NUMBER: _ClassVar[int]
    FROM_CLASS_GROUP_NAME_FIELD_NUMBER: _ClassVar[int]
    TO_CLASS_GROUP_NAME_FIELD_NUMBER: _ClassVar[int]
    kind: str
    kind_name: str
    order_number: str
    order_date: str
    effective_date: str
    student_id: str
    student_name: str
    from_class_group_name: str
    to_class_group_name: str
    def __init__(self, kind: _Optional[str] = ..., kind_name: _Optional[str] = ..., order_number: _Optional[str] = ..., order_date: _Optional[str] = ..., effective_date: _Optional[str] = ..., student_id: _Optional[str] = ..., student_name: _Optional[str] = ..., from_class_group_name: _Optional[str] = ..., to_class_group_name: _Optional[str] = ...) -> None: ...

class StudentMovement(_message.Message):
    __slots__ = ("school_id", "school_name", "date_from", "date_to", "kinds", "entries")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_NAME_FIELD_NUMBER: _ClassVar[int]
    DATE_FROM_FIELD_NUMBER: _ClassVar[int]
    DATE_TO_FIELD_NUMBER: _ClassVar[int]
    KINDS_FIELD_NUMBER: _ClassVar[int]
    ENTRIES_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    school_name: str
    date_from: str
    date_to: str
    kinds: _containers.RepeatedCompositeFieldContainer[MovementKindSummary]
    entries: _containers.RepeatedCompositeFieldContainer[MovementEntry]
    def __init__(self, school_id: _Optional[str] = ..., school_name: _Optional[str] = ..., date_from: _Optional[str] = ..., date_to: _Optional[str] = ..., kinds: _Optional[_Iterable[_Union[MovementKindSummary, _Mapping]]] = ..., entries: _Optional[_Iterable[_Union[MovementEntry, _Mapping]]] = ...) -> None: ...

class GetAttendanceSheetRequest(_message.Message):
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

class AttendanceReason(_message.Message):
    __slots__ = ("code", "name")
    CODE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    code: str
    name: str
    def __init__(self, code: _Optional[str] = ..., name: _Optional[str] = ...) -> None: ...

class AttendanceMissed(_message.Message):
    __slots__ = ("by_reason", "total")
    BY_REASON_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    by_reason: _containers.RepeatedScalarFieldContainer[int]
    total: int
    def __init__(self, by_reason: _Optional[_Iterable[int]] = ..., total: _Optional[int] = ...) -> None: ...

class AttendanceSubjectLine(_message.Message):
    __slots__ = ("subject_id", "subject_name", "missed")
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    MISSED_FIELD_NUMBER: _ClassVar[int]
    subject_id: str
    subject_name: str
    missed: AttendanceMissed
    def __init__(self, subject_id: _Optional[str] = ..., subject_name: _Optional[str] = ..., missed: _Optional[_Union[AttendanceMissed, _Mapping]] = ...) -> None: ...

class AttendanceStudentLines(_message.Message):
    __slots__ = ("student_id", "student_name", "subjects", "missed")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_NAME_FIELD_NUMBER: _ClassVar[int]
    SUBJECTS_FIELD_NUMBER: _ClassVar[int]
    MISSED_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    student_name: str
    subjects: _containers.RepeatedCompositeFieldContainer[AttendanceSubjectLine]
    missed: AttendanceMissed
    def __init__(self, student_id: _Optional[str] = ..., student_name: _Optional[str] = ..., subjects: _Optional[_Iterable[_Union[AttendanceSubjectLine, _Mapping]]] = ..., missed: _Optional[_Union[AttendanceMissed, _Mapping]] = ...) -> None: ...

class AttendanceSheet(_message.Message):
    __slots__ = ("school_id", "school_name", "class_group_id", "class_group_name", "date_from", "date_to", "reasons", "students", "subjects", "missed")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_NAME_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_NAME_FIELD_NUMBER: _ClassVar[int]
    DATE_FROM_FIELD_NUMBER: _ClassVar[int]
    DATE_TO_FIELD_NUMBER: _ClassVar[int]
    REASONS_FIELD_NUMBER: _ClassVar[int]
    STUDENTS_FIELD_NUMBER: _ClassVar[int]
    SUBJECTS_FIELD_NUMBER: _ClassVar[int]
    MISSED_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    school_name: str
    class_group_id: str
    class_group_name: str
    date_from: str
    date_to: str
    reasons: _containers.RepeatedCompositeFieldContainer[AttendanceReason]
    students: _containers.RepeatedCompositeFieldContainer[AttendanceStudentLines]
    subjects: _containers.RepeatedCompositeFieldContainer[AttendanceSubjectLine]
    missed: AttendanceMissed
    def __init__(self, school_id: _Optional[str] = ..., school_name: _Optional[str] = ..., class_group_id: _Optional[str] = ..., class_group_name: _Optional[str] = ..., date_from: _Optional[str] = ..., date_to: _Optional[str] = ..., reasons: _Optional[_Iterable[_Union[AttendanceReason, _Mapping]]] = ..., students: _Optional[_Iterable[_Union[AttendanceStudentLines, _Mapping]]] = ..., subjects: _Optional[_Iterable[_Union[AttendanceSubjectLine, _Mapping]]] = ..., missed: _Optional[_Union[AttendanceMissed, _Mapping]] = ...) -> None: ...

class ListReportPeriodsRequest(_message.Message):
    __slots__ = ("school_id", "class_group_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    class_group_id: str
    def __init__(self, school_id: _Optional[str] = ..., class_group_id: _Optional[str] = ...) -> None: ...

class ReportPeriod(_message.Message):
    __slots__ = ("id", "name", "date_from", "date_to")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DATE_FROM_FIELD_NUMBER: _ClassVar[int]
    DATE_TO_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    date_from: str
    date_to: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., date_from: _Optional[str] = ..., date_to: _Optional[str] = ...) -> None: ...

class ReportPeriods(_message.Message):
    __slots__ = ("class_group_id", "class_group_name", "periods")
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_NAME_FIELD_NUMBER: _ClassVar[int]
    PERIODS_FIELD_NUMBER: _ClassVar[int]
    class_group_id: str
    class_group_name: str
    periods: _containers.RepeatedCompositeFieldContainer[ReportPeriod]
    def __init__(self, class_group_id: _Optional[str] = ..., class_group_name: _Optional[str] = ..., periods: _Optional[_Iterable[_Union[ReportPeriod, _Mapping]]] = ...) -> None: ...

class StartReportJobRequest(_message.Message):
    __slots__ = ("school_id", "kind", "params", "format")
    class ParamsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    PARAMS_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    kind: str
    params: _containers.ScalarMap[str, str]
    format: str
    def __init__(self, school_id: _Optional[str] = ..., kind: _Optional[str] = ..., params: _Optional[_Mapping[str, str]] = ..., format: _Optional[str] = ...) -> None: ...

class GetReportJobRequest(_message.Message):
    __slots__ = ("school_id", "job_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    job_id: str
    def __init__(self, school_id: _Optional[str] = ..., job_id: _Optional[str] = ...) -> None: ...

class ListReportJobsRequest(_message.Message):
    __slots__ = ("school_id",)
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    def __init__(self, school_id: _Optional[str] = ...) -> None: ...

class ReportJob(_message.Message):
    __slots__ = ("id", "kind", "kind_name", "params", "format", "status", "done", "total", "reason", "filename", "media_type", "size", "requested_by", "created_at", "finished_at", "expires_at", "scheduled_for")
    class ParamsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    KIND_NAME_FIELD_NUMBER: _ClassVar[int]
    PARAMS_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    DONE_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    MEDIA_TYPE_FIELD_NUMBER: _ClassVar[int]
    SIZE_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_BY_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    FINISHED_AT_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    SCHEDULED_FOR_FIELD_NUMBER: _ClassVar[int]
    id: str
    kind: str
    kind_name: str
    params: _containers.ScalarMap[str, str]
    format: str
    status: str
    done: int
    total: int
    reason: str
    filename: str
    media_type: str
    size: int
    requested_by: str
    created_at: str
    finished_at: str
    expires_at: str
    scheduled_for: str
    def __init__(self, id: _Optional[str] = ..., kind: _Optional[str] = ..., kind_name: _Optional[str] = ..., params: _Optional[_Mapping[str, str]] = ..., format: _Optional[str] = ..., status: _Optional[str] = ..., done: _Optional[int] = ..., total: _Optional[int] = ..., reason: _Optional[str] = ..., filename: _Optional[str] = ..., media_type: _Optional[str] = ..., size: _Optional[int] = ..., requested_by: _Optional[str] = ..., created_at: _Optional[str] = ..., finished_at: _Optional[str] = ..., expires_at: _Optional[str] = ..., scheduled_for: _Optional[str] = ...) -> None: ...

class ReportJobs(_message.Message):
    __slots__ = ("jobs",)
    JOBS_FIELD_NUMBER: _ClassVar[int]
    jobs: _containers.RepeatedCompositeFieldContainer[ReportJob]
    def __init__(self, jobs: _Optional[_Iterable[_Union[ReportJob, _Mapping]]] = ...) -> None: ...

class GetReportScheduleRequest(_message.Message):
    __slots__ = ("school_id",)
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    def __init__(self, school_id: _Optional[str] = ...) -> None: ...

class SetReportScheduleRequest(_message.Message):
    __slots__ = ("school_id", "summary_sheets_day", "period_reports", "activity_weekday")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    SUMMARY_SHEETS_DAY_FIELD_NUMBER: _ClassVar[int]
    PERIOD_REPORTS_FIELD_NUMBER: _ClassVar[int]
    ACTIVITY_WEEKDAY_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    summary_sheets_day: int
    period_reports: bool
    activity_weekday: int
    def __init__(self, school_id: _Optional[str] = ..., summary_sheets_day: _Optional[int] = ..., period_reports: _Optional[bool] = ..., activity_weekday: _Optional[int] = ...) -> None: ...

class ReportSchedule(_message.Message):
    __slots__ = ("summary_sheets_day", "period_reports", "activity_weekday")
    SUMMARY_SHEETS_DAY_FIELD_NUMBER: _ClassVar[int]
    PERIOD_REPORTS_FIELD_NUMBER: _ClassVar[int]
    ACTIVITY_WEEKDAY_FIELD_NUMBER: _ClassVar[int]
    summary_sheets_day: int
    period_reports: bool
    activity_weekday: int
    def __init__(self, summary_sheets_day: _Optional[int] = ..., period_reports: _Optional[bool] = ..., activity_weekday: _Optional[int] = ...) -> None: ...

class MarkValueCount(_message.Message):
    __slots__ = ("value", "count")
    VALUE_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    value: str
    count: int
    def __init__(self, value: _Optional[str] = ..., count: _Optional[int] = ...) -> None: ...

class PeriodLessons(_message.Message):
    __slots__ = ("planned", "to_date", "given", "lag")
    PLANNED_FIELD_NUMBER: _ClassVar[int]
    TO_DATE_FIELD_NUMBER: _ClassVar[int]
    GIVEN_FIELD_NUMBER: _ClassVar[int]
    LAG_FIELD_NUMBER: _ClassVar[int]
    planned: int
    to_date: int
    given: int
    lag: int
    def __init__(self, planned: _Optional[int] = ..., to_date: _Optional[int] = ..., given: _Optional[int] = ..., lag: _Optional[int] = ...) -> None: ...

class SubjectPeriodSummary(_message.Message):
    __slots__ = ("subject_id", "subject_name", "distribution", "with_result", "average", "quality", "pass_rate", "lessons")
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    DISTRIBUTION_FIELD_NUMBER: _ClassVar[int]
    WITH_RESULT_FIELD_NUMBER: _ClassVar[int]
    AVERAGE_FIELD_NUMBER: _ClassVar[int]
    QUALITY_FIELD_NUMBER: _ClassVar[int]
    PASS_RATE_FIELD_NUMBER: _ClassVar[int]
    LESSONS_FIELD_NUMBER: _ClassVar[int]
    subject_id: str
    subject_name: str
    distribution: _containers.RepeatedCompositeFieldContainer[MarkValueCount]
    with_result: int
    average: str
    quality: str
    pass_rate: str
    lessons: PeriodLessons
    def __init__(self, subject_id: _Optional[str] = ..., subject_name: _Optional[str] = ..., distribution: _Optional[_Iterable[_Union[MarkValueCount, _Mapping]]] = ..., with_result: _Optional[int] = ..., average: _Optional[str] = ..., quality: _Optional[str] = ..., pass_rate: _Optional[str] = ..., lessons: _Optional[_Union[PeriodLessons, _Mapping]] = ...) -> None: ...

class CategoryCount(_message.Message):
    __slots__ = ("category", "name", "count")
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    category: str
    name: str
    count: int
    def __init__(self, category: _Optional[str] = ..., name: _Optional[str] = ..., count: _Optional[int] = ...) -> None: ...

class PeriodRates(_message.Message):
    __slots__ = ("categories", "with_result", "quality", "pass_rate", "counted_on")
    CATEGORIES_FIELD_NUMBER: _ClassVar[int]
    WITH_RESULT_FIELD_NUMBER: _ClassVar[int]
    QUALITY_FIELD_NUMBER: _ClassVar[int]
    PASS_RATE_FIELD_NUMBER: _ClassVar[int]
    COUNTED_ON_FIELD_NUMBER: _ClassVar[int]
    categories: _containers.RepeatedCompositeFieldContainer[CategoryCount]
    with_result: int
    quality: str
    pass_rate: str
    counted_on: str
    def __init__(self, categories: _Optional[_Iterable[_Union[CategoryCount, _Mapping]]] = ..., with_result: _Optional[int] = ..., quality: _Optional[str] = ..., pass_rate: _Optional[str] = ..., counted_on: _Optional[str] = ...) -> None: ...

class GetSubjectTeacherReportRequest(_message.Message):
    __slots__ = ("school_id", "teacher_id", "period_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    TEACHER_ID_FIELD_NUMBER: _ClassVar[int]
    PERIOD_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    teacher_id: str
    period_id: str
    def __init__(self, school_id: _Optional[str] = ..., teacher_id: _Optional[str] = ..., period_id: _Optional[str] = ...) -> None: ...

class SubjectTeacherRow(_message.Message):
    __slots__ = ("class_group_id", "class_group_name", "period", "subject")
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_NAME_FIELD_NUMBER: _ClassVar[int]
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    class_group_id: str
    class_group_name: str
    period: ReportPeriod
    subject: SubjectPeriodSummary
    def __init__(self, class_group_id: _Optional[str] = ..., class_group_name: _Optional[str] = ..., period: _Optional[_Union[ReportPeriod, _Mapping]] = ..., subject: _Optional[_Union[SubjectPeriodSummary, _Mapping]] = ...) -> None: ...

class SubjectTeacherReport(_message.Message):
    __slots__ = ("school_id", "school_name", "teacher_id", "period_id", "period_name", "periods", "rows", "totals")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_NAME_FIELD_NUMBER: _ClassVar[int]
    TEACHER_ID_FIELD_NUMBER: _ClassVar[int]
    PERIOD_ID_FIELD_NUMBER: _ClassVar[int]
    PERIOD_NAME_FIELD_NUMBER: _ClassVar[int]
    PERIODS_FIELD_NUMBER: _ClassVar[int]
    ROWS_FIELD_NUMBER: _ClassVar[int]
    TOTALS_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    school_name: str
    teacher_id: str
    period_id: str
    period_name: str
    periods: _containers.RepeatedCompositeFieldContainer[ReportPeriod]
    rows: _containers.RepeatedCompositeFieldContainer[SubjectTeacherRow]
    totals: _containers.RepeatedCompositeFieldContainer[SubjectPeriodSummary]
    def __init__(self, school_id: _Optional[str] = ..., school_name: _Optional[str] = ..., teacher_id: _Optional[str] = ..., period_id: _Optional[str] = ..., period_name: _Optional[str] = ..., periods: _Optional[_Iterable[_Union[ReportPeriod, _Mapping]]] = ..., rows: _Optional[_Iterable[_Union[SubjectTeacherRow, _Mapping]]] = ..., totals: _Optional[_Iterable[_Union[SubjectPeriodSummary, _Mapping]]] = ...) -> None: ...

class GetClassPeriodReportRequest(_message.Message):
    __slots__ = ("school_id", "class_group_id", "period_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    PERIOD_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    class_group_id: str
    period_id: str
    def __init__(self, school_id: _Optional[str] = ..., class_group_id: _Optional[str] = ..., period_id: _Optional[str] = ...) -> None: ...

class ListedStudent(_message.Message):
    __slots__ = ("student_id", "student_name", "subject_names")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_NAME_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_NAMES_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    student_name: str
    subject_names: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, student_id: _Optional[str] = ..., student_name: _Optional[str] = ..., subject_names: _Optional[_Iterable[str]] = ...) -> None: ...

class StudentList(_message.Message):
    __slots__ = ("category", "title", "students")
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    STUDENTS_FIELD_NUMBER: _ClassVar[int]
    category: str
    title: str
    students: _containers.RepeatedCompositeFieldContainer[ListedStudent]
    def __init__(self, category: _Optional[str] = ..., title: _Optional[str] = ..., students: _Optional[_Iterable[_Union[ListedStudent, _Mapping]]] = ...) -> None: ...

class FormTeacherReport(_message.Message):
    __slots__ = ("school_id", "school_name", "class_group_id", "class_group_name", "period", "subjects", "rates", "attendance", "lists")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_NAME_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_NAME_FIELD_NUMBER: _ClassVar[int]
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    SUBJECTS_FIELD_NUMBER: _ClassVar[int]
    RATES_FIELD_NUMBER: _ClassVar[int]
    ATTENDANCE_FIELD_NUMBER: _ClassVar[int]
    LISTS_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    school_name: str
    class_group_id: str
    class_group_name: str
    period: ReportPeriod
    subjects: _containers.RepeatedCompositeFieldContainer[SubjectPeriodSummary]
    rates: PeriodRates
    attendance: AttendanceSheet
    lists: _containers.RepeatedCompositeFieldContainer[StudentList]
    def __init__(self, school_id: _Optional[str] = ..., school_name: _Optional[str] = ..., class_group_id: _Optional[str] = ..., class_group_name: _Optional[str] = ..., period: _Optional[_Union[ReportPeriod, _Mapping]] = ..., subjects: _Optional[_Iterable[_Union[SubjectPeriodSummary, _Mapping]]] = ..., rates: _Optional[_Union[PeriodRates, _Mapping]] = ..., attendance: _Optional[_Union[AttendanceSheet, _Mapping]] = ..., lists: _Optional[_Iterable[_Union[StudentList, _Mapping]]] = ...) -> None: ...

class StudentPeriodResult(_message.Message):
    __slots__ = ("subject_id", "result", "estimated", "average", "period_mark")
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    RESULT_FIELD_NUMBER: _ClassVar[int]
    ESTIMATED_FIELD_NUMBER: _ClassVar[int]
    AVERAGE_FIELD_NUMBER: _ClassVar[int]
    PERIOD_MARK_FIELD_NUMBER: _ClassVar[int]
    subject_id: str
    result: str
    estimated: bool
    average: str
    period_mark: str
    def __init__(self, subject_id: _Optional[str] = ..., result: _Optional[str] = ..., estimated: _Optional[bool] = ..., average: _Optional[str] = ..., period_mark: _Optional[str] = ...) -> None: ...

class StudentPeriodResults(_message.Message):
    __slots__ = ("student_id", "student_name", "counted", "date_from", "date_to", "results", "average", "category", "category_name")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_NAME_FIELD_NUMBER: _ClassVar[int]
    COUNTED_FIELD_NUMBER: _ClassVar[int]
    DATE_FROM_FIELD_NUMBER: _ClassVar[int]
    DATE_TO_FIELD_NUMBER: _ClassVar[int]
    RESULTS_FIELD_NUMBER: _ClassVar[int]
    AVERAGE_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_NAME_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    student_name: str
    counted: bool
    date_from: str
    date_to: str
    results: _containers.RepeatedCompositeFieldContainer[StudentPeriodResult]
    average: str
    category: str
    category_name: str
    def __init__(self, student_id: _Optional[str] = ..., student_name: _Optional[str] = ..., counted: _Optional[bool] = ..., date_from: _Optional[str] = ..., date_to: _Optional[str] = ..., results: _Optional[_Iterable[_Union[StudentPeriodResult, _Mapping]]] = ..., average: _Optional[str] = ..., category: _Optional[str] = ..., category_name: _Optional[str] = ...) -> None: ...

class ClassPeriodResults(_message.Message):
    __slots__ = ("school_id", "school_name", "class_group_id", "class_group_name", "period", "subjects", "students", "rates", "legend")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_NAME_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_NAME_FIELD_NUMBER: _ClassVar[int]
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    SUBJECTS_FIELD_NUMBER: _ClassVar[int]
    STUDENTS_FIELD_NUMBER: _ClassVar[int]
    RATES_FIELD_NUMBER: _ClassVar[int]
    LEGEND_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    school_name: str
    class_group_id: str
    class_group_name: str
    period: ReportPeriod
    subjects: _containers.RepeatedCompositeFieldContainer[SubjectPeriodSummary]
    students: _containers.RepeatedCompositeFieldContainer[StudentPeriodResults]
    rates: PeriodRates
    legend: str
    def __init__(self, school_id: _Optional[str] = ..., school_name: _Optional[str] = ..., class_group_id: _Optional[str] = ..., class_group_name: _Optional[str] = ..., period: _Optional[_Union[ReportPeriod, _Mapping]] = ..., subjects: _Optional[_Iterable[_Union[SubjectPeriodSummary, _Mapping]]] = ..., students: _Optional[_Iterable[_Union[StudentPeriodResults, _Mapping]]] = ..., rates: _Optional[_Union[PeriodRates, _Mapping]] = ..., legend: _Optional[str] = ...) -> None: ...

class GetStudentDynamicsRequest(_message.Message):
    __slots__ = ("school_id", "class_group_id", "student_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    class_group_id: str
    student_id: str
    def __init__(self, school_id: _Optional[str] = ..., class_group_id: _Optional[str] = ..., student_id: _Optional[str] = ...) -> None: ...

class DynamicsTerm(_message.Message):
    __slots__ = ("period_id", "name", "date_from", "date_to", "average", "change")
    PERIOD_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DATE_FROM_FIELD_NUMBER: _ClassVar[int]
    DATE_TO_FIELD_NUMBER: _ClassVar[int]
    AVERAGE_FIELD_NUMBER: _ClassVar[int]
    CHANGE_FIELD_NUMBER: _ClassVar[int]
    period_id: str
    name: str
    date_from: str
    date_to: str
    average: str
    change: str
    def __init__(self, period_id: _Optional[str] = ..., name: _Optional[str] = ..., date_from: _Optional[str] = ..., date_to: _Optional[str] = ..., average: _Optional[str] = ..., change: _Optional[str] = ...) -> None: ...

class DynamicsCell(_message.Message):
    __slots__ = ("average", "term_mark")
    AVERAGE_FIELD_NUMBER: _ClassVar[int]
    TERM_MARK_FIELD_NUMBER: _ClassVar[int]
    average: str
    term_mark: str
    def __init__(self, average: _Optional[str] = ..., term_mark: _Optional[str] = ...) -> None: ...

class DynamicsSubject(_message.Message):
    __slots__ = ("subject_id", "subject_name", "terms")
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    TERMS_FIELD_NUMBER: _ClassVar[int]
    subject_id: str
    subject_name: str
    terms: _containers.RepeatedCompositeFieldContainer[DynamicsCell]
    def __init__(self, subject_id: _Optional[str] = ..., subject_name: _Optional[str] = ..., terms: _Optional[_Iterable[_Union[DynamicsCell, _Mapping]]] = ...) -> None: ...

class StudentDynamics(_message.Message):
    __slots__ = ("school_id", "school_name", "class_group_id", "class_group_name", "academic_year_name", "student_id", "student_name", "terms", "subjects")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_NAME_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_NAME_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_NAME_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_NAME_FIELD_NUMBER: _ClassVar[int]
    TERMS_FIELD_NUMBER: _ClassVar[int]
    SUBJECTS_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    school_name: str
    class_group_id: str
    class_group_name: str
    academic_year_name: str
    student_id: str
    student_name: str
    terms: _containers.RepeatedCompositeFieldContainer[DynamicsTerm]
    subjects: _containers.RepeatedCompositeFieldContainer[DynamicsSubject]
    def __init__(self, school_id: _Optional[str] = ..., school_name: _Optional[str] = ..., class_group_id: _Optional[str] = ..., class_group_name: _Optional[str] = ..., academic_year_name: _Optional[str] = ..., student_id: _Optional[str] = ..., student_name: _Optional[str] = ..., terms: _Optional[_Iterable[_Union[DynamicsTerm, _Mapping]]] = ..., subjects: _Optional[_Iterable[_Union[DynamicsSubject, _Mapping]]] = ...) -> None: ...

class GetReportCardsRequest(_message.Message):
    __slots__ = ("school_id", "class_group_id", "period_id", "student_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    PERIOD_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    class_group_id: str
    period_id: str
    student_id: str
    def __init__(self, school_id: _Optional[str] = ..., class_group_id: _Optional[str] = ..., period_id: _Optional[str] = ..., student_id: _Optional[str] = ...) -> None: ...

class ReportCardColumn(_message.Message):
    __slots__ = ("id", "name")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ...) -> None: ...

class ReportCardSubject(_message.Message):
    __slots__ = ("subject_id", "subject_name", "marks")
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    MARKS_FIELD_NUMBER: _ClassVar[int]
    subject_id: str
    subject_name: str
    marks: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, subject_id: _Optional[str] = ..., subject_name: _Optional[str] = ..., marks: _Optional[_Iterable[str]] = ...) -> None: ...

class ReportCard(_message.Message):
    __slots__ = ("student_id", "student_name", "subjects", "missed")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_NAME_FIELD_NUMBER: _ClassVar[int]
    SUBJECTS_FIELD_NUMBER: _ClassVar[int]
    MISSED_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    student_name: str
    subjects: _containers.RepeatedCompositeFieldContainer[ReportCardSubject]
    missed: AttendanceMissed
    def __init__(self, student_id: _Optional[str] = ..., student_name: _Optional[str] = ..., subjects: _Optional[_Iterable[_Union[ReportCardSubject, _Mapping]]] = ..., missed: _Optional[_Union[AttendanceMissed, _Mapping]] = ...) -> None: ...

class ReportCards(_message.Message):
    __slots__ = ("school_id", "school_name", "class_group_id", "class_group_name", "academic_year_name", "period", "columns", "reasons", "cards")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_NAME_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_NAME_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_NAME_FIELD_NUMBER: _ClassVar[int]
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    COLUMNS_FIELD_NUMBER: _ClassVar[int]
    REASONS_FIELD_NUMBER: _ClassVar[int]
    CARDS_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    school_name: str
    class_group_id: str
    class_group_name: str
    academic_year_name: str
    period: ReportPeriod
    columns: _containers.RepeatedCompositeFieldContainer[ReportCardColumn]
    reasons: _containers.RepeatedCompositeFieldContainer[AttendanceReason]
    cards: _containers.RepeatedCompositeFieldContainer[ReportCard]
    def __init__(self, school_id: _Optional[str] = ..., school_name: _Optional[str] = ..., class_group_id: _Optional[str] = ..., class_group_name: _Optional[str] = ..., academic_year_name: _Optional[str] = ..., period: _Optional[_Union[ReportPeriod, _Mapping]] = ..., columns: _Optional[_Iterable[_Union[ReportCardColumn, _Mapping]]] = ..., reasons: _Optional[_Iterable[_Union[AttendanceReason, _Mapping]]] = ..., cards: _Optional[_Iterable[_Union[ReportCard, _Mapping]]] = ...) -> None: ...

class GetStudentProgressRequest(_message.Message):
    __slots__ = ("school_id", "class_group_id", "period_id", "student_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    PERIOD_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    class_group_id: str
    period_id: str
    student_id: str
    def __init__(self, school_id: _Optional[str] = ..., class_group_id: _Optional[str] = ..., period_id: _Optional[str] = ..., student_id: _Optional[str] = ...) -> None: ...

class ProgressSubject(_message.Message):
    __slots__ = ("subject_id", "subject_name", "marks", "average", "period_mark", "missed")
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    MARKS_FIELD_NUMBER: _ClassVar[int]
    AVERAGE_FIELD_NUMBER: _ClassVar[int]
    PERIOD_MARK_FIELD_NUMBER: _ClassVar[int]
    MISSED_FIELD_NUMBER: _ClassVar[int]
    subject_id: str
    subject_name: str
    marks: _containers.RepeatedScalarFieldContainer[str]
    average: str
    period_mark: str
    missed: AttendanceMissed
    def __init__(self, subject_id: _Optional[str] = ..., subject_name: _Optional[str] = ..., marks: _Optional[_Iterable[str]] = ..., average: _Optional[str] = ..., period_mark: _Optional[str] = ..., missed: _Optional[_Union[AttendanceMissed, _Mapping]] = ...) -> None: ...

class StudentProgress(_message.Message):
    __slots__ = ("student_id", "student_name", "subjects", "missed")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_NAME_FIELD_NUMBER: _ClassVar[int]
    SUBJECTS_FIELD_NUMBER: _ClassVar[int]
    MISSED_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    student_name: str
    subjects: _containers.RepeatedCompositeFieldContainer[ProgressSubject]
    missed: AttendanceMissed
    def __init__(self, student_id: _Optional[str] = ..., student_name: _Optional[str] = ..., subjects: _Optional[_Iterable[_Union[ProgressSubject, _Mapping]]] = ..., missed: _Optional[_Union[AttendanceMissed, _Mapping]] = ...) -> None: ...

class ProgressReport(_message.Message):
    __slots__ = ("school_id", "school_name", "class_group_id", "class_group_name", "academic_year_name", "period", "reasons", "students")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_NAME_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_NAME_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_NAME_FIELD_NUMBER: _ClassVar[int]
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    REASONS_FIELD_NUMBER: _ClassVar[int]
    STUDENTS_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    school_name: str
    class_group_id: str
    class_group_name: str
    academic_year_name: str
    period: ReportPeriod
    reasons: _containers.RepeatedCompositeFieldContainer[AttendanceReason]
    students: _containers.RepeatedCompositeFieldContainer[StudentProgress]
    def __init__(self, school_id: _Optional[str] = ..., school_name: _Optional[str] = ..., class_group_id: _Optional[str] = ..., class_group_name: _Optional[str] = ..., academic_year_name: _Optional[str] = ..., period: _Optional[_Union[ReportPeriod, _Mapping]] = ..., reasons: _Optional[_Iterable[_Union[AttendanceReason, _Mapping]]] = ..., students: _Optional[_Iterable[_Union[StudentProgress, _Mapping]]] = ...) -> None: ...

class GetGuardianLettersRequest(_message.Message):
    __slots__ = ("school_id", "class_group_id", "period_id", "student_id", "text")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    PERIOD_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    class_group_id: str
    period_id: str
    student_id: str
    text: str
    def __init__(self, school_id: _Optional[str] = ..., class_group_id: _Optional[str] = ..., period_id: _Optional[str] = ..., student_id: _Optional[str] = ..., text: _Optional[str] = ...) -> None: ...

class GuardianLetters(_message.Message):
    __slots__ = ("progress", "text")
    PROGRESS_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    progress: ProgressReport
    text: str
    def __init__(self, progress: _Optional[_Union[ProgressReport, _Mapping]] = ..., text: _Optional[str] = ...) -> None: ...

class ListSchoolPeriodsRequest(_message.Message):
    __slots__ = ("school_id", "academic_year_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    academic_year_id: str
    def __init__(self, school_id: _Optional[str] = ..., academic_year_id: _Optional[str] = ...) -> None: ...

class SchoolPeriod(_message.Message):
    __slots__ = ("id", "name", "date_from", "date_to", "grade_from", "grade_to", "grades", "due_date", "status")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DATE_FROM_FIELD_NUMBER: _ClassVar[int]
    DATE_TO_FIELD_NUMBER: _ClassVar[int]
    GRADE_FROM_FIELD_NUMBER: _ClassVar[int]
    GRADE_TO_FIELD_NUMBER: _ClassVar[int]
    GRADES_FIELD_NUMBER: _ClassVar[int]
    DUE_DATE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    date_from: str
    date_to: str
    grade_from: int
    grade_to: int
    grades: str
    due_date: str
    status: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., date_from: _Optional[str] = ..., date_to: _Optional[str] = ..., grade_from: _Optional[int] = ..., grade_to: _Optional[int] = ..., grades: _Optional[str] = ..., due_date: _Optional[str] = ..., status: _Optional[str] = ...) -> None: ...

class SchoolPeriods(_message.Message):
    __slots__ = ("academic_year_id", "academic_year_name", "today", "periods")
    ACADEMIC_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_NAME_FIELD_NUMBER: _ClassVar[int]
    TODAY_FIELD_NUMBER: _ClassVar[int]
    PERIODS_FIELD_NUMBER: _ClassVar[int]
    academic_year_id: str
    academic_year_name: str
    today: str
    periods: _containers.RepeatedCompositeFieldContainer[SchoolPeriod]
    def __init__(self, academic_year_id: _Optional[str] = ..., academic_year_name: _Optional[str] = ..., today: _Optional[str] = ..., periods: _Optional[_Iterable[_Union[SchoolPeriod, _Mapping]]] = ...) -> None: ...

class SchoolPeriodReportRequest(_message.Message):
    __slots__ = ("school_id", "academic_year_id", "period_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    PERIOD_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    academic_year_id: str
    period_id: str
    def __init__(self, school_id: _Optional[str] = ..., academic_year_id: _Optional[str] = ..., period_id: _Optional[str] = ...) -> None: ...

class ResultsRow(_message.Message):
    __slots__ = ("class_group_id", "name", "grade", "students", "with_result", "excellent", "good", "one_three", "satisfactory", "failing", "not_assessed", "quality", "pass_rate", "average")
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    GRADE_FIELD_NUMBER: _ClassVar[int]
    STUDENTS_FIELD_NUMBER: _ClassVar[int]
    WITH_RESULT_FIELD_NUMBER: _ClassVar[int]
    EXCELLENT_FIELD_NUMBER: _ClassVar[int]
    GOOD_FIELD_NUMBER: _ClassVar[int]
    ONE_THREE_FIELD_NUMBER: _ClassVar[int]
    SATISFACTORY_FIELD_NUMBER: _ClassVar[int]
    FAILING_FIELD_NUMBER: _ClassVar[int]
    NOT_ASSESSED_FIELD_NUMBER: _ClassVar[int]
    QUALITY_FIELD_NUMBER: _ClassVar[int]
    PASS_RATE_FIELD_NUMBER: _ClassVar[int]
    AVERAGE_FIELD_NUMBER: _ClassVar[int]
    class_group_id: str
    name: str
    grade: int
    students: int
    with_result: int
    excellent: int
    good: int
    one_three: int
    satisfactory: int
    failing: int
    not_assessed: int
    quality: str
    pass_rate: str
    average: str
    def __init__(self, class_group_id: _Optional[str] = ..., name: _Optional[str] = ..., grade: _Optional[int] = ..., students: _Optional[int] = ..., with_result: _Optional[int] = ..., excellent: _Optional[int] = ..., good: _Optional[int] = ..., one_three: _Optional[int] = ..., satisfactory: _Optional[int] = ..., failing: _Optional[int] = ..., not_assessed: _Optional[int] = ..., quality: _Optional[str] = ..., pass_rate: _Optional[str] = ..., average: _Optional[str] = ...) -> None: ...

class SubjectQuality(_message.Message):
    __slots__ = ("subject_id", "subject_name", "with_result", "quality", "pass_rate", "average")
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    WITH_RESULT_FIELD_NUMBER: _ClassVar[int]
    QUALITY_FIELD_NUMBER: _ClassVar[int]
    PASS_RATE_FIELD_NUMBER: _ClassVar[int]
    AVERAGE_FIELD_NUMBER: _ClassVar[int]
    subject_id: str
    subject_name: str
    with_result: int
    quality: str
    pass_rate: str
    average: str
    def __init__(self, subject_id: _Optional[str] = ..., subject_name: _Optional[str] = ..., with_result: _Optional[int] = ..., quality: _Optional[str] = ..., pass_rate: _Optional[str] = ..., average: _Optional[str] = ...) -> None: ...

class GradeSubjects(_message.Message):
    __slots__ = ("grade", "name", "subjects")
    GRADE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SUBJECTS_FIELD_NUMBER: _ClassVar[int]
    grade: int
    name: str
    subjects: _containers.RepeatedCompositeFieldContainer[SubjectQuality]
    def __init__(self, grade: _Optional[int] = ..., name: _Optional[str] = ..., subjects: _Optional[_Iterable[_Union[SubjectQuality, _Mapping]]] = ...) -> None: ...

class PeriodReportHeading(_message.Message):
    __slots__ = ("school_id", "school_name", "academic_year_id", "academic_year_name", "period_id", "period_name", "date_from", "date_to", "left_out")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_NAME_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_NAME_FIELD_NUMBER: _ClassVar[int]
    PERIOD_ID_FIELD_NUMBER: _ClassVar[int]
    PERIOD_NAME_FIELD_NUMBER: _ClassVar[int]
    DATE_FROM_FIELD_NUMBER: _ClassVar[int]
    DATE_TO_FIELD_NUMBER: _ClassVar[int]
    LEFT_OUT_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    school_name: str
    academic_year_id: str
    academic_year_name: str
    period_id: str
    period_name: str
    date_from: str
    date_to: str
    left_out: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, school_id: _Optional[str] = ..., school_name: _Optional[str] = ..., academic_year_id: _Optional[str] = ..., academic_year_name: _Optional[str] = ..., period_id: _Optional[str] = ..., period_name: _Optional[str] = ..., date_from: _Optional[str] = ..., date_to: _Optional[str] = ..., left_out: _Optional[_Iterable[str]] = ...) -> None: ...

class KnowledgeQuality(_message.Message):
    __slots__ = ("heading", "classes", "grades", "total", "subjects", "grade_subjects")
    HEADING_FIELD_NUMBER: _ClassVar[int]
    CLASSES_FIELD_NUMBER: _ClassVar[int]
    GRADES_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    SUBJECTS_FIELD_NUMBER: _ClassVar[int]
    GRADE_SUBJECTS_FIELD_NUMBER: _ClassVar[int]
    heading: PeriodReportHeading
    classes: _containers.RepeatedCompositeFieldContainer[ResultsRow]
    grades: _containers.RepeatedCompositeFieldContainer[ResultsRow]
    total: ResultsRow
    subjects: _containers.RepeatedCompositeFieldContainer[SubjectQuality]
    grade_subjects: _containers.RepeatedCompositeFieldContainer[GradeSubjects]
    def __init__(self, heading: _Optional[_Union[PeriodReportHeading, _Mapping]] = ..., classes: _Optional[_Iterable[_Union[ResultsRow, _Mapping]]] = ..., grades: _Optional[_Iterable[_Union[ResultsRow, _Mapping]]] = ..., total: _Optional[_Union[ResultsRow, _Mapping]] = ..., subjects: _Optional[_Iterable[_Union[SubjectQuality, _Mapping]]] = ..., grade_subjects: _Optional[_Iterable[_Union[GradeSubjects, _Mapping]]] = ...) -> None: ...

class SchoolSummaryRow(_message.Message):
    __slots__ = ("class_group_id", "name", "grade", "boys", "girls", "students", "results", "assessed", "missed", "lessons_planned", "lessons_given")
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    GRADE_FIELD_NUMBER: _ClassVar[int]
    BOYS_FIELD_NUMBER: _ClassVar[int]
    GIRLS_FIELD_NUMBER: _ClassVar[int]
    STUDENTS_FIELD_NUMBER: _ClassVar[int]
    RESULTS_FIELD_NUMBER: _ClassVar[int]
    ASSESSED_FIELD_NUMBER: _ClassVar[int]
    MISSED_FIELD_NUMBER: _ClassVar[int]
    LESSONS_PLANNED_FIELD_NUMBER: _ClassVar[int]
    LESSONS_GIVEN_FIELD_NUMBER: _ClassVar[int]
    class_group_id: str
    name: str
    grade: int
    boys: int
    girls: int
    students: int
    results: ResultsRow
    assessed: bool
    missed: AttendanceMissed
    lessons_planned: int
    lessons_given: int
    def __init__(self, class_group_id: _Optional[str] = ..., name: _Optional[str] = ..., grade: _Optional[int] = ..., boys: _Optional[int] = ..., girls: _Optional[int] = ..., students: _Optional[int] = ..., results: _Optional[_Union[ResultsRow, _Mapping]] = ..., assessed: _Optional[bool] = ..., missed: _Optional[_Union[AttendanceMissed, _Mapping]] = ..., lessons_planned: _Optional[int] = ..., lessons_given: _Optional[int] = ...) -> None: ...

class SchoolSummary(_message.Message):
    __slots__ = ("heading", "on_date", "reasons", "rows", "total")
    HEADING_FIELD_NUMBER: _ClassVar[int]
    ON_DATE_FIELD_NUMBER: _ClassVar[int]
    REASONS_FIELD_NUMBER: _ClassVar[int]
    ROWS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    heading: PeriodReportHeading
    on_date: str
    reasons: _containers.RepeatedCompositeFieldContainer[AttendanceReason]
    rows: _containers.RepeatedCompositeFieldContainer[SchoolSummaryRow]
    total: SchoolSummaryRow
    def __init__(self, heading: _Optional[_Union[PeriodReportHeading, _Mapping]] = ..., on_date: _Optional[str] = ..., reasons: _Optional[_Iterable[_Union[AttendanceReason, _Mapping]]] = ..., rows: _Optional[_Iterable[_Union[SchoolSummaryRow, _Mapping]]] = ..., total: _Optional[_Union[SchoolSummaryRow, _Mapping]] = ...) -> None: ...

class ProgressRow(_message.Message):
    __slots__ = ("now", "has_previous", "previous_quality", "previous_pass_rate", "quality_change", "pass_rate_change")
    NOW_FIELD_NUMBER: _ClassVar[int]
    HAS_PREVIOUS_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_QUALITY_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_PASS_RATE_FIELD_NUMBER: _ClassVar[int]
    QUALITY_CHANGE_FIELD_NUMBER: _ClassVar[int]
    PASS_RATE_CHANGE_FIELD_NUMBER: _ClassVar[int]
    now: ResultsRow
    has_previous: bool
    previous_quality: str
    previous_pass_rate: str
    quality_change: str
    pass_rate_change: str
    def __init__(self, now: _Optional[_Union[ResultsRow, _Mapping]] = ..., has_previous: _Optional[bool] = ..., previous_quality: _Optional[str] = ..., previous_pass_rate: _Optional[str] = ..., quality_change: _Optional[str] = ..., pass_rate_change: _Optional[str] = ...) -> None: ...

class ProgressSummary(_message.Message):
    __slots__ = ("heading", "previous_period_names", "grades", "total")
    HEADING_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_PERIOD_NAMES_FIELD_NUMBER: _ClassVar[int]
    GRADES_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    heading: PeriodReportHeading
    previous_period_names: _containers.RepeatedScalarFieldContainer[str]
    grades: _containers.RepeatedCompositeFieldContainer[ProgressRow]
    total: ProgressRow
    def __init__(self, heading: _Optional[_Union[PeriodReportHeading, _Mapping]] = ..., previous_period_names: _Optional[_Iterable[str]] = ..., grades: _Optional[_Iterable[_Union[ProgressRow, _Mapping]]] = ..., total: _Optional[_Union[ProgressRow, _Mapping]] = ...) -> None: ...

class GetCurriculumFulfilmentRequest(_message.Message):
    __slots__ = ("school_id", "academic_year_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    academic_year_id: str
    def __init__(self, school_id: _Optional[str] = ..., academic_year_id: _Optional[str] = ...) -> None: ...

class CurriculumFulfilmentRow(_message.Message):
    __slots__ = ("class_group_id", "class_group_name", "subject_id", "subject_name", "hours_per_week", "study_weeks", "hours_per_year", "lessons_planned", "lessons_to_date", "lessons_given", "lag", "fulfilment")
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_NAME_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    HOURS_PER_WEEK_FIELD_NUMBER: _ClassVar[int]
    STUDY_WEEKS_FIELD_NUMBER: _ClassVar[int]
    HOURS_PER_YEAR_FIELD_NUMBER: _ClassVar[int]
    LESSONS_PLANNED_FIELD_NUMBER: _ClassVar[int]
    LESSONS_TO_DATE_FIELD_NUMBER: _ClassVar[int]
    LESSONS_GIVEN_FIELD_NUMBER: _ClassVar[int]
    LAG_FIELD_NUMBER: _ClassVar[int]
    FULFILMENT_FIELD_NUMBER: _ClassVar[int]
    class_group_id: str
    class_group_name: str
    subject_id: str
    subject_name: str
    hours_per_week: str
    study_weeks: int
    hours_per_year: str
    lessons_planned: int
    lessons_to_date: int
    lessons_given: int
    lag: int
    fulfilment: str
    def __init__(self, class_group_id: _Optional[str] = ..., class_group_name: _Optional[str] = ..., subject_id: _Optional[str] = ..., subject_name: _Optional[str] = ..., hours_per_week: _Optional[str] = ..., study_weeks: _Optional[int] = ..., hours_per_year: _Optional[str] = ..., lessons_planned: _Optional[int] = ..., lessons_to_date: _Optional[int] = ..., lessons_given: _Optional[int] = ..., lag: _Optional[int] = ..., fulfilment: _Optional[str] = ...) -> None: ...

class CurriculumFulfilment(_message.Message):
    __slots__ = ("school_id", "school_name", "academic_year_id", "academic_year_name", "as_of", "rows", "total")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_NAME_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_NAME_FIELD_NUMBER: _ClassVar[int]
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    ROWS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    school_name: str
    academic_year_id: str
    academic_year_name: str
    as_of: str
    rows: _containers.RepeatedCompositeFieldContainer[CurriculumFulfilmentRow]
    total: CurriculumFulfilmentRow
    def __init__(self, school_id: _Optional[str] = ..., school_name: _Optional[str] = ..., academic_year_id: _Optional[str] = ..., academic_year_name: _Optional[str] = ..., as_of: _Optional[str] = ..., rows: _Optional[_Iterable[_Union[CurriculumFulfilmentRow, _Mapping]]] = ..., total: _Optional[_Union[CurriculumFulfilmentRow, _Mapping]] = ...) -> None: ...

class GetUserActivityRequest(_message.Message):
    __slots__ = ("school_id", "week_of")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    WEEK_OF_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    week_of: str
    def __init__(self, school_id: _Optional[str] = ..., week_of: _Optional[str] = ...) -> None: ...

class ActivityCounts(_message.Message):
    __slots__ = ("days_signed_in", "sign_ins", "topics", "marks", "marks_corrected", "attendance", "homework", "period_marks")
    DAYS_SIGNED_IN_FIELD_NUMBER: _ClassVar[int]
    SIGN_INS_FIELD_NUMBER: _ClassVar[int]
    TOPICS_FIELD_NUMBER: _ClassVar[int]
    MARKS_FIELD_NUMBER: _ClassVar[int]
    MARKS_CORRECTED_FIELD_NUMBER: _ClassVar[int]
    ATTENDANCE_FIELD_NUMBER: _ClassVar[int]
    HOMEWORK_FIELD_NUMBER: _ClassVar[int]
    PERIOD_MARKS_FIELD_NUMBER: _ClassVar[int]
    days_signed_in: int
    sign_ins: int
    topics: int
    marks: int
    marks_corrected: int
    attendance: int
    homework: int
    period_marks: int
    def __init__(self, days_signed_in: _Optional[int] = ..., sign_ins: _Optional[int] = ..., topics: _Optional[int] = ..., marks: _Optional[int] = ..., marks_corrected: _Optional[int] = ..., attendance: _Optional[int] = ..., homework: _Optional[int] = ..., period_marks: _Optional[int] = ...) -> None: ...

class UserActivityRow(_message.Message):
    __slots__ = ("name", "roles", "counts")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ROLES_FIELD_NUMBER: _ClassVar[int]
    COUNTS_FIELD_NUMBER: _ClassVar[int]
    name: str
    roles: str
    counts: ActivityCounts
    def __init__(self, name: _Optional[str] = ..., roles: _Optional[str] = ..., counts: _Optional[_Union[ActivityCounts, _Mapping]] = ...) -> None: ...

class UserActivity(_message.Message):
    __slots__ = ("school_id", "school_name", "week_from", "week_to", "rows", "idle", "total")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_NAME_FIELD_NUMBER: _ClassVar[int]
    WEEK_FROM_FIELD_NUMBER: _ClassVar[int]
    WEEK_TO_FIELD_NUMBER: _ClassVar[int]
    ROWS_FIELD_NUMBER: _ClassVar[int]
    IDLE_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    school_name: str
    week_from: str
    week_to: str
    rows: _containers.RepeatedCompositeFieldContainer[UserActivityRow]
    idle: _containers.RepeatedCompositeFieldContainer[UserActivityRow]
    total: ActivityCounts
    def __init__(self, school_id: _Optional[str] = ..., school_name: _Optional[str] = ..., week_from: _Optional[str] = ..., week_to: _Optional[str] = ..., rows: _Optional[_Iterable[_Union[UserActivityRow, _Mapping]]] = ..., idle: _Optional[_Iterable[_Union[UserActivityRow, _Mapping]]] = ..., total: _Optional[_Union[ActivityCounts, _Mapping]] = ...) -> None: ...

class GetFormOsh1Request(_message.Message):
    __slots__ = ("school_id", "academic_year_id", "on_date")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    ON_DATE_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    academic_year_id: str
    on_date: str
    def __init__(self, school_id: _Optional[str] = ..., academic_year_id: _Optional[str] = ..., on_date: _Optional[str] = ...) -> None: ...

class GetMunicipalFormOsh1Request(_message.Message):
    __slots__ = ("on_date",)
    ON_DATE_FIELD_NUMBER: _ClassVar[int]
    on_date: str
    def __init__(self, on_date: _Optional[str] = ...) -> None: ...

class FormOsh1Line(_message.Message):
    __slots__ = ("number", "name", "total", "by_grade", "crossed", "blank")
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    BY_GRADE_FIELD_NUMBER: _ClassVar[int]
    CROSSED_FIELD_NUMBER: _ClassVar[int]
    BLANK_FIELD_NUMBER: _ClassVar[int]
    number: str
    name: str
    total: int
    by_grade: _containers.RepeatedScalarFieldContainer[int]
    crossed: _containers.RepeatedScalarFieldContainer[bool]
    blank: bool
    def __init__(self, number: _Optional[str] = ..., name: _Optional[str] = ..., total: _Optional[int] = ..., by_grade: _Optional[_Iterable[int]] = ..., crossed: _Optional[_Iterable[bool]] = ..., blank: _Optional[bool] = ...) -> None: ...

class FormOsh1Section(_message.Message):
    __slots__ = ("code", "title", "lines", "note")
    CODE_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    code: str
    title: str
    lines: _containers.RepeatedCompositeFieldContainer[FormOsh1Line]
    note: str
    def __init__(self, code: _Optional[str] = ..., title: _Optional[str] = ..., lines: _Optional[_Iterable[_Union[FormOsh1Line, _Mapping]]] = ..., note: _Optional[str] = ...) -> None: ...

class FormOsh1(_message.Message):
    __slots__ = ("school_id", "name", "on_date", "academic_year_name", "previous_year_name", "age_reference", "sections", "schools")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    ON_DATE_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_NAME_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_YEAR_NAME_FIELD_NUMBER: _ClassVar[int]
    AGE_REFERENCE_FIELD_NUMBER: _ClassVar[int]
    SECTIONS_FIELD_NUMBER: _ClassVar[int]
    SCHOOLS_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    name: str
    on_date: str
    academic_year_name: str
    previous_year_name: str
    age_reference: str
    sections: _containers.RepeatedCompositeFieldContainer[FormOsh1Section]
    schools: int
    def __init__(self, school_id: _Optional[str] = ..., name: _Optional[str] = ..., on_date: _Optional[str] = ..., academic_year_name: _Optional[str] = ..., previous_year_name: _Optional[str] = ..., age_reference: _Optional[str] = ..., sections: _Optional[_Iterable[_Union[FormOsh1Section, _Mapping]]] = ..., schools: _Optional[int] = ...) -> None: ...

class AuthorityMissed(_message.Message):
    __slots__ = ("reason", "name", "lessons", "percent")
    REASON_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    LESSONS_FIELD_NUMBER: _ClassVar[int]
    PERCENT_FIELD_NUMBER: _ClassVar[int]
    reason: str
    name: str
    lessons: int
    percent: str
    def __init__(self, reason: _Optional[str] = ..., name: _Optional[str] = ..., lessons: _Optional[int] = ..., percent: _Optional[str] = ...) -> None: ...

class AuthorityMetrics(_message.Message):
    __slots__ = ("classes", "students", "average", "quality", "pass_rate", "lessons_missed", "missed_per_student", "missed_by_reason", "lessons_to_date", "lessons_on_time", "fill_rate", "staff", "staff_activated", "staff_activated_rate", "families", "families_activated", "families_activated_rate", "archives_sealed", "period_name", "date_from", "date_to", "grade", "period")
    CLASSES_FIELD_NUMBER: _ClassVar[int]
    STUDENTS_FIELD_NUMBER: _ClassVar[int]
    AVERAGE_FIELD_NUMBER: _ClassVar[int]
    QUALITY_FIELD_NUMBER: _ClassVar[int]
    PASS_RATE_FIELD_NUMBER: _ClassVar[int]
    LESSONS_MISSED_FIELD_NUMBER: _ClassVar[int]
    MISSED_PER_STUDENT_FIELD_NUMBER: _ClassVar[int]
    MISSED_BY_REASON_FIELD_NUMBER: _ClassVar[int]
    LESSONS_TO_DATE_FIELD_NUMBER: _ClassVar[int]
    LESSONS_ON_TIME_FIELD_NUMBER: _ClassVar[int]
    FILL_RATE_FIELD_NUMBER: _ClassVar[int]
    STAFF_FIELD_NUMBER: _ClassVar[int]
    STAFF_ACTIVATED_FIELD_NUMBER: _ClassVar[int]
    STAFF_ACTIVATED_RATE_FIELD_NUMBER: _ClassVar[int]
    FAMILIES_FIELD_NUMBER: _ClassVar[int]
    FAMILIES_ACTIVATED_FIELD_NUMBER: _ClassVar[int]
    FAMILIES_ACTIVATED_RATE_FIELD_NUMBER: _ClassVar[int]
    ARCHIVES_SEALED_FIELD_NUMBER: _ClassVar[int]
    PERIOD_NAME_FIELD_NUMBER: _ClassVar[int]
    DATE_FROM_FIELD_NUMBER: _ClassVar[int]
    DATE_TO_FIELD_NUMBER: _ClassVar[int]
    GRADE_FIELD_NUMBER: _ClassVar[int]
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    classes: int
    students: int
    average: str
    quality: str
    pass_rate: str
    lessons_missed: int
    missed_per_student: str
    missed_by_reason: _containers.RepeatedCompositeFieldContainer[AuthorityMissed]
    lessons_to_date: int
    lessons_on_time: int
    fill_rate: str
    staff: int
    staff_activated: int
    staff_activated_rate: str
    families: int
    families_activated: int
    families_activated_rate: str
    archives_sealed: int
    period_name: str
    date_from: str
    date_to: str
    grade: int
    period: str
    def __init__(self, classes: _Optional[int] = ..., students: _Optional[int] = ..., average: _Optional[str] = ..., quality: _Optional[str] = ..., pass_rate: _Optional[str] = ..., lessons_missed: _Optional[int] = ..., missed_per_student: _Optional[str] = ..., missed_by_reason: _Optional[_Iterable[_Union[AuthorityMissed, _Mapping]]] = ..., lessons_to_date: _Optional[int] = ..., lessons_on_time: _Optional[int] = ..., fill_rate: _Optional[str] = ..., staff: _Optional[int] = ..., staff_activated: _Optional[int] = ..., staff_activated_rate: _Optional[str] = ..., families: _Optional[int] = ..., families_activated: _Optional[int] = ..., families_activated_rate: _Optional[str] = ..., archives_sealed: _Optional[int] = ..., period_name: _Optional[str] = ..., date_from: _Optional[str] = ..., date_to: _Optional[str] = ..., grade: _Optional[int] = ..., period: _Optional[str] = ...) -> None: ...

class AuthorityPeriod(_message.Message):
    __slots__ = ("key", "name")
    KEY_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    key: str
    name: str
    def __init__(self, key: _Optional[str] = ..., name: _Optional[str] = ...) -> None: ...

class GetSchoolsOverviewRequest(_message.Message):
    __slots__ = ("year", "period", "sort", "descending")
    YEAR_FIELD_NUMBER: _ClassVar[int]
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    SORT_FIELD_NUMBER: _ClassVar[int]
    DESCENDING_FIELD_NUMBER: _ClassVar[int]
    year: str
    period: str
    sort: str
    descending: bool
    def __init__(self, year: _Optional[str] = ..., period: _Optional[str] = ..., sort: _Optional[str] = ..., descending: _Optional[bool] = ...) -> None: ...

class AuthoritySchoolRow(_message.Message):
    __slots__ = ("school_id", "school_name", "computed", "metrics")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_NAME_FIELD_NUMBER: _ClassVar[int]
    COMPUTED_FIELD_NUMBER: _ClassVar[int]
    METRICS_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    school_name: str
    computed: bool
    metrics: AuthorityMetrics
    def __init__(self, school_id: _Optional[str] = ..., school_name: _Optional[str] = ..., computed: _Optional[bool] = ..., metrics: _Optional[_Union[AuthorityMetrics, _Mapping]] = ...) -> None: ...

class SchoolsOverview(_message.Message):
    __slots__ = ("year", "period", "period_name", "years", "periods", "schools", "total", "sort", "descending", "computed_at")
    YEAR_FIELD_NUMBER: _ClassVar[int]
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    PERIOD_NAME_FIELD_NUMBER: _ClassVar[int]
    YEARS_FIELD_NUMBER: _ClassVar[int]
    PERIODS_FIELD_NUMBER: _ClassVar[int]
    SCHOOLS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    SORT_FIELD_NUMBER: _ClassVar[int]
    DESCENDING_FIELD_NUMBER: _ClassVar[int]
    COMPUTED_AT_FIELD_NUMBER: _ClassVar[int]
    year: str
    period: str
    period_name: str
    years: _containers.RepeatedScalarFieldContainer[str]
    periods: _containers.RepeatedCompositeFieldContainer[AuthorityPeriod]
    schools: _containers.RepeatedCompositeFieldContainer[AuthoritySchoolRow]
    total: AuthorityMetrics
    sort: str
    descending: bool
    computed_at: str
    def __init__(self, year: _Optional[str] = ..., period: _Optional[str] = ..., period_name: _Optional[str] = ..., years: _Optional[_Iterable[str]] = ..., periods: _Optional[_Iterable[_Union[AuthorityPeriod, _Mapping]]] = ..., schools: _Optional[_Iterable[_Union[AuthoritySchoolRow, _Mapping]]] = ..., total: _Optional[_Union[AuthorityMetrics, _Mapping]] = ..., sort: _Optional[str] = ..., descending: _Optional[bool] = ..., computed_at: _Optional[str] = ...) -> None: ...

class GetSchoolOverviewRequest(_message.Message):
    __slots__ = ("school_id", "year")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    year: str
    def __init__(self, school_id: _Optional[str] = ..., year: _Optional[str] = ...) -> None: ...

class SchoolOverview(_message.Message):
    __slots__ = ("school_id", "school_name", "year", "years", "rows", "computed_at")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_NAME_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    YEARS_FIELD_NUMBER: _ClassVar[int]
    ROWS_FIELD_NUMBER: _ClassVar[int]
    COMPUTED_AT_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    school_name: str
    year: str
    years: _containers.RepeatedScalarFieldContainer[str]
    rows: _containers.RepeatedCompositeFieldContainer[AuthorityMetrics]
    computed_at: str
    def __init__(self, school_id: _Optional[str] = ..., school_name: _Optional[str] = ..., year: _Optional[str] = ..., years: _Optional[_Iterable[str]] = ..., rows: _Optional[_Iterable[_Union[AuthorityMetrics, _Mapping]]] = ..., computed_at: _Optional[str] = ...) -> None: ...

class RefreshSchoolAggregatesRequest(_message.Message):
    __slots__ = ("school_id",)
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    def __init__(self, school_id: _Optional[str] = ...) -> None: ...

class RefreshSchoolAggregatesResponse(_message.Message):
    __slots__ = ("schools",)
    SCHOOLS_FIELD_NUMBER: _ClassVar[int]
    schools: int
    def __init__(self, schools: _Optional[int] = ...) -> None: ...

class GetWeeklyDiariesRequest(_message.Message):
    __slots__ = ("school_id", "class_group_id", "week_of", "student_ids")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    WEEK_OF_FIELD_NUMBER: _ClassVar[int]
    STUDENT_IDS_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    class_group_id: str
    week_of: str
    student_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, school_id: _Optional[str] = ..., class_group_id: _Optional[str] = ..., week_of: _Optional[str] = ..., student_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class DiaryMark(_message.Message):
    __slots__ = ("value", "work_type", "work_type_name", "comment")
    VALUE_FIELD_NUMBER: _ClassVar[int]
    WORK_TYPE_FIELD_NUMBER: _ClassVar[int]
    WORK_TYPE_NAME_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    value: str
    work_type: str
    work_type_name: str
    comment: str
    def __init__(self, value: _Optional[str] = ..., work_type: _Optional[str] = ..., work_type_name: _Optional[str] = ..., comment: _Optional[str] = ...) -> None: ...

class DiaryLesson(_message.Message):
    __slots__ = ("lesson_id", "date", "lesson_number", "starts_at", "subject_name", "topic", "homework", "own_homework", "marks", "attendance", "attendance_name")
    LESSON_ID_FIELD_NUMBER: _ClassVar[int]
    DATE_FIELD_NUMBER: _ClassVar[int]
    LESSON_NUMBER_FIELD_NUMBER: _ClassVar[int]
    STARTS_AT_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    TOPIC_FIELD_NUMBER: _ClassVar[int]
    HOMEWORK_FIELD_NUMBER: _ClassVar[int]
    OWN_HOMEWORK_FIELD_NUMBER: _ClassVar[int]
    MARKS_FIELD_NUMBER: _ClassVar[int]
    ATTENDANCE_FIELD_NUMBER: _ClassVar[int]
    ATTENDANCE_NAME_FIELD_NUMBER: _ClassVar[int]
    lesson_id: str
    date: str
    lesson_number: int
    starts_at: str
    subject_name: str
    topic: str
    homework: str
    own_homework: str
    marks: _containers.RepeatedCompositeFieldContainer[DiaryMark]
    attendance: str
    attendance_name: str
    def __init__(self, lesson_id: _Optional[str] = ..., date: _Optional[str] = ..., lesson_number: _Optional[int] = ..., starts_at: _Optional[str] = ..., subject_name: _Optional[str] = ..., topic: _Optional[str] = ..., homework: _Optional[str] = ..., own_homework: _Optional[str] = ..., marks: _Optional[_Iterable[_Union[DiaryMark, _Mapping]]] = ..., attendance: _Optional[str] = ..., attendance_name: _Optional[str] = ...) -> None: ...

class DiaryEvent(_message.Message):
    __slots__ = ("date", "starts_at", "ends_at", "title", "kind_name", "place")
    DATE_FIELD_NUMBER: _ClassVar[int]
    STARTS_AT_FIELD_NUMBER: _ClassVar[int]
    ENDS_AT_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    KIND_NAME_FIELD_NUMBER: _ClassVar[int]
    PLACE_FIELD_NUMBER: _ClassVar[int]
    date: str
    starts_at: str
    ends_at: str
    title: str
    kind_name: str
    place: str
    def __init__(self, date: _Optional[str] = ..., starts_at: _Optional[str] = ..., ends_at: _Optional[str] = ..., title: _Optional[str] = ..., kind_name: _Optional[str] = ..., place: _Optional[str] = ...) -> None: ...

class StudentWeek(_message.Message):
    __slots__ = ("student_id", "student_name", "lessons", "missed", "late")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_NAME_FIELD_NUMBER: _ClassVar[int]
    LESSONS_FIELD_NUMBER: _ClassVar[int]
    MISSED_FIELD_NUMBER: _ClassVar[int]
    LATE_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    student_name: str
    lessons: _containers.RepeatedCompositeFieldContainer[DiaryLesson]
    missed: AttendanceMissed
    late: int
    def __init__(self, student_id: _Optional[str] = ..., student_name: _Optional[str] = ..., lessons: _Optional[_Iterable[_Union[DiaryLesson, _Mapping]]] = ..., missed: _Optional[_Union[AttendanceMissed, _Mapping]] = ..., late: _Optional[int] = ...) -> None: ...

class WeeklyDiaries(_message.Message):
    __slots__ = ("school_id", "school_name", "class_group_id", "class_group_name", "date_from", "date_to", "students", "events", "reasons")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_NAME_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_NAME_FIELD_NUMBER: _ClassVar[int]
    DATE_FROM_FIELD_NUMBER: _ClassVar[int]
    DATE_TO_FIELD_NUMBER: _ClassVar[int]
    STUDENTS_FIELD_NUMBER: _ClassVar[int]
    EVENTS_FIELD_NUMBER: _ClassVar[int]
    REASONS_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    school_name: str
    class_group_id: str
    class_group_name: str
    date_from: str
    date_to: str
    students: _containers.RepeatedCompositeFieldContainer[StudentWeek]
    events: _containers.RepeatedCompositeFieldContainer[DiaryEvent]
    reasons: _containers.RepeatedCompositeFieldContainer[AttendanceReason]
    def __init__(self, school_id: _Optional[str] = ..., school_name: _Optional[str] = ..., class_group_id: _Optional[str] = ..., class_group_name: _Optional[str] = ..., date_from: _Optional[str] = ..., date_to: _Optional[str] = ..., students: _Optional[_Iterable[_Union[StudentWeek, _Mapping]]] = ..., events: _Optional[_Iterable[_Union[DiaryEvent, _Mapping]]] = ..., reasons: _Optional[_Iterable[_Union[AttendanceReason, _Mapping]]] = ...) -> None: ...

class GetClassJournalRequest(_message.Message):
    __slots__ = ("school_id", "class_group_id", "date_from", "date_to", "subject_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    DATE_FROM_FIELD_NUMBER: _ClassVar[int]
    DATE_TO_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    class_group_id: str
    date_from: str
    date_to: str
    subject_id: str
    def __init__(self, school_id: _Optional[str] = ..., class_group_id: _Optional[str] = ..., date_from: _Optional[str] = ..., date_to: _Optional[str] = ..., subject_id: _Optional[str] = ...) -> None: ...

class ClassJournalLesson(_message.Message):
    __slots__ = ("lesson_id", "date", "lesson_number", "topic", "homework", "subgroup_name")
    LESSON_ID_FIELD_NUMBER: _ClassVar[int]
    DATE_FIELD_NUMBER: _ClassVar[int]
    LESSON_NUMBER_FIELD_NUMBER: _ClassVar[int]
    TOPIC_FIELD_NUMBER: _ClassVar[int]
    HOMEWORK_FIELD_NUMBER: _ClassVar[int]
    SUBGROUP_NAME_FIELD_NUMBER: _ClassVar[int]
    lesson_id: str
    date: str
    lesson_number: int
    topic: str
    homework: str
    subgroup_name: str
    def __init__(self, lesson_id: _Optional[str] = ..., date: _Optional[str] = ..., lesson_number: _Optional[int] = ..., topic: _Optional[str] = ..., homework: _Optional[str] = ..., subgroup_name: _Optional[str] = ...) -> None: ...

class ClassJournalCell(_message.Message):
    __slots__ = ("marks", "attendance")
    MARKS_FIELD_NUMBER: _ClassVar[int]
    ATTENDANCE_FIELD_NUMBER: _ClassVar[int]
    marks: _containers.RepeatedScalarFieldContainer[str]
    attendance: str
    def __init__(self, marks: _Optional[_Iterable[str]] = ..., attendance: _Optional[str] = ...) -> None: ...

class ClassJournalPeriodMark(_message.Message):
    __slots__ = ("period_id", "period_name", "value")
    PERIOD_ID_FIELD_NUMBER: _ClassVar[int]
    PERIOD_NAME_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    period_id: str
    period_name: str
    value: str
    def __init__(self, period_id: _Optional[str] = ..., period_name: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...

class ClassJournalStudent(_message.Message):
    __slots__ = ("student_id", "student_name", "cells", "period_marks")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_NAME_FIELD_NUMBER: _ClassVar[int]
    CELLS_FIELD_NUMBER: _ClassVar[int]
    PERIOD_MARKS_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    student_name: str
    cells: _containers.RepeatedCompositeFieldContainer[ClassJournalCell]
    period_marks: _containers.RepeatedCompositeFieldContainer[ClassJournalPeriodMark]
    def __init__(self, student_id: _Optional[str] = ..., student_name: _Optional[str] = ..., cells: _Optional[_Iterable[_Union[ClassJournalCell, _Mapping]]] = ..., period_marks: _Optional[_Iterable[_Union[ClassJournalPeriodMark, _Mapping]]] = ...) -> None: ...

class ClassJournalSubject(_message.Message):
    __slots__ = ("subject_id", "subject_name", "teacher_names", "lessons", "students", "periods")
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    TEACHER_NAMES_FIELD_NUMBER: _ClassVar[int]
    LESSONS_FIELD_NUMBER: _ClassVar[int]
    STUDENTS_FIELD_NUMBER: _ClassVar[int]
    PERIODS_FIELD_NUMBER: _ClassVar[int]
    subject_id: str
    subject_name: str
    teacher_names: _containers.RepeatedScalarFieldContainer[str]
    lessons: _containers.RepeatedCompositeFieldContainer[ClassJournalLesson]
    students: _containers.RepeatedCompositeFieldContainer[ClassJournalStudent]
    periods: _containers.RepeatedCompositeFieldContainer[ClassJournalPeriodMark]
    def __init__(self, subject_id: _Optional[str] = ..., subject_name: _Optional[str] = ..., teacher_names: _Optional[_Iterable[str]] = ..., lessons: _Optional[_Iterable[_Union[ClassJournalLesson, _Mapping]]] = ..., students: _Optional[_Iterable[_Union[ClassJournalStudent, _Mapping]]] = ..., periods: _Optional[_Iterable[_Union[ClassJournalPeriodMark, _Mapping]]] = ...) -> None: ...

class ClassJournal(_message.Message):
    __slots__ = ("school_id", "school_name", "class_group_id", "class_group_name", "academic_year_name", "date_from", "date_to", "whole_year", "subjects")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_NAME_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_NAME_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_NAME_FIELD_NUMBER: _ClassVar[int]
    DATE_FROM_FIELD_NUMBER: _ClassVar[int]
    DATE_TO_FIELD_NUMBER: _ClassVar[int]
    WHOLE_YEAR_FIELD_NUMBER: _ClassVar[int]
    SUBJECTS_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    school_name: str
    class_group_id: str
    class_group_name: str
    academic_year_name: str
    date_from: str
    date_to: str
    whole_year: bool
    subjects: _containers.RepeatedCompositeFieldContainer[ClassJournalSubject]
    def __init__(self, school_id: _Optional[str] = ..., school_name: _Optional[str] = ..., class_group_id: _Optional[str] = ..., class_group_name: _Optional[str] = ..., academic_year_name: _Optional[str] = ..., date_from: _Optional[str] = ..., date_to: _Optional[str] = ..., whole_year: _Optional[bool] = ..., subjects: _Optional[_Iterable[_Union[ClassJournalSubject, _Mapping]]] = ...) -> None: ...

class ReportingYearReady(_message.Message):
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
