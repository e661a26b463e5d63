from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Term(_message.Message):
    __slots__ = ("id", "name", "kind", "start_date", "end_date", "grade_from", "grade_to")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    START_DATE_FIELD_NUMBER: _ClassVar[int]
    END_DATE_FIELD_NUMBER: _ClassVar[int]
    GRADE_FROM_FIELD_NUMBER: _ClassVar[int]
    GRADE_TO_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    kind: str
    start_date: str
    end_date: str
    grade_from: int
    grade_to: int
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., kind: _Optional[str] = ..., start_date: _Optional[str] = ..., end_date: _Optional[str] = ..., grade_from: _Optional[int] = ..., grade_to: _Optional[int] = ...) -> None: ...

class AcademicYear(_message.Message):
    __slots__ = ("id", "school_id", "name", "start_date", "end_date", "terms", "status")
    ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    START_DATE_FIELD_NUMBER: _ClassVar[int]
    END_DATE_FIELD_NUMBER: _ClassVar[int]
    TERMS_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    id: str
    school_id: str
    name: str
    start_date: str
    end_date: str
    terms: _containers.RepeatedCompositeFieldContainer[Term]
    status: str
    def __init__(self, id: _Optional[str] = ..., school_id: _Optional[str] = ..., name: _Optional[str] = ..., start_date: _Optional[str] = ..., end_date: _Optional[str] = ..., terms: _Optional[_Iterable[_Union[Term, _Mapping]]] = ..., status: _Optional[str] = ...) -> None: ...

class ClassGroup(_message.Message):
    __slots__ = ("id", "school_id", "academic_year_id", "grade", "name", "profile_id")
    ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    GRADE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROFILE_ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    school_id: str
    academic_year_id: str
    grade: int
    name: str
    profile_id: str
    def __init__(self, id: _Optional[str] = ..., school_id: _Optional[str] = ..., academic_year_id: _Optional[str] = ..., grade: _Optional[int] = ..., name: _Optional[str] = ..., profile_id: _Optional[str] = ...) -> None: ...

class Subject(_message.Message):
    __slots__ = ("id", "school_id", "name")
    ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    id: str
    school_id: str
    name: str
    def __init__(self, id: _Optional[str] = ..., school_id: _Optional[str] = ..., name: _Optional[str] = ...) -> None: ...

class TeachingAssignment(_message.Message):
    __slots__ = ("id", "school_id", "teacher_id", "subject_id", "class_group_id", "subgroup_id")
    ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    TEACHER_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    SUBGROUP_ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    school_id: str
    teacher_id: str
    subject_id: str
    class_group_id: str
    subgroup_id: str
    def __init__(self, id: _Optional[str] = ..., school_id: _Optional[str] = ..., teacher_id: _Optional[str] = ..., subject_id: _Optional[str] = ..., class_group_id: _Optional[str] = ..., subgroup_id: _Optional[str] = ...) -> None: ...

class TimetableEntry(_message.Message):
    __slots__ = ("id", "school_id", "class_group_id", "subject_id", "teacher_id", "weekday", "lesson_number", "starts_at", "ends_at", "room", "subgroup_id", "room_id", "bell_schedule_id", "starts_on", "ends_before", "subject_name", "subgroup_name", "draft")
    ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    TEACHER_ID_FIELD_NUMBER: _ClassVar[int]
    WEEKDAY_FIELD_NUMBER: _ClassVar[int]
    LESSON_NUMBER_FIELD_NUMBER: _ClassVar[int]
    STARTS_AT_FIELD_NUMBER: _ClassVar[int]
    ENDS_AT_FIELD_NUMBER: _ClassVar[int]
    ROOM_FIELD_NUMBER: _ClassVar[int]
    SUBGROUP_ID_FIELD_NUMBER: _ClassVar[int]
    ROOM_ID_FIELD_NUMBER: _ClassVar[int]
    BELL_SCHEDULE_ID_FIELD_NUMBER: _ClassVar[int]
    STARTS_ON_FIELD_NUMBER: _ClassVar[int]
    ENDS_BEFORE_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    SUBGROUP_NAME_FIELD_NUMBER: _ClassVar[int]
    DRAFT_FIELD_NUMBER: _ClassVar[int]
    id: str
    school_id: str
    class_group_id: str
    subject_id: str
    teacher_id: str
    weekday: int
    lesson_number: int
    starts_at: str
    ends_at: str
    room: str
    subgroup_id: str
    room_id: str
    bell_schedule_id: str
    starts_on: str
    ends_before: str
    subject_name: str
    subgroup_name: str
    draft: bool
    def __init__(self, id: _Optional[str] = ..., school_id: _Optional[str] = ..., class_group_id: _Optional[str] = ..., subject_id: _Optional[str] = ..., teacher_id: _Optional[str] = ..., weekday: _Optional[int] = ..., lesson_number: _Optional[int] = ..., starts_at: _Optional[str] = ..., ends_at: _Optional[str] = ..., room: _Optional[str] = ..., subgroup_id: _Optional[str] = ..., room_id: _Optional[str] = ..., bell_schedule_id: _Optional[str] = ..., starts_on: _Optional[str] = ..., ends_before: _Optional[str] = ..., subject_name: _Optional[str] = ..., subgroup_name: _Optional[str] = ..., draft: _Optional[bool] = ...) -> None: ...

class Lesson(_message.Message):
    __slots__ = ("id", "school_id", "class_group_id", "subject_id", "subject_name", "teacher_id", "date", "lesson_number", "starts_at", "ends_at", "term_id", "timetable_entry_id", "status", "year_closed", "subgroup_id", "subgroup_name", "substitute_teacher_id", "room", "moved_from_date", "change_note")
    ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    TEACHER_ID_FIELD_NUMBER: _ClassVar[int]
    DATE_FIELD_NUMBER: _ClassVar[int]
    LESSON_NUMBER_FIELD_NUMBER: _ClassVar[int]
    STARTS_AT_FIELD_NUMBER: _ClassVar[int]
    ENDS_AT_FIELD_NUMBER: _ClassVar[int]
    TERM_ID_FIELD_NUMBER: _ClassVar[int]
    TIMETABLE_ENTRY_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    YEAR_CLOSED_FIELD_NUMBER: _ClassVar[int]
    SUBGROUP_ID_FIELD_NUMBER: _ClassVar[int]
    SUBGROUP_NAME_FIELD_NUMBER: _ClassVar[int]
    SUBSTITUTE_TEACHER_ID_FIELD_NUMBER: _ClassVar[int]
    ROOM_FIELD_NUMBER: _ClassVar[int]
    MOVED_FROM_DATE_FIELD_NUMBER: _ClassVar[int]
    CHANGE_NOTE_FIELD_NUMBER: _ClassVar[int]
    id: str
    school_id: str
    class_group_id: str
    subject_id: str
    subject_name: str
    teacher_id: str
    date: str
    lesson_number: int
    starts_at: str
    ends_at: str
    term_id: str
    timetable_entry_id: str
    status: str
    year_closed: bool
    subgroup_id: str
    subgroup_name: str
    substitute_teacher_id: str
    room: str
    moved_from_date: str
    change_note: str
    def __init__(self, id: _Optional[str] = ..., school_id: _Optional[str] = ..., class_group_id: _Optional[str] = ..., subject_id: _Optional[str] = ..., subject_name: _Optional[str] = ..., teacher_id: _Optional[str] = ..., date: _Optional[str] = ..., lesson_number: _Optional[int] = ..., starts_at: _Optional[str] = ..., ends_at: _Optional[str] = ..., term_id: _Optional[str] = ..., timetable_entry_id: _Optional[str] = ..., status: _Optional[str] = ..., year_closed: _Optional[bool] = ..., subgroup_id: _Optional[str] = ..., subgroup_name: _Optional[str] = ..., substitute_teacher_id: _Optional[str] = ..., room: _Optional[str] = ..., moved_from_date: _Optional[str] = ..., change_note: _Optional[str] = ...) -> None: ...

