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
    __slots__ = ("student_id", "student_name", "cells", "date_from", "date_to")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_NAME_FIELD_NUMBER: _ClassVar[int]
    CELLS_FIELD_NUMBER: _ClassVar[int]
    DATE_FROM_FIELD_NUMBER: _ClassVar[int]
    DATE_TO_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    student_name: str
    cells: _containers.RepeatedCompositeFieldContainer[SummaryCell]
    date_from: str
    date_to: str
    def __init__(self, student_id: _Optional[str] = ..., student_name: _Optional[str] = ..., cells: _Optional[_Iterable[_Union[SummaryCell, _Mapping]]] = ..., date_from: _Optional[str] = ..., date_to: _Optional[str] = ...) -> None: ...

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
    __slots__ = ("school_id", "class_group_id", "class_group_name", "academic_year_name", "subjects", "rows", "periods")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_NAME_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_NAME_FIELD_NUMBER: _ClassVar[int]
    SUBJECTS_FIELD_NUMBER: _ClassVar[int]
    ROWS_FIELD_NUMBER: _ClassVar[int]
    PERIODS_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    class_group_id: str
    class_group_name: str
    academic_year_name: str
    subjects: _containers.RepeatedCompositeFieldContainer[SummarySubject]
    rows: _containers.RepeatedCompositeFieldContainer[SummaryRow]
    periods: _containers.RepeatedCompositeFieldContainer[SummaryPeriod]
    def __init__(self, school_id: _Optional[str] = ..., class_group_id: _Optional[str] = ..., class_group_name: _Optional[str] = ..., academic_year_name: _Optional[str] = ..., subjects: _Optional[_Iterable[_Union[SummarySubject, _Mapping]]] = ..., rows: _Optional[_Iterable[_Union[SummaryRow, _Mapping]]] = ..., periods: _Optional[_Iterable[_Union[SummaryPeriod, _Mapping]]] = ...) -> None: ...

class GetSummarySheetRequest(_message.Message):
    __slots__ = ("school_id", "class_group_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    class_group_id: str
    def __init__(self, school_id: _Optional[str] = ..., class_group_id: _Optional[str] = ...) -> None: ...

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
