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