class Subgroup(_message.Message):
    __slots__ = ("id", "school_id", "class_group_id", "name", "student_ids")
    ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    STUDENT_IDS_FIELD_NUMBER: _ClassVar[int]
    id: str
    school_id: str
    class_group_id: str
    name: str
    student_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, id: _Optional[str] = ..., school_id: _Optional[str] = ..., class_group_id: _Optional[str] = ..., name: _Optional[str] = ..., student_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class GetSubgroupRequest(_message.Message):
    __slots__ = ("school_id", "subgroup_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    SUBGROUP_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    subgroup_id: str
    def __init__(self, school_id: _Optional[str] = ..., subgroup_id: _Optional[str] = ...) -> None: ...

class CreateSubgroupRequest(_message.Message):
    __slots__ = ("school_id", "class_group_id", "name", "student_ids")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    STUDENT_IDS_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    class_group_id: str
    name: str
    student_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, school_id: _Optional[str] = ..., class_group_id: _Optional[str] = ..., name: _Optional[str] = ..., student_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class SetSubgroupStudentsRequest(_message.Message):
    __slots__ = ("school_id", "subgroup_id", "student_ids")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    SUBGROUP_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_IDS_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    subgroup_id: str
    student_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, school_id: _Optional[str] = ..., subgroup_id: _Optional[str] = ..., student_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class ListSubgroupsRequest(_message.Message):
    __slots__ = ("school_id", "class_group_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    class_group_id: str
    def __init__(self, school_id: _Optional[str] = ..., class_group_id: _Optional[str] = ...) -> None: ...

class ListSubgroupsResponse(_message.Message):
    __slots__ = ("subgroups",)
    SUBGROUPS_FIELD_NUMBER: _ClassVar[int]
    subgroups: _containers.RepeatedCompositeFieldContainer[Subgroup]
    def __init__(self, subgroups: _Optional[_Iterable[_Union[Subgroup, _Mapping]]] = ...) -> None: ...

class ReplaceTimetableEntryRequest(_message.Message):
    __slots__ = ("school_id", "entry_id", "effective_from", "entry")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    ENTRY_ID_FIELD_NUMBER: _ClassVar[int]
    EFFECTIVE_FROM_FIELD_NUMBER: _ClassVar[int]
    ENTRY_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    entry_id: str
    effective_from: str
    entry: TimetableEntry
    def __init__(self, school_id: _Optional[str] = ..., entry_id: _Optional[str] = ..., effective_from: _Optional[str] = ..., entry: _Optional[_Union[TimetableEntry, _Mapping]] = ...) -> None: ...

class DeleteTimetableEntryRequest(_message.Message):
    __slots__ = ("school_id", "entry_id", "effective_from")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    ENTRY_ID_FIELD_NUMBER: _ClassVar[int]
    EFFECTIVE_FROM_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    entry_id: str
    effective_from: str
    def __init__(self, school_id: _Optional[str] = ..., entry_id: _Optional[str] = ..., effective_from: _Optional[str] = ...) -> None: ...

class ChangeTimetableEntryResponse(_message.Message):
    __slots__ = ("entry", "lessons_created", "lessons_cancelled", "lessons_kept")
    ENTRY_FIELD_NUMBER: _ClassVar[int]
    LESSONS_CREATED_FIELD_NUMBER: _ClassVar[int]
    LESSONS_CANCELLED_FIELD_NUMBER: _ClassVar[int]
    LESSONS_KEPT_FIELD_NUMBER: _ClassVar[int]
    entry: TimetableEntry
    lessons_created: int
    lessons_cancelled: int
    lessons_kept: int
    def __init__(self, entry: _Optional[_Union[TimetableEntry, _Mapping]] = ..., lessons_created: _Optional[int] = ..., lessons_cancelled: _Optional[int] = ..., lessons_kept: _Optional[int] = ...) -> None: ...

class ListTimetableEntriesRequest(_message.Message):
    __slots__ = ("school_id", "class_group_id", "date")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    DATE_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    class_group_id: str
    date: str
    def __init__(self, school_id: _Optional[str] = ..., class_group_id: _Optional[str] = ..., date: _Optional[str] = ...) -> None: ...

class ListTimetableEntriesResponse(_message.Message):
    __slots__ = ("entries",)
    ENTRIES_FIELD_NUMBER: _ClassVar[int]
    entries: _containers.RepeatedCompositeFieldContainer[TimetableEntry]
    def __init__(self, entries: _Optional[_Iterable[_Union[TimetableEntry, _Mapping]]] = ...) -> None: ...

class CopyAcademicYearRequest(_message.Message):
    __slots__ = ("school_id", "source_year_id", "name")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    SOURCE_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    source_year_id: str
    name: str
    def __init__(self, school_id: _Optional[str] = ..., source_year_id: _Optional[str] = ..., name: _Optional[str] = ...) -> None: ...

class CopyAcademicYearResponse(_message.Message):
    __slots__ = ("academic_year", "class_groups", "subgroups", "curriculum_rows", "assignments", "profiles")
    ACADEMIC_YEAR_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUPS_FIELD_NUMBER: _ClassVar[int]
    SUBGROUPS_FIELD_NUMBER: _ClassVar[int]
    CURRICULUM_ROWS_FIELD_NUMBER: _ClassVar[int]
    ASSIGNMENTS_FIELD_NUMBER: _ClassVar[int]
    PROFILES_FIELD_NUMBER: _ClassVar[int]
    academic_year: AcademicYear
    class_groups: int
    subgroups: int
    curriculum_rows: int
    assignments: int
    profiles: int
    def __init__(self, academic_year: _Optional[_Union[AcademicYear, _Mapping]] = ..., class_groups: _Optional[int] = ..., subgroups: _Optional[int] = ..., curriculum_rows: _Optional[int] = ..., assignments: _Optional[int] = ..., profiles: _Optional[int] = ...) -> None: ...

class CancelLessonRequest(_message.Message):
    __slots__ = ("school_id", "lesson_id", "reason")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    LESSON_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    lesson_id: str
    reason: str
    def __init__(self, school_id: _Optional[str] = ..., lesson_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class MoveLessonRequest(_message.Message):
    __slots__ = ("school_id", "lesson_id", "date", "lesson_number", "starts_at", "ends_at", "reason")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    LESSON_ID_FIELD_NUMBER: _ClassVar[int]
    DATE_FIELD_NUMBER: _ClassVar[int]
    LESSON_NUMBER_FIELD_NUMBER: _ClassVar[int]
    STARTS_AT_FIELD_NUMBER: _ClassVar[int]
    ENDS_AT_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    lesson_id: str
    date: str
    lesson_number: int
    starts_at: str
    ends_at: str
    reason: str
    def __init__(self, school_id: _Optional[str] = ..., lesson_id: _Optional[str] = ..., date: _Optional[str] = ..., lesson_number: _Optional[int] = ..., starts_at: _Optional[str] = ..., ends_at: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class AssignSubstituteRequest(_message.Message):
    __slots__ = ("school_id", "lesson_id", "teacher_id", "reason")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    LESSON_ID_FIELD_NUMBER: _ClassVar[int]
    TEACHER_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    lesson_id: str
    teacher_id: str
    reason: str
    def __init__(self, school_id: _Optional[str] = ..., lesson_id: _Optional[str] = ..., teacher_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class SubstituteTeacherRequest(_message.Message):
    __slots__ = ("school_id", "teacher_id", "date_from", "date_to", "substitute_teacher_id", "reason")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    TEACHER_ID_FIELD_NUMBER: _ClassVar[int]
    DATE_FROM_FIELD_NUMBER: _ClassVar[int]
    DATE_TO_FIELD_NUMBER: _ClassVar[int]
    SUBSTITUTE_TEACHER_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    teacher_id: str
    date_from: str
    date_to: str
    substitute_teacher_id: str
    reason: str
    def __init__(self, school_id: _Optional[str] = ..., teacher_id: _Optional[str] = ..., date_from: _Optional[str] = ..., date_to: _Optional[str] = ..., substitute_teacher_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class SkippedLesson(_message.Message):
    __slots__ = ("lesson", "problem")
    LESSON_FIELD_NUMBER: _ClassVar[int]
    PROBLEM_FIELD_NUMBER: _ClassVar[int]
    lesson: Lesson
    problem: str
    def __init__(self, lesson: _Optional[_Union[Lesson, _Mapping]] = ..., problem: _Optional[str] = ...) -> None: ...

class SubstituteTeacherResponse(_message.Message):
    __slots__ = ("substituted", "skipped")
    SUBSTITUTED_FIELD_NUMBER: _ClassVar[int]
    SKIPPED_FIELD_NUMBER: _ClassVar[int]
    substituted: _containers.RepeatedCompositeFieldContainer[Lesson]
    skipped: _containers.RepeatedCompositeFieldContainer[SkippedLesson]
    def __init__(self, substituted: _Optional[_Iterable[_Union[Lesson, _Mapping]]] = ..., skipped: _Optional[_Iterable[_Union[SkippedLesson, _Mapping]]] = ...) -> None: ...

class Room(_message.Message):
    __slots__ = ("id", "school_id", "name")
    ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    id: str
    school_id: str
    name: str
    def __init__(self, id: _Optional[str] = ..., school_id: _Optional[str] = ..., name: _Optional[str] = ...) -> None: ...

class CreateRoomRequest(_message.Message):
    __slots__ = ("school_id", "name")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    name: str
    def __init__(self, school_id: _Optional[str] = ..., name: _Optional[str] = ...) -> None: ...

class ListRoomsRequest(_message.Message):
    __slots__ = ("school_id",)
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    def __init__(self, school_id: _Optional[str] = ...) -> None: ...

class ListRoomsResponse(_message.Message):
    __slots__ = ("rooms",)
    ROOMS_FIELD_NUMBER: _ClassVar[int]
    rooms: _containers.RepeatedCompositeFieldContainer[Room]
    def __init__(self, rooms: _Optional[_Iterable[_Union[Room, _Mapping]]] = ...) -> None: ...

class BellPeriod(_message.Message):
    __slots__ = ("lesson_number", "starts_at", "ends_at")
    LESSON_NUMBER_FIELD_NUMBER: _ClassVar[int]
    STARTS_AT_FIELD_NUMBER: _ClassVar[int]
    ENDS_AT_FIELD_NUMBER: _ClassVar[int]
    lesson_number: int
    starts_at: str
    ends_at: str
    def __init__(self, lesson_number: _Optional[int] = ..., starts_at: _Optional[str] = ..., ends_at: _Optional[str] = ...) -> None: ...

class BellSchedule(_message.Message):
    __slots__ = ("id", "school_id", "name", "periods")
    ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PERIODS_FIELD_NUMBER: _ClassVar[int]
    id: str
    school_id: str
    name: str
    periods: _containers.RepeatedCompositeFieldContainer[BellPeriod]
    def __init__(self, id: _Optional[str] = ..., school_id: _Optional[str] = ..., name: _Optional[str] = ..., periods: _Optional[_Iterable[_Union[BellPeriod, _Mapping]]] = ...) -> None: ...

class CreateBellScheduleRequest(_message.Message):
    __slots__ = ("school_id", "name", "periods")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PERIODS_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    name: str
    periods: _containers.RepeatedCompositeFieldContainer[BellPeriod]
    def __init__(self, school_id: _Optional[str] = ..., name: _Optional[str] = ..., periods: _Optional[_Iterable[_Union[BellPeriod, _Mapping]]] = ...) -> None: ...

class ListBellSchedulesRequest(_message.Message):
    __slots__ = ("school_id",)
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    def __init__(self, school_id: _Optional[str] = ...) -> None: ...

class ListBellSchedulesResponse(_message.Message):
    __slots__ = ("bell_schedules",)
    BELL_SCHEDULES_FIELD_NUMBER: _ClassVar[int]
    bell_schedules: _containers.RepeatedCompositeFieldContainer[BellSchedule]
    def __init__(self, bell_schedules: _Optional[_Iterable[_Union[BellSchedule, _Mapping]]] = ...) -> None: ...

class MismatchReport(_message.Message):
    __slots__ = ("id", "school_id", "lesson_id", "reporter_id", "message", "status", "resolution", "created_at", "lesson_date", "class_group_id", "subject_name")
    ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    LESSON_ID_FIELD_NUMBER: _ClassVar[int]
    REPORTER_ID_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    RESOLUTION_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    LESSON_DATE_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    id: str
    school_id: str
    lesson_id: str
    reporter_id: str
    message: str
    status: str
    resolution: str
    created_at: str
    lesson_date: str
    class_group_id: str
    subject_name: str
    def __init__(self, id: _Optional[str] = ..., school_id: _Optional[str] = ..., lesson_id: _Optional[str] = ..., reporter_id: _Optional[str] = ..., message: _Optional[str] = ..., status: _Optional[str] = ..., resolution: _Optional[str] = ..., created_at: _Optional[str] = ..., lesson_date: _Optional[str] = ..., class_group_id: _Optional[str] = ..., subject_name: _Optional[str] = ...) -> None: ...

class ReportMismatchRequest(_message.Message):
    __slots__ = ("school_id", "lesson_id", "message")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    LESSON_ID_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    lesson_id: str
    message: str
    def __init__(self, school_id: _Optional[str] = ..., lesson_id: _Optional[str] = ..., message: _Optional[str] = ...) -> None: ...

class ListMismatchReportsRequest(_message.Message):
    __slots__ = ("school_id", "status")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    status: str
    def __init__(self, school_id: _Optional[str] = ..., status: _Optional[str] = ...) -> None: ...

class ListMismatchReportsResponse(_message.Message):
    __slots__ = ("reports",)
    REPORTS_FIELD_NUMBER: _ClassVar[int]
    reports: _containers.RepeatedCompositeFieldContainer[MismatchReport]
    def __init__(self, reports: _Optional[_Iterable[_Union[MismatchReport, _Mapping]]] = ...) -> None: ...

class ResolveMismatchReportRequest(_message.Message):
    __slots__ = ("school_id", "report_id", "resolution")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    REPORT_ID_FIELD_NUMBER: _ClassVar[int]
    RESOLUTION_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    report_id: str
    resolution: str
    def __init__(self, school_id: _Optional[str] = ..., report_id: _Optional[str] = ..., resolution: _Optional[str] = ...) -> None: ...

class Holiday(_message.Message):
    __slots__ = ("id", "school_id", "academic_year_id", "name", "start_date", "end_date")
    ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    START_DATE_FIELD_NUMBER: _ClassVar[int]
    END_DATE_FIELD_NUMBER: _ClassVar[int]
    id: str
    school_id: str
    academic_year_id: str
    name: str
    start_date: str
    end_date: str
    def __init__(self, id: _Optional[str] = ..., school_id: _Optional[str] = ..., academic_year_id: _Optional[str] = ..., name: _Optional[str] = ..., start_date: _Optional[str] = ..., end_date: _Optional[str] = ...) -> None: ...

class DayTransfer(_message.Message):
    __slots__ = ("id", "school_id", "academic_year_id", "date", "works_as_weekday")
    ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    DATE_FIELD_NUMBER: _ClassVar[int]
    WORKS_AS_WEEKDAY_FIELD_NUMBER: _ClassVar[int]
    id: str
    school_id: str
    academic_year_id: str
    date: str
    works_as_weekday: int
    def __init__(self, id: _Optional[str] = ..., school_id: _Optional[str] = ..., academic_year_id: _Optional[str] = ..., date: _Optional[str] = ..., works_as_weekday: _Optional[int] = ...) -> None: ...

class CalendarFeed(_message.Message):
    __slots__ = ("id", "school_id", "class_group_id", "teacher_id", "url", "revoked")
    ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    TEACHER_ID_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    REVOKED_FIELD_NUMBER: _ClassVar[int]
    id: str
    school_id: str
    class_group_id: str
    teacher_id: str
    url: str
    revoked: bool
    def __init__(self, id: _Optional[str] = ..., school_id: _Optional[str] = ..., class_group_id: _Optional[str] = ..., teacher_id: _Optional[str] = ..., url: _Optional[str] = ..., revoked: _Optional[bool] = ...) -> None: ...

class CreateAcademicYearRequest(_message.Message):
    __slots__ = ("school_id", "name", "start_date", "end_date", "terms")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    START_DATE_FIELD_NUMBER: _ClassVar[int]
    END_DATE_FIELD_NUMBER: _ClassVar[int]
    TERMS_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    name: str
    start_date: str
    end_date: str
    terms: _containers.RepeatedCompositeFieldContainer[Term]
    def __init__(self, school_id: _Optional[str] = ..., name: _Optional[str] = ..., start_date: _Optional[str] = ..., end_date: _Optional[str] = ..., terms: _Optional[_Iterable[_Union[Term, _Mapping]]] = ...) -> None: ...

class CreateClassGroupRequest(_message.Message):
    __slots__ = ("school_id", "academic_year_id", "grade", "name")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    GRADE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    academic_year_id: str
    grade: int
    name: str
    def __init__(self, school_id: _Optional[str] = ..., academic_year_id: _Optional[str] = ..., grade: _Optional[int] = ..., name: _Optional[str] = ...) -> None: ...

class CreateSubjectRequest(_message.Message):
    __slots__ = ("school_id", "name")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    name: str
    def __init__(self, school_id: _Optional[str] = ..., name: _Optional[str] = ...) -> None: ...

class AssignTeacherRequest(_message.Message):
    __slots__ = ("school_id", "teacher_id", "subject_id", "class_group_id", "subgroup_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    TEACHER_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    SUBGROUP_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    teacher_id: str
    subject_id: str
    class_group_id: str
    subgroup_id: str
    def __init__(self, school_id: _Optional[str] = ..., teacher_id: _Optional[str] = ..., subject_id: _Optional[str] = ..., class_group_id: _Optional[str] = ..., subgroup_id: _Optional[str] = ...) -> None: ...

class CreateTimetableEntryRequest(_message.Message):
    __slots__ = ("entry",)
    ENTRY_FIELD_NUMBER: _ClassVar[int]
    entry: TimetableEntry
    def __init__(self, entry: _Optional[_Union[TimetableEntry, _Mapping]] = ...) -> None: ...

class CreateTimetableEntryResponse(_message.Message):
    __slots__ = ("entry", "lessons_created")
    ENTRY_FIELD_NUMBER: _ClassVar[int]
    LESSONS_CREATED_FIELD_NUMBER: _ClassVar[int]
    entry: TimetableEntry
    lessons_created: int
    def __init__(self, entry: _Optional[_Union[TimetableEntry, _Mapping]] = ..., lessons_created: _Optional[int] = ...) -> None: ...

class ListLessonsRequest(_message.Message):
    __slots__ = ("school_id", "class_group_id", "teacher_id", "date_from", "date_to", "include_cancelled", "subject_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    TEACHER_ID_FIELD_NUMBER: _ClassVar[int]
    DATE_FROM_FIELD_NUMBER: _ClassVar[int]
    DATE_TO_FIELD_NUMBER: _ClassVar[int]
    INCLUDE_CANCELLED_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    class_group_id: str
    teacher_id: str
    date_from: str
    date_to: str
    include_cancelled: bool
    subject_id: str
    def __init__(self, school_id: _Optional[str] = ..., class_group_id: _Optional[str] = ..., teacher_id: _Optional[str] = ..., date_from: _Optional[str] = ..., date_to: _Optional[str] = ..., include_cancelled: _Optional[bool] = ..., subject_id: _Optional[str] = ...) -> None: ...

class ListLessonsResponse(_message.Message):
    __slots__ = ("lessons",)
    LESSONS_FIELD_NUMBER: _ClassVar[int]
    lessons: _containers.RepeatedCompositeFieldContainer[Lesson]
    def __init__(self, lessons: _Optional[_Iterable[_Union[Lesson, _Mapping]]] = ...) -> None: ...

class GetLessonRequest(_message.Message):
    __slots__ = ("school_id", "lesson_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    LESSON_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    lesson_id: str
    def __init__(self, school_id: _Optional[str] = ..., lesson_id: _Optional[str] = ...) -> None: ...

class GetClassGroupRequest(_message.Message):
    __slots__ = ("school_id", "class_group_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    class_group_id: str
    def __init__(self, school_id: _Optional[str] = ..., class_group_id: _Optional[str] = ...) -> None: ...

class ListClassGroupsRequest(_message.Message):
    __slots__ = ("school_id", "academic_year_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    academic_year_id: str
    def __init__(self, school_id: _Optional[str] = ..., academic_year_id: _Optional[str] = ...) -> None: ...

class ListClassGroupsResponse(_message.Message):
    __slots__ = ("class_groups",)
    CLASS_GROUPS_FIELD_NUMBER: _ClassVar[int]
    class_groups: _containers.RepeatedCompositeFieldContainer[ClassGroup]
    def __init__(self, class_groups: _Optional[_Iterable[_Union[ClassGroup, _Mapping]]] = ...) -> None: ...

class CloseAcademicYearRequest(_message.Message):
    __slots__ = ("school_id", "academic_year_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    academic_year_id: str
    def __init__(self, school_id: _Optional[str] = ..., academic_year_id: _Optional[str] = ...) -> None: ...

class AddHolidayRequest(_message.Message):
    __slots__ = ("school_id", "academic_year_id", "name", "start_date", "end_date")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    START_DATE_FIELD_NUMBER: _ClassVar[int]
    END_DATE_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    academic_year_id: str
    name: str
    start_date: str
    end_date: str
    def __init__(self, school_id: _Optional[str] = ..., academic_year_id: _Optional[str] = ..., name: _Optional[str] = ..., start_date: _Optional[str] = ..., end_date: _Optional[str] = ...) -> None: ...

class AddHolidayResponse(_message.Message):
    __slots__ = ("holiday", "lessons_cancelled", "warnings")
    HOLIDAY_FIELD_NUMBER: _ClassVar[int]
    LESSONS_CANCELLED_FIELD_NUMBER: _ClassVar[int]
    WARNINGS_FIELD_NUMBER: _ClassVar[int]
    holiday: Holiday
    lessons_cancelled: int
    warnings: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, holiday: _Optional[_Union[Holiday, _Mapping]] = ..., lessons_cancelled: _Optional[int] = ..., warnings: _Optional[_Iterable[str]] = ...) -> None: ...

class ListHolidaysRequest(_message.Message):
    __slots__ = ("school_id", "academic_year_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    academic_year_id: str
    def __init__(self, school_id: _Optional[str] = ..., academic_year_id: _Optional[str] = ...) -> None: ...

class ListHolidaysResponse(_message.Message):
    __slots__ = ("holidays",)
    HOLIDAYS_FIELD_NUMBER: _ClassVar[int]
    holidays: _containers.RepeatedCompositeFieldContainer[Holiday]
    def __init__(self, holidays: _Optional[_Iterable[_Union[Holiday, _Mapping]]] = ...) -> None: ...

class AddDayTransferRequest(_message.Message):
    __slots__ = ("school_id", "academic_year_id", "date", "works_as_weekday")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    DATE_FIELD_NUMBER: _ClassVar[int]
    WORKS_AS_WEEKDAY_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    academic_year_id: str
    date: str
    works_as_weekday: int
    def __init__(self, school_id: _Optional[str] = ..., academic_year_id: _Optional[str] = ..., date: _Optional[str] = ..., works_as_weekday: _Optional[int] = ...) -> None: ...

class AddDayTransferResponse(_message.Message):
    __slots__ = ("day_transfer", "lessons_scheduled", "lessons_cancelled", "warnings")
    DAY_TRANSFER_FIELD_NUMBER: _ClassVar[int]
    LESSONS_SCHEDULED_FIELD_NUMBER: _ClassVar[int]
    LESSONS_CANCELLED_FIELD_NUMBER: _ClassVar[int]
    WARNINGS_FIELD_NUMBER: _ClassVar[int]
    day_transfer: DayTransfer
    lessons_scheduled: int
    lessons_cancelled: int
    warnings: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, day_transfer: _Optional[_Union[DayTransfer, _Mapping]] = ..., lessons_scheduled: _Optional[int] = ..., lessons_cancelled: _Optional[int] = ..., warnings: _Optional[_Iterable[str]] = ...) -> None: ...

class ListDayTransfersRequest(_message.Message):
    __slots__ = ("school_id", "academic_year_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    academic_year_id: str
    def __init__(self, school_id: _Optional[str] = ..., academic_year_id: _Optional[str] = ...) -> None: ...

class ListDayTransfersResponse(_message.Message):
    __slots__ = ("day_transfers",)
    DAY_TRANSFERS_FIELD_NUMBER: _ClassVar[int]
    day_transfers: _containers.RepeatedCompositeFieldContainer[DayTransfer]
    def __init__(self, day_transfers: _Optional[_Iterable[_Union[DayTransfer, _Mapping]]] = ...) -> None: ...

class CreateCalendarFeedRequest(_message.Message):
    __slots__ = ("school_id", "class_group_id", "teacher_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    TEACHER_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    class_group_id: str
    teacher_id: str
    def __init__(self, school_id: _Optional[str] = ..., class_group_id: _Optional[str] = ..., teacher_id: _Optional[str] = ...) -> None: ...

class RevokeCalendarFeedRequest(_message.Message):
    __slots__ = ("school_id", "feed_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    FEED_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    feed_id: str
    def __init__(self, school_id: _Optional[str] = ..., feed_id: _Optional[str] = ...) -> None: ...

class GetCalendarFeedRequest(_message.Message):
    __slots__ = ("token",)
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    token: str
    def __init__(self, token: _Optional[str] = ...) -> None: ...

class CalendarFeedContent(_message.Message):
    __slots__ = ("filename", "media_type", "content")
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    MEDIA_TYPE_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    filename: str
    media_type: str
    content: str
    def __init__(self, filename: _Optional[str] = ..., media_type: _Optional[str] = ..., content: _Optional[str] = ...) -> None: ...

class GetTermRequest(_message.Message):
    __slots__ = ("school_id", "term_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    TERM_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    term_id: str
    def __init__(self, school_id: _Optional[str] = ..., term_id: _Optional[str] = ...) -> None: ...

class CurriculumHours(_message.Message):
    __slots__ = ("id", "school_id", "class_group_id", "subject_id", "subject_name", "hours_per_week")
    ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    HOURS_PER_WEEK_FIELD_NUMBER: _ClassVar[int]
    id: str
    school_id: str
    class_group_id: str
    subject_id: str
    subject_name: str
    hours_per_week: str
    def __init__(self, id: _Optional[str] = ..., school_id: _Optional[str] = ..., class_group_id: _Optional[str] = ..., subject_id: _Optional[str] = ..., subject_name: _Optional[str] = ..., hours_per_week: _Optional[str] = ...) -> None: ...

class SetCurriculumHoursRequest(_message.Message):
    __slots__ = ("school_id", "class_group_id", "subject_id", "hours_per_week")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    HOURS_PER_WEEK_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    class_group_id: str
    subject_id: str
    hours_per_week: str
    def __init__(self, school_id: _Optional[str] = ..., class_group_id: _Optional[str] = ..., subject_id: _Optional[str] = ..., hours_per_week: _Optional[str] = ...) -> None: ...

class GetCurriculumRequest(_message.Message):
    __slots__ = ("school_id", "class_group_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    class_group_id: str
    def __init__(self, school_id: _Optional[str] = ..., class_group_id: _Optional[str] = ...) -> None: ...

class Curriculum(_message.Message):
    __slots__ = ("class_group_id", "hours", "total_hours_per_week", "profile_id", "profile_name")
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    HOURS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_HOURS_PER_WEEK_FIELD_NUMBER: _ClassVar[int]
    PROFILE_ID_FIELD_NUMBER: _ClassVar[int]
    PROFILE_NAME_FIELD_NUMBER: _ClassVar[int]
    class_group_id: str
    hours: _containers.RepeatedCompositeFieldContainer[CurriculumHours]
    total_hours_per_week: str
    profile_id: str
    profile_name: str
    def __init__(self, class_group_id: _Optional[str] = ..., hours: _Optional[_Iterable[_Union[CurriculumHours, _Mapping]]] = ..., total_hours_per_week: _Optional[str] = ..., profile_id: _Optional[str] = ..., profile_name: _Optional[str] = ...) -> None: ...

class CurriculumWarningsRequest(_message.Message):
    __slots__ = ("school_id", "academic_year_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    academic_year_id: str
    def __init__(self, school_id: _Optional[str] = ..., academic_year_id: _Optional[str] = ...) -> None: ...

class CurriculumWarning(_message.Message):
    __slots__ = ("kind", "class_group_id", "subject_id", "message")
    KIND_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    kind: str
    class_group_id: str
    subject_id: str
    message: str
    def __init__(self, kind: _Optional[str] = ..., class_group_id: _Optional[str] = ..., subject_id: _Optional[str] = ..., message: _Optional[str] = ...) -> None: ...

class CurriculumWarningsResponse(_message.Message):
    __slots__ = ("warnings",)
    WARNINGS_FIELD_NUMBER: _ClassVar[int]
    warnings: _containers.RepeatedCompositeFieldContainer[CurriculumWarning]
    def __init__(self, warnings: _Optional[_Iterable[_Union[CurriculumWarning, _Mapping]]] = ...) -> None: ...

class PlanTopic(_message.Message):
    __slots__ = ("id", "position", "title", "hours")
    ID_FIELD_NUMBER: _ClassVar[int]
    POSITION_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    HOURS_FIELD_NUMBER: _ClassVar[int]
    id: str
    position: int
    title: str
    hours: str
    def __init__(self, id: _Optional[str] = ..., position: _Optional[int] = ..., title: _Optional[str] = ..., hours: _Optional[str] = ...) -> None: ...

class ImportThematicPlanRequest(_message.Message):
    __slots__ = ("school_id", "class_group_id", "subject_id", "filename", "content", "dry_run")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    DRY_RUN_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    class_group_id: str
    subject_id: str
    filename: str
    content: bytes
    dry_run: bool
    def __init__(self, school_id: _Optional[str] = ..., class_group_id: _Optional[str] = ..., subject_id: _Optional[str] = ..., filename: _Optional[str] = ..., content: _Optional[bytes] = ..., dry_run: _Optional[bool] = ...) -> None: ...

class ImportRowError(_message.Message):
    __slots__ = ("line", "field", "message")
    LINE_FIELD_NUMBER: _ClassVar[int]
    FIELD_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    line: int
    field: str
    message: str
    def __init__(self, line: _Optional[int] = ..., field: _Optional[str] = ..., message: _Optional[str] = ...) -> None: ...

class ImportThematicPlanResponse(_message.Message):
    __slots__ = ("applied", "topics", "total_hours", "errors")
    APPLIED_FIELD_NUMBER: _ClassVar[int]
    TOPICS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_HOURS_FIELD_NUMBER: _ClassVar[int]
    ERRORS_FIELD_NUMBER: _ClassVar[int]
    applied: bool
    topics: _containers.RepeatedCompositeFieldContainer[PlanTopic]
    total_hours: str
    errors: _containers.RepeatedCompositeFieldContainer[ImportRowError]
    def __init__(self, applied: _Optional[bool] = ..., topics: _Optional[_Iterable[_Union[PlanTopic, _Mapping]]] = ..., total_hours: _Optional[str] = ..., errors: _Optional[_Iterable[_Union[ImportRowError, _Mapping]]] = ...) -> None: ...

class ListPlanTopicsRequest(_message.Message):
    __slots__ = ("school_id", "class_group_id", "subject_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    class_group_id: str
    subject_id: str
    def __init__(self, school_id: _Optional[str] = ..., class_group_id: _Optional[str] = ..., subject_id: _Optional[str] = ...) -> None: ...

class ListPlanTopicsResponse(_message.Message):
    __slots__ = ("topics", "total_hours")
    TOPICS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_HOURS_FIELD_NUMBER: _ClassVar[int]
    topics: _containers.RepeatedCompositeFieldContainer[PlanTopic]
    total_hours: str
    def __init__(self, topics: _Optional[_Iterable[_Union[PlanTopic, _Mapping]]] = ..., total_hours: _Optional[str] = ...) -> None: ...

class PlanProgressRequest(_message.Message):
    __slots__ = ("school_id", "class_group_id", "subject_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    class_group_id: str
    subject_id: str
    def __init__(self, school_id: _Optional[str] = ..., class_group_id: _Optional[str] = ..., subject_id: _Optional[str] = ...) -> None: ...

class PlanProgressReport(_message.Message):
    __slots__ = ("class_group_id", "subject_id", "plan_topics", "plan_hours", "hours_per_week", "study_weeks", "curriculum_hours", "lessons_total", "lessons_to_date", "as_of", "warnings", "lessons_delivered", "topics_covered")
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    PLAN_TOPICS_FIELD_NUMBER: _ClassVar[int]
    PLAN_HOURS_FIELD_NUMBER: _ClassVar[int]
    HOURS_PER_WEEK_FIELD_NUMBER: _ClassVar[int]
    STUDY_WEEKS_FIELD_NUMBER: _ClassVar[int]
    CURRICULUM_HOURS_FIELD_NUMBER: _ClassVar[int]
    LESSONS_TOTAL_FIELD_NUMBER: _ClassVar[int]
    LESSONS_TO_DATE_FIELD_NUMBER: _ClassVar[int]
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    WARNINGS_FIELD_NUMBER: _ClassVar[int]
    LESSONS_DELIVERED_FIELD_NUMBER: _ClassVar[int]
    TOPICS_COVERED_FIELD_NUMBER: _ClassVar[int]
    class_group_id: str
    subject_id: str
    plan_topics: int
    plan_hours: str
    hours_per_week: str
    study_weeks: int
    curriculum_hours: str
    lessons_total: int
    lessons_to_date: int
    as_of: str
    warnings: _containers.RepeatedScalarFieldContainer[str]
    lessons_delivered: int
    topics_covered: int
    def __init__(self, class_group_id: _Optional[str] = ..., subject_id: _Optional[str] = ..., plan_topics: _Optional[int] = ..., plan_hours: _Optional[str] = ..., hours_per_week: _Optional[str] = ..., study_weeks: _Optional[int] = ..., curriculum_hours: _Optional[str] = ..., lessons_total: _Optional[int] = ..., lessons_to_date: _Optional[int] = ..., as_of: _Optional[str] = ..., warnings: _Optional[_Iterable[str]] = ..., lessons_delivered: _Optional[int] = ..., topics_covered: _Optional[int] = ...) -> None: ...

class ListAcademicYearsRequest(_message.Message):
    __slots__ = ("school_id",)
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    def __init__(self, school_id: _Optional[str] = ...) -> None: ...

class ListAcademicYearsResponse(_message.Message):
    __slots__ = ("academic_years",)
    ACADEMIC_YEARS_FIELD_NUMBER: _ClassVar[int]
    academic_years: _containers.RepeatedCompositeFieldContainer[AcademicYear]
    def __init__(self, academic_years: _Optional[_Iterable[_Union[AcademicYear, _Mapping]]] = ...) -> None: ...

class ListSubjectsRequest(_message.Message):
    __slots__ = ("school_id",)
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    def __init__(self, school_id: _Optional[str] = ...) -> None: ...

class ListSubjectsResponse(_message.Message):
    __slots__ = ("subjects",)
    SUBJECTS_FIELD_NUMBER: _ClassVar[int]
    subjects: _containers.RepeatedCompositeFieldContainer[Subject]
    def __init__(self, subjects: _Optional[_Iterable[_Union[Subject, _Mapping]]] = ...) -> None: ...

class ListTeachingAssignmentsRequest(_message.Message):
    __slots__ = ("school_id", "class_group_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    class_group_id: str
    def __init__(self, school_id: _Optional[str] = ..., class_group_id: _Optional[str] = ...) -> None: ...

class ListTeachingAssignmentsResponse(_message.Message):
    __slots__ = ("assignments",)
    ASSIGNMENTS_FIELD_NUMBER: _ClassVar[int]
    assignments: _containers.RepeatedCompositeFieldContainer[TeachingAssignment]
    def __init__(self, assignments: _Optional[_Iterable[_Union[TeachingAssignment, _Mapping]]] = ...) -> None: ...

class DeleteHolidayRequest(_message.Message):
    __slots__ = ("school_id", "holiday_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    HOLIDAY_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    holiday_id: str
    def __init__(self, school_id: _Optional[str] = ..., holiday_id: _Optional[str] = ...) -> None: ...

class DeleteDayTransferRequest(_message.Message):
    __slots__ = ("school_id", "day_transfer_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    DAY_TRANSFER_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    day_transfer_id: str
    def __init__(self, school_id: _Optional[str] = ..., day_transfer_id: _Optional[str] = ...) -> None: ...

class CalendarChangeResponse(_message.Message):
    __slots__ = ("lessons_scheduled", "lessons_cancelled")
    LESSONS_SCHEDULED_FIELD_NUMBER: _ClassVar[int]
    LESSONS_CANCELLED_FIELD_NUMBER: _ClassVar[int]
    lessons_scheduled: int
    lessons_cancelled: int
    def __init__(self, lessons_scheduled: _Optional[int] = ..., lessons_cancelled: _Optional[int] = ...) -> None: ...

class RenameSubgroupRequest(_message.Message):
    __slots__ = ("school_id", "subgroup_id", "name")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    SUBGROUP_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    subgroup_id: str
    name: str
    def __init__(self, school_id: _Optional[str] = ..., subgroup_id: _Optional[str] = ..., name: _Optional[str] = ...) -> None: ...

class DeleteSubgroupRequest(_message.Message):
    __slots__ = ("school_id", "subgroup_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    SUBGROUP_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    subgroup_id: str
    def __init__(self, school_id: _Optional[str] = ..., subgroup_id: _Optional[str] = ...) -> None: ...

class DeleteSubgroupResponse(_message.Message):
    __slots__ = ("lessons_deleted", "timetable_entries_deleted")
    LESSONS_DELETED_FIELD_NUMBER: _ClassVar[int]
    TIMETABLE_ENTRIES_DELETED_FIELD_NUMBER: _ClassVar[int]
    lessons_deleted: int
    timetable_entries_deleted: int
    def __init__(self, lessons_deleted: _Optional[int] = ..., timetable_entries_deleted: _Optional[int] = ...) -> None: ...

class RenameRoomRequest(_message.Message):
    __slots__ = ("school_id", "room_id", "name")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    ROOM_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    room_id: str
    name: str
    def __init__(self, school_id: _Optional[str] = ..., room_id: _Optional[str] = ..., name: _Optional[str] = ...) -> None: ...

class DeleteRoomRequest(_message.Message):
    __slots__ = ("school_id", "room_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    ROOM_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    room_id: str
    def __init__(self, school_id: _Optional[str] = ..., room_id: _Optional[str] = ...) -> None: ...

class UpdateBellScheduleRequest(_message.Message):
    __slots__ = ("school_id", "bell_schedule_id", "name", "periods")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    BELL_SCHEDULE_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PERIODS_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    bell_schedule_id: str
    name: str
    periods: _containers.RepeatedCompositeFieldContainer[BellPeriod]
    def __init__(self, school_id: _Optional[str] = ..., bell_schedule_id: _Optional[str] = ..., name: _Optional[str] = ..., periods: _Optional[_Iterable[_Union[BellPeriod, _Mapping]]] = ...) -> None: ...

class UpdateBellScheduleResponse(_message.Message):
    __slots__ = ("bell_schedule", "lessons_retimed")
    BELL_SCHEDULE_FIELD_NUMBER: _ClassVar[int]
    LESSONS_RETIMED_FIELD_NUMBER: _ClassVar[int]
    bell_schedule: BellSchedule
    lessons_retimed: int
    def __init__(self, bell_schedule: _Optional[_Union[BellSchedule, _Mapping]] = ..., lessons_retimed: _Optional[int] = ...) -> None: ...

class DeleteBellScheduleRequest(_message.Message):
    __slots__ = ("school_id", "bell_schedule_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    BELL_SCHEDULE_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    bell_schedule_id: str
    def __init__(self, school_id: _Optional[str] = ..., bell_schedule_id: _Optional[str] = ...) -> None: ...

class SchedulePolicy(_message.Message):
    __slots__ = ("school_id", "holiday_notice_days", "transfer_notice_working_days", "curriculum_due", "timetable_due")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    HOLIDAY_NOTICE_DAYS_FIELD_NUMBER: _ClassVar[int]
    TRANSFER_NOTICE_WORKING_DAYS_FIELD_NUMBER: _ClassVar[int]
    CURRICULUM_DUE_FIELD_NUMBER: _ClassVar[int]
    TIMETABLE_DUE_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    holiday_notice_days: int
    transfer_notice_working_days: int
    curriculum_due: str
    timetable_due: str
    def __init__(self, school_id: _Optional[str] = ..., holiday_notice_days: _Optional[int] = ..., transfer_notice_working_days: _Optional[int] = ..., curriculum_due: _Optional[str] = ..., timetable_due: _Optional[str] = ...) -> None: ...

class GetSchedulePolicyRequest(_message.Message):
    __slots__ = ("school_id",)
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    def __init__(self, school_id: _Optional[str] = ...) -> None: ...

class SetSchedulePolicyRequest(_message.Message):
    __slots__ = ("school_id", "holiday_notice_days", "transfer_notice_working_days", "curriculum_due", "timetable_due")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    HOLIDAY_NOTICE_DAYS_FIELD_NUMBER: _ClassVar[int]
    TRANSFER_NOTICE_WORKING_DAYS_FIELD_NUMBER: _ClassVar[int]
    CURRICULUM_DUE_FIELD_NUMBER: _ClassVar[int]
    TIMETABLE_DUE_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    holiday_notice_days: int
    transfer_notice_working_days: int
    curriculum_due: str
    timetable_due: str
    def __init__(self, school_id: _Optional[str] = ..., holiday_notice_days: _Optional[int] = ..., transfer_notice_working_days: _Optional[int] = ..., curriculum_due: _Optional[str] = ..., timetable_due: _Optional[str] = ...) -> None: ...

class ChangeTermsRequest(_message.Message):
    __slots__ = ("school_id", "academic_year_id", "terms", "keep_recorded_lessons")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    TERMS_FIELD_NUMBER: _ClassVar[int]
    KEEP_RECORDED_LESSONS_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    academic_year_id: str
    terms: _containers.RepeatedCompositeFieldContainer[Term]
    keep_recorded_lessons: bool
    def __init__(self, school_id: _Optional[str] = ..., academic_year_id: _Optional[str] = ..., terms: _Optional[_Iterable[_Union[Term, _Mapping]]] = ..., keep_recorded_lessons: _Optional[bool] = ...) -> None: ...

class ChangeTermsResponse(_message.Message):
    __slots__ = ("academic_year", "lessons_scheduled", "lessons_cancelled", "lessons_kept", "removed_term_ids")
    ACADEMIC_YEAR_FIELD_NUMBER: _ClassVar[int]
    LESSONS_SCHEDULED_FIELD_NUMBER: _ClassVar[int]
    LESSONS_CANCELLED_FIELD_NUMBER: _ClassVar[int]
    LESSONS_KEPT_FIELD_NUMBER: _ClassVar[int]
    REMOVED_TERM_IDS_FIELD_NUMBER: _ClassVar[int]
    academic_year: AcademicYear
    lessons_scheduled: int
    lessons_cancelled: int
    lessons_kept: int
    removed_term_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, academic_year: _Optional[_Union[AcademicYear, _Mapping]] = ..., lessons_scheduled: _Optional[int] = ..., lessons_cancelled: _Optional[int] = ..., lessons_kept: _Optional[int] = ..., removed_term_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class UpdateHolidayRequest(_message.Message):
    __slots__ = ("school_id", "holiday_id", "name", "start_date", "end_date")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    HOLIDAY_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    START_DATE_FIELD_NUMBER: _ClassVar[int]
    END_DATE_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    holiday_id: str
    name: str
    start_date: str
    end_date: str
    def __init__(self, school_id: _Optional[str] = ..., holiday_id: _Optional[str] = ..., name: _Optional[str] = ..., start_date: _Optional[str] = ..., end_date: _Optional[str] = ...) -> None: ...

class UpdateHolidayResponse(_message.Message):
    __slots__ = ("holiday", "lessons_scheduled", "lessons_cancelled", "warnings")
    HOLIDAY_FIELD_NUMBER: _ClassVar[int]
    LESSONS_SCHEDULED_FIELD_NUMBER: _ClassVar[int]
    LESSONS_CANCELLED_FIELD_NUMBER: _ClassVar[int]
    WARNINGS_FIELD_NUMBER: _ClassVar[int]
    holiday: Holiday
    lessons_scheduled: int
    lessons_cancelled: int
    warnings: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, holiday: _Optional[_Union[Holiday, _Mapping]] = ..., lessons_scheduled: _Optional[int] = ..., lessons_cancelled: _Optional[int] = ..., warnings: _Optional[_Iterable[str]] = ...) -> None: ...

class ProfileHours(_message.Message):
    __slots__ = ("subject_id", "subject_name", "hours_per_week")
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    HOURS_PER_WEEK_FIELD_NUMBER: _ClassVar[int]
    subject_id: str
    subject_name: str
    hours_per_week: str
    def __init__(self, subject_id: _Optional[str] = ..., subject_name: _Optional[str] = ..., hours_per_week: _Optional[str] = ...) -> None: ...

class CurriculumProfile(_message.Message):
    __slots__ = ("id", "school_id", "academic_year_id", "name", "grade_from", "grade_to", "hours")
    ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    GRADE_FROM_FIELD_NUMBER: _ClassVar[int]
    GRADE_TO_FIELD_NUMBER: _ClassVar[int]
    HOURS_FIELD_NUMBER: _ClassVar[int]
    id: str
    school_id: str
    academic_year_id: str
    name: str
    grade_from: int
    grade_to: int
    hours: _containers.RepeatedCompositeFieldContainer[ProfileHours]
    def __init__(self, id: _Optional[str] = ..., school_id: _Optional[str] = ..., academic_year_id: _Optional[str] = ..., name: _Optional[str] = ..., grade_from: _Optional[int] = ..., grade_to: _Optional[int] = ..., hours: _Optional[_Iterable[_Union[ProfileHours, _Mapping]]] = ...) -> None: ...

class CreateProfileRequest(_message.Message):
    __slots__ = ("school_id", "academic_year_id", "name", "grade_from", "grade_to")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    GRADE_FROM_FIELD_NUMBER: _ClassVar[int]
    GRADE_TO_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    academic_year_id: str
    name: str
    grade_from: int
    grade_to: int
    def __init__(self, school_id: _Optional[str] = ..., academic_year_id: _Optional[str] = ..., name: _Optional[str] = ..., grade_from: _Optional[int] = ..., grade_to: _Optional[int] = ...) -> None: ...

class SetProfileHoursRequest(_message.Message):
    __slots__ = ("school_id", "profile_id", "subject_id", "hours_per_week")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    PROFILE_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    HOURS_PER_WEEK_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    profile_id: str
    subject_id: str
    hours_per_week: str
    def __init__(self, school_id: _Optional[str] = ..., profile_id: _Optional[str] = ..., subject_id: _Optional[str] = ..., hours_per_week: _Optional[str] = ...) -> None: ...

class ListProfilesRequest(_message.Message):
    __slots__ = ("school_id", "academic_year_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    academic_year_id: str
    def __init__(self, school_id: _Optional[str] = ..., academic_year_id: _Optional[str] = ...) -> None: ...

class ListProfilesResponse(_message.Message):
    __slots__ = ("profiles",)
    PROFILES_FIELD_NUMBER: _ClassVar[int]
    profiles: _containers.RepeatedCompositeFieldContainer[CurriculumProfile]
    def __init__(self, profiles: _Optional[_Iterable[_Union[CurriculumProfile, _Mapping]]] = ...) -> None: ...

class ApplyProfileRequest(_message.Message):
    __slots__ = ("school_id", "class_group_id", "profile_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    PROFILE_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    class_group_id: str
    profile_id: str
    def __init__(self, school_id: _Optional[str] = ..., class_group_id: _Optional[str] = ..., profile_id: _Optional[str] = ...) -> None: ...

class ApplyProfileResponse(_message.Message):
    __slots__ = ("class_group", "curriculum", "hours_set")
    CLASS_GROUP_FIELD_NUMBER: _ClassVar[int]
    CURRICULUM_FIELD_NUMBER: _ClassVar[int]
    HOURS_SET_FIELD_NUMBER: _ClassVar[int]
    class_group: ClassGroup
    curriculum: Curriculum
    hours_set: int
    def __init__(self, class_group: _Optional[_Union[ClassGroup, _Mapping]] = ..., curriculum: _Optional[_Union[Curriculum, _Mapping]] = ..., hours_set: _Optional[int] = ...) -> None: ...

class ImportTimetableRequest(_message.Message):
    __slots__ = ("school_id", "lines")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    lines: _containers.RepeatedCompositeFieldContainer[TimetableEntry]
    def __init__(self, school_id: _Optional[str] = ..., lines: _Optional[_Iterable[_Union[TimetableEntry, _Mapping]]] = ...) -> None: ...

class ImportTimetableResponse(_message.Message):
    __slots__ = ("entry_ids", "lessons_created")
    ENTRY_IDS_FIELD_NUMBER: _ClassVar[int]
    LESSONS_CREATED_FIELD_NUMBER: _ClassVar[int]
    entry_ids: _containers.RepeatedScalarFieldContainer[str]
    lessons_created: int
    def __init__(self, entry_ids: _Optional[_Iterable[str]] = ..., lessons_created: _Optional[int] = ...) -> None: ...

class TeachingLoadAssignment(_message.Message):
    __slots__ = ("teacher_id", "subject_id", "class_group_id", "subgroup_id")
    TEACHER_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    SUBGROUP_ID_FIELD_NUMBER: _ClassVar[int]
    teacher_id: str
    subject_id: str
    class_group_id: str
    subgroup_id: str
    def __init__(self, teacher_id: _Optional[str] = ..., subject_id: _Optional[str] = ..., class_group_id: _Optional[str] = ..., subgroup_id: _Optional[str] = ...) -> None: ...

class TeachingLoadHours(_message.Message):
    __slots__ = ("class_group_id", "subject_id", "hours_per_week")
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    HOURS_PER_WEEK_FIELD_NUMBER: _ClassVar[int]
    class_group_id: str
    subject_id: str
    hours_per_week: str
    def __init__(self, class_group_id: _Optional[str] = ..., subject_id: _Optional[str] = ..., hours_per_week: _Optional[str] = ...) -> None: ...

class ImportTeachingLoadRequest(_message.Message):
    __slots__ = ("school_id", "assignments", "hours")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    ASSIGNMENTS_FIELD_NUMBER: _ClassVar[int]
    HOURS_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    assignments: _containers.RepeatedCompositeFieldContainer[TeachingLoadAssignment]
    hours: _containers.RepeatedCompositeFieldContainer[TeachingLoadHours]
    def __init__(self, school_id: _Optional[str] = ..., assignments: _Optional[_Iterable[_Union[TeachingLoadAssignment, _Mapping]]] = ..., hours: _Optional[_Iterable[_Union[TeachingLoadHours, _Mapping]]] = ...) -> None: ...

class ImportTeachingLoadResponse(_message.Message):
    __slots__ = ("assignments_created", "hours_set")
    ASSIGNMENTS_CREATED_FIELD_NUMBER: _ClassVar[int]
    HOURS_SET_FIELD_NUMBER: _ClassVar[int]
    assignments_created: int
    hours_set: int
    def __init__(self, assignments_created: _Optional[int] = ..., hours_set: _Optional[int] = ...) -> None: ...

class OpenNextYearRequest(_message.Message):
    __slots__ = ("school_id", "source_year_id", "name", "new_classes")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    SOURCE_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    NEW_CLASSES_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    source_year_id: str
    name: str
    new_classes: _containers.RepeatedCompositeFieldContainer[NewClassGroup]
    def __init__(self, school_id: _Optional[str] = ..., source_year_id: _Optional[str] = ..., name: _Optional[str] = ..., new_classes: _Optional[_Iterable[_Union[NewClassGroup, _Mapping]]] = ...) -> None: ...

class NewClassGroup(_message.Message):
    __slots__ = ("grade", "name")
    GRADE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    grade: int
    name: str
    def __init__(self, grade: _Optional[int] = ..., name: _Optional[str] = ...) -> None: ...

class ClassSuccession(_message.Message):
    __slots__ = ("source_class_group_id", "class_group_id")
    SOURCE_CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    source_class_group_id: str
    class_group_id: str
    def __init__(self, source_class_group_id: _Optional[str] = ..., class_group_id: _Optional[str] = ...) -> None: ...

class OpenNextYearResponse(_message.Message):
    __slots__ = ("academic_year", "class_groups", "successions", "resumed")
    ACADEMIC_YEAR_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUPS_FIELD_NUMBER: _ClassVar[int]
    SUCCESSIONS_FIELD_NUMBER: _ClassVar[int]
    RESUMED_FIELD_NUMBER: _ClassVar[int]
    academic_year: AcademicYear
    class_groups: _containers.RepeatedCompositeFieldContainer[ClassGroup]
    successions: _containers.RepeatedCompositeFieldContainer[ClassSuccession]
    resumed: bool
    def __init__(self, academic_year: _Optional[_Union[AcademicYear, _Mapping]] = ..., class_groups: _Optional[_Iterable[_Union[ClassGroup, _Mapping]]] = ..., successions: _Optional[_Iterable[_Union[ClassSuccession, _Mapping]]] = ..., resumed: _Optional[bool] = ...) -> None: ...

class PublishTimetableDraftRequest(_message.Message):
    __slots__ = ("school_id", "academic_year_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    academic_year_id: str
    def __init__(self, school_id: _Optional[str] = ..., academic_year_id: _Optional[str] = ...) -> None: ...

class PublishTimetableDraftResponse(_message.Message):
    __slots__ = ("entries_published", "lessons_created")
    ENTRIES_PUBLISHED_FIELD_NUMBER: _ClassVar[int]
    LESSONS_CREATED_FIELD_NUMBER: _ClassVar[int]
    entries_published: int
    lessons_created: int
    def __init__(self, entries_published: _Optional[int] = ..., lessons_created: _Optional[int] = ...) -> None: ...

class EventAudience(_message.Message):
    __slots__ = ("scope", "grades", "class_group_ids", "people")
    SCOPE_FIELD_NUMBER: _ClassVar[int]
    GRADES_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_IDS_FIELD_NUMBER: _ClassVar[int]
    PEOPLE_FIELD_NUMBER: _ClassVar[int]
    scope: str
    grades: _containers.RepeatedScalarFieldContainer[int]
    class_group_ids: _containers.RepeatedScalarFieldContainer[str]
    people: str
    def __init__(self, scope: _Optional[str] = ..., grades: _Optional[_Iterable[int]] = ..., class_group_ids: _Optional[_Iterable[str]] = ..., people: _Optional[str] = ...) -> None: ...

class SchoolEventInput(_message.Message):
    __slots__ = ("title", "kind", "date", "starts_at", "ends_at", "place", "description", "audience")
    TITLE_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    DATE_FIELD_NUMBER: _ClassVar[int]
    STARTS_AT_FIELD_NUMBER: _ClassVar[int]
    ENDS_AT_FIELD_NUMBER: _ClassVar[int]
    PLACE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    AUDIENCE_FIELD_NUMBER: _ClassVar[int]
    title: str
    kind: str
    date: str
    starts_at: str
    ends_at: str
    place: str
    description: str
    audience: EventAudience
    def __init__(self, title: _Optional[str] = ..., kind: _Optional[str] = ..., date: _Optional[str] = ..., starts_at: _Optional[str] = ..., ends_at: _Optional[str] = ..., place: _Optional[str] = ..., description: _Optional[str] = ..., audience: _Optional[_Union[EventAudience, _Mapping]] = ...) -> None: ...

class SchoolEvent(_message.Message):
    __slots__ = ("id", "school_id", "title", "kind", "kind_name", "date", "starts_at", "ends_at", "place", "description", "audience", "status", "cancel_reason", "revision", "created_at", "updated_at", "class_group_names")
    ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    KIND_NAME_FIELD_NUMBER: _ClassVar[int]
    DATE_FIELD_NUMBER: _ClassVar[int]
    STARTS_AT_FIELD_NUMBER: _ClassVar[int]
    ENDS_AT_FIELD_NUMBER: _ClassVar[int]
    PLACE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    AUDIENCE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    CANCEL_REASON_FIELD_NUMBER: _ClassVar[int]
    REVISION_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_NAMES_FIELD_NUMBER: _ClassVar[int]
    id: str
    school_id: str
    title: str
    kind: str
    kind_name: str
    date: str
    starts_at: str
    ends_at: str
    place: str
    description: str
    audience: EventAudience
    status: str
    cancel_reason: str
    revision: int
    created_at: str
    updated_at: str
    class_group_names: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, id: _Optional[str] = ..., school_id: _Optional[str] = ..., title: _Optional[str] = ..., kind: _Optional[str] = ..., kind_name: _Optional[str] = ..., date: _Optional[str] = ..., starts_at: _Optional[str] = ..., ends_at: _Optional[str] = ..., place: _Optional[str] = ..., description: _Optional[str] = ..., audience: _Optional[_Union[EventAudience, _Mapping]] = ..., status: _Optional[str] = ..., cancel_reason: _Optional[str] = ..., revision: _Optional[int] = ..., created_at: _Optional[str] = ..., updated_at: _Optional[str] = ..., class_group_names: _Optional[_Iterable[str]] = ...) -> None: ...

class SchoolEventKind(_message.Message):
    __slots__ = ("code", "name")
    CODE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    code: str
    name: str
    def __init__(self, code: _Optional[str] = ..., name: _Optional[str] = ...) -> None: ...

class CreateSchoolEventRequest(_message.Message):
    __slots__ = ("school_id", "event")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    EVENT_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    event: SchoolEventInput
    def __init__(self, school_id: _Optional[str] = ..., event: _Optional[_Union[SchoolEventInput, _Mapping]] = ...) -> None: ...

class UpdateSchoolEventRequest(_message.Message):
    __slots__ = ("school_id", "school_event_id", "event")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    EVENT_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    school_event_id: str
    event: SchoolEventInput
    def __init__(self, school_id: _Optional[str] = ..., school_event_id: _Optional[str] = ..., event: _Optional[_Union[SchoolEventInput, _Mapping]] = ...) -> None: ...

class CancelSchoolEventRequest(_message.Message):
    __slots__ = ("school_id", "school_event_id", "reason")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    school_event_id: str
    reason: str
    def __init__(self, school_id: _Optional[str] = ..., school_event_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class GetSchoolEventRequest(_message.Message):
    __slots__ = ("school_id", "school_event_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    school_event_id: str
    def __init__(self, school_id: _Optional[str] = ..., school_event_id: _Optional[str] = ...) -> None: ...

class ListSchoolEventsRequest(_message.Message):
    __slots__ = ("school_id", "date_from", "date_to", "class_group_id", "include_cancelled")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    DATE_FROM_FIELD_NUMBER: _ClassVar[int]
    DATE_TO_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    INCLUDE_CANCELLED_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    date_from: str
    date_to: str
    class_group_id: str
    include_cancelled: bool
    def __init__(self, school_id: _Optional[str] = ..., date_from: _Optional[str] = ..., date_to: _Optional[str] = ..., class_group_id: _Optional[str] = ..., include_cancelled: _Optional[bool] = ...) -> None: ...

class ListSchoolEventsResponse(_message.Message):
    __slots__ = ("events", "kinds")
    EVENTS_FIELD_NUMBER: _ClassVar[int]
    KINDS_FIELD_NUMBER: _ClassVar[int]
    events: _containers.RepeatedCompositeFieldContainer[SchoolEvent]
    kinds: _containers.RepeatedCompositeFieldContainer[SchoolEventKind]
    def __init__(self, events: _Optional[_Iterable[_Union[SchoolEvent, _Mapping]]] = ..., kinds: _Optional[_Iterable[_Union[SchoolEventKind, _Mapping]]] = ...) -> None: ...

class AcademicYearCreated(_message.Message):
    __slots__ = ("academic_year",)
    ACADEMIC_YEAR_FIELD_NUMBER: _ClassVar[int]
    academic_year: AcademicYear
    def __init__(self, academic_year: _Optional[_Union[AcademicYear, _Mapping]] = ...) -> None: ...

class ClassGroupCreated(_message.Message):
    __slots__ = ("class_group",)
    CLASS_GROUP_FIELD_NUMBER: _ClassVar[int]
    class_group: ClassGroup
    def __init__(self, class_group: _Optional[_Union[ClassGroup, _Mapping]] = ...) -> None: ...

class SubjectCreated(_message.Message):
    __slots__ = ("subject",)
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    subject: Subject
    def __init__(self, subject: _Optional[_Union[Subject, _Mapping]] = ...) -> None: ...

class LessonScheduled(_message.Message):
    __slots__ = ("lesson",)
    LESSON_FIELD_NUMBER: _ClassVar[int]
    lesson: Lesson
    def __init__(self, lesson: _Optional[_Union[Lesson, _Mapping]] = ...) -> None: ...

class LessonCancelled(_message.Message):
    __slots__ = ("lesson",)
    LESSON_FIELD_NUMBER: _ClassVar[int]
    lesson: Lesson
    def __init__(self, lesson: _Optional[_Union[Lesson, _Mapping]] = ...) -> None: ...

class LessonMoved(_message.Message):
    __slots__ = ("lesson", "from_date", "from_lesson_number")
    LESSON_FIELD_NUMBER: _ClassVar[int]
    FROM_DATE_FIELD_NUMBER: _ClassVar[int]
    FROM_LESSON_NUMBER_FIELD_NUMBER: _ClassVar[int]
    lesson: Lesson
    from_date: str
    from_lesson_number: int
    def __init__(self, lesson: _Optional[_Union[Lesson, _Mapping]] = ..., from_date: _Optional[str] = ..., from_lesson_number: _Optional[int] = ...) -> None: ...

class SubstitutionAssigned(_message.Message):
    __slots__ = ("lesson", "previous_substitute_teacher_id")
    LESSON_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_SUBSTITUTE_TEACHER_ID_FIELD_NUMBER: _ClassVar[int]
    lesson: Lesson
    previous_substitute_teacher_id: str
    def __init__(self, lesson: _Optional[_Union[Lesson, _Mapping]] = ..., previous_substitute_teacher_id: _Optional[str] = ...) -> None: ...

class LessonsChanged(_message.Message):
    __slots__ = ("lesson_ids", "class_group_ids", "change")
    LESSON_IDS_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_IDS_FIELD_NUMBER: _ClassVar[int]
    CHANGE_FIELD_NUMBER: _ClassVar[int]
    lesson_ids: _containers.RepeatedScalarFieldContainer[str]
    class_group_ids: _containers.RepeatedScalarFieldContainer[str]
    change: str
    def __init__(self, lesson_ids: _Optional[_Iterable[str]] = ..., class_group_ids: _Optional[_Iterable[str]] = ..., change: _Optional[str] = ...) -> None: ...

class TermsChanged(_message.Message):
    __slots__ = ("academic_year", "removed_term_ids", "grades")
    ACADEMIC_YEAR_FIELD_NUMBER: _ClassVar[int]
    REMOVED_TERM_IDS_FIELD_NUMBER: _ClassVar[int]
    GRADES_FIELD_NUMBER: _ClassVar[int]
    academic_year: AcademicYear
    removed_term_ids: _containers.RepeatedScalarFieldContainer[str]
    grades: _containers.RepeatedScalarFieldContainer[int]
    def __init__(self, academic_year: _Optional[_Union[AcademicYear, _Mapping]] = ..., removed_term_ids: _Optional[_Iterable[str]] = ..., grades: _Optional[_Iterable[int]] = ...) -> None: ...

class AcademicYearClosed(_message.Message):
    __slots__ = ("academic_year", "class_group_ids")
    ACADEMIC_YEAR_FIELD_NUMBER: _ClassVar[int]
    CLASS_GROUP_IDS_FIELD_NUMBER: _ClassVar[int]
    academic_year: AcademicYear
    class_group_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, academic_year: _Optional[_Union[AcademicYear, _Mapping]] = ..., class_group_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class NextYearOpened(_message.Message):
    __slots__ = ("source_year_id", "academic_year", "successions")
    SOURCE_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    ACADEMIC_YEAR_FIELD_NUMBER: _ClassVar[int]
    SUCCESSIONS_FIELD_NUMBER: _ClassVar[int]
    source_year_id: str
    academic_year: AcademicYear
    successions: _containers.RepeatedCompositeFieldContainer[ClassSuccession]
    def __init__(self, source_year_id: _Optional[str] = ..., academic_year: _Optional[_Union[AcademicYear, _Mapping]] = ..., successions: _Optional[_Iterable[_Union[ClassSuccession, _Mapping]]] = ...) -> None: ...

class CurriculumHoursSet(_message.Message):
    __slots__ = ("hours",)
    HOURS_FIELD_NUMBER: _ClassVar[int]
    hours: CurriculumHours
    def __init__(self, hours: _Optional[_Union[CurriculumHours, _Mapping]] = ...) -> None: ...

class SchoolEventCreated(_message.Message):
    __slots__ = ("event",)
    EVENT_FIELD_NUMBER: _ClassVar[int]
    event: SchoolEvent
    def __init__(self, event: _Optional[_Union[SchoolEvent, _Mapping]] = ...) -> None: ...

class SchoolEventChanged(_message.Message):
    __slots__ = ("event", "changed")
    EVENT_FIELD_NUMBER: _ClassVar[int]
    CHANGED_FIELD_NUMBER: _ClassVar[int]
    event: SchoolEvent
    changed: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, event: _Optional[_Union[SchoolEvent, _Mapping]] = ..., changed: _Optional[_Iterable[str]] = ...) -> None: ...

class SchoolEventCancelled(_message.Message):
    __slots__ = ("event",)
    EVENT_FIELD_NUMBER: _ClassVar[int]
    event: SchoolEvent
    def __init__(self, event: _Optional[_Union[SchoolEvent, _Mapping]] = ...) -> None: ...

class SubgroupStudentsSet(_message.Message):
    __slots__ = ("subgroup",)
    SUBGROUP_FIELD_NUMBER: _ClassVar[int]
    subgroup: Subgroup
    def __init__(self, subgroup: _Optional[_Union[Subgroup, _Mapping]] = ...) -> None: ...
