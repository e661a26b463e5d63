"""The week's diary of a class printed for the families who do not use the electronic diary (T9; seed 000 §2.2.4,
004 §7.13, 001 §1.6 «еженедельная распечатка»): per student of the class that week, the lessons by day with the
subject, the topic, the homework (the lesson's and the student's own), the student's marks with their work types and
the teacher's comments, the attendance; the lessons missed that week by reason; and the school events of the week
for the class's families. Plain Python, no I/O.

Whose lessons: the lessons of the class on the days the student was in it (a dated membership); a subgroup's lesson
only for the subgroup's students as schedule told them (SubgroupStudentsSet), or for a student with a mark, an
absence or own homework on it; while reporting was told no students of the subgroup (a subgroup made before issue 14
and not changed since), for every student, its name printed with the subject. A mark whose lesson is not printed (a
mark told before 0016 carries no lesson) goes to the printed lesson of its subject that day, else a line of its own."""
import datetime as dt
from collections import Counter
from dataclasses import dataclass

from services.common.attendance_kinds import ATTENDANCE_KINDS
from services.common.event_audience import Audience
from services.common.memberships import covers
from services.reporting.domain.attendance_sheet import REASON_CODES, UNKNOWN_SUBJECT, Member, Missed

LATE = "late"


@dataclass(frozen=True)
class Named:
    id: str
    name: str


@dataclass(frozen=True)
class LessonFact:
    """A lesson of the class that week (not cancelled; the class journal: of its period): schedule's and the journal's
    facts of it."""
    id: str
    date: dt.date
    number: int | None
    starts_at: dt.time | None
    subject_id: str
    subject_name: str
    subgroup_id: str  # "" = the whole class
    subgroup_name: str
    topic: str
    homework: str
    teacher_name: str = ""  # the lesson's teacher by name (the class journal's; "" = not known)


@dataclass(frozen=True)
class MarkFact:
    student_id: str
    subject_id: str
    subject_name: str
    date: dt.date
    lesson_id: str  # "" = not told
    value: str
    work_type: str
    comment: str


@dataclass(frozen=True)
class AttendanceFact:
    lesson_id: str
    student_id: str
    status: str


@dataclass(frozen=True)
class OwnHomework:
    lesson_id: str
    student_id: str
    homework: str


@dataclass(frozen=True)
class SubgroupFact:
    id: str
    name: str
    student_ids: tuple[str, ...]


@dataclass(frozen=True)
class EventFact:
    date: dt.date
    starts_at: dt.time | None
    ends_at: dt.time | None
    title: str
    kind_name: str
    place: str
    audience: Audience


@dataclass(frozen=True)
class WeekFacts:
    """What the read model knows of a class's week."""
    class_group: Named
    grade: int | None
    members: list[Member]
    lessons: list[LessonFact]
    marks: list[MarkFact]
    attendance: list[AttendanceFact]
    own_homework: list[OwnHomework]
    subgroups: list[SubgroupFact]
    events: list[EventFact]


@dataclass(frozen=True)
class DiaryMark:
    value: str
    work_type: str
    work_type_name: str
    comment: str


@dataclass(frozen=True)
class DiaryLesson:
    lesson_id: str  # "" = a line of marks whose lesson is not known
    date: dt.date
    number: int  # 0 = not known
    starts_at: dt.time | None
    subject_name: str
    topic: str
    homework: str
    own_homework: str
    marks: tuple[DiaryMark, ...]
    attendance: str
    attendance_name: str


@dataclass(frozen=True)
class StudentWeek:
    student: Named
    lessons: tuple[DiaryLesson, ...]
    missed: Missed
    late: int


@dataclass(frozen=True)
class WeeklyDiaries:
    school_name: str
    class_group: Named
    date_from: dt.date
    date_to: dt.date
    students: tuple[StudentWeek, ...]
    events: tuple[EventFact, ...]


def week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """The Monday and the Sunday of the day's week."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def _subject(lesson: LessonFact, subgroups: dict[str, SubgroupFact]) -> str:
    name = lesson.subject_name or UNKNOWN_SUBJECT
    if not lesson.subgroup_id:
        return name
    group = subgroups.get(lesson.subgroup_id)
    group_name = (group.name if group else "") or lesson.subgroup_name
    return f"{name} ({group_name})" if group_name else name


def _takes(lesson: LessonFact, student_id: str, subgroups: dict[str, SubgroupFact], recorded: set[str]) -> bool:
    """Whether the student has the lesson: the whole class's, or their subgroup's (see the module's text)."""
    if not lesson.subgroup_id:
        return True
    group = subgroups.get(lesson.subgroup_id)
    return group is None or student_id in group.student_ids or lesson.id in recorded


def _mark(fact: MarkFact, work_type_names: dict[str, str]) -> DiaryMark:
    return DiaryMark(fact.value, fact.work_type, work_type_names.get(fact.work_type, fact.work_type), fact.comment)


def _order(line: DiaryLesson) -> tuple:
    return line.date, line.number or 99, line.starts_at or dt.time.max, line.subject_name


def student_week(student: Named, days: set[dt.date], facts: WeekFacts, work_type_names: dict[str, str]) -> StudentWeek:
    """One student's diary of the week (`days`: those the student was in the class)."""
    subgroups = {g.id: g for g in facts.subgroups}
    status = {a.lesson_id: a.status for a in facts.attendance if a.student_id == student.id}
    own = {h.lesson_id: h.homework for h in facts.own_homework if h.student_id == student.id}
    marks = [m for m in facts.marks if m.student_id == student.id]
    recorded = set(status) | set(own) | {m.lesson_id for m in marks if m.lesson_id}
    taken = sorted((lesson for lesson in facts.lessons
                    if lesson.date in days and _takes(lesson, student.id, subgroups, recorded)),
                   key=lambda lesson: (lesson.date, lesson.number or 99, lesson.starts_at or dt.time.max))
    printed = {lesson.id for lesson in taken}
    by_lesson: dict[str, list[MarkFact]] = {}
    orphans: list[MarkFact] = []
    for mark in marks:
        if mark.lesson_id in printed:
            by_lesson.setdefault(mark.lesson_id, []).append(mark)
            continue
        same_day = next((lesson for lesson in taken if lesson.subject_id == mark.subject_id
                         and lesson.date == mark.date), None)
        if same_day is not None:
            by_lesson.setdefault(same_day.id, []).append(mark)
        else:
            orphans.append(mark)
    lines = [DiaryLesson(lesson.id, lesson.date, lesson.number or 0, lesson.starts_at, _subject(lesson, subgroups),
                         lesson.topic, lesson.homework, own.get(lesson.id, ""),
                         tuple(_mark(m, work_type_names) for m in by_lesson.get(lesson.id, ())),
                         status.get(lesson.id, ""), ATTENDANCE_KINDS.get(status.get(lesson.id, ""), ""))
             for lesson in taken]
    lone: dict[tuple[dt.date, str], list[MarkFact]] = {}
    for mark in orphans:
        lone.setdefault((mark.date, mark.subject_name or UNKNOWN_SUBJECT), []).append(mark)
    lines += [DiaryLesson("", day, 0, None, subject, "", "", "", tuple(_mark(m, work_type_names) for m in found), "",
                          "") for (day, subject), found in lone.items()]
    counted = Counter(status[lesson.id] for lesson in taken if lesson.id in status)
    by_reason = tuple(counted[code] for code in REASON_CODES)
    return StudentWeek(student, tuple(sorted(lines, key=_order)), Missed(by_reason, sum(by_reason)), counted[LATE])


def class_events(facts: WeekFacts) -> tuple[EventFact, ...]:
    """The week's events for the class's families, in date order as kept."""
    return tuple(e for e in facts.events
                 if e.audience.for_families and e.audience.includes(facts.class_group.id, facts.grade))


def weekly_diaries(school_name: str, facts: WeekFacts, date_from: dt.date, date_to: dt.date,
                   work_type_names: dict[str, str], only: frozenset[str] = frozenset()) -> WeeklyDiaries:
    """Every student of the class during the week (or only those named), by name, each with their diary."""
    week = [date_from + dt.timedelta(days=i) for i in range((date_to - date_from).days + 1)]
    names: dict[str, str] = {}
    days: dict[str, set[dt.date]] = {}
    for member in facts.members:
        if only and member.student_id not in only:
            continue
        names[member.student_id] = member.student_name
        days.setdefault(member.student_id, set()).update(day for day in week if covers(member, day))
    order = sorted(names, key=lambda sid: (names[sid].lower().replace("ё", "е"), sid))
    return WeeklyDiaries(school_name, facts.class_group, date_from, date_to,
                         tuple(student_week(Named(sid, names[sid]), days[sid], facts, work_type_names)
                               for sid in order), class_events(facts))
