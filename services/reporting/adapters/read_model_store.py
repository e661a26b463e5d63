"""The store of reporting's read models (rm_* tables but the year closings): the facts events tell, upserted in any
order, and the rows of a class group's summary sheet (every student who was in the class, by their dated
memberships, and every student with marks made in it).

Events of different services arrive in any order, so every write upserts: a mark may create a placeholder student,
subject, class group or term whose name a later event fills in. Empty values never overwrite known ones."""
import datetime as dt
from decimal import Decimal

from sqlalchemy import Table, Text, and_, cast, delete, false, func, or_, select, true, union, update
from sqlalchemy.dialects.postgresql import aggregate_order_by, insert
from sqlalchemy.orm import Session

from services.common.mark_average import DEFAULTS, WorkType, effective, weights
from services.common.mark_scales import FIVE_POINT
from services.reporting.adapters.tables import (
    academic_years,
    attendance,
    class_groups,
    class_memberships,
    curriculum_hours,
    final_marks,
    lessons,
    marks,
    movement_orders,
    order_lines,
    school_settings,
    students,
    subjects,
    term_marks,
    terms,
)
from services.reporting.domain import attendance_sheet, class_fill, read_model, summary_sheet
from services.reporting.domain.period_results import YEAR, Period


def upsert(session: Session, school_id: str, table: Table, key: dict, values: dict) -> None:
    """Inserts a row of the school or updates the non-empty values of an existing one."""
    stmt = insert(table).values(school_id=school_id, **key, **{c: v for c, v in values.items() if v})
    changes = {c: stmt.excluded[c] for c, v in values.items() if v}
    if not changes:
        stmt = stmt.on_conflict_do_nothing(index_elements=list(key))
    else:
        stmt = stmt.on_conflict_do_update(index_elements=list(key), set_=changes)
    session.execute(stmt)



def class_members(session: Session, class_group_id: str, date_from: dt.date, date_to: dt.date) -> list:
    """(student id, name or "", from, to) of the class group's memberships overlapping date_from..date_to."""
    return session.execute(
        select(class_memberships.c.student_id, func.coalesce(students.c.full_name, ""),
               class_memberships.c.date_from, class_memberships.c.date_to)
        .join(students, students.c.id == class_memberships.c.student_id, isouter=True)
        .where(class_memberships.c.class_group_id == class_group_id,
               or_(class_memberships.c.date_from.is_(None), class_memberships.c.date_from <= date_to),
               or_(class_memberships.c.date_to.is_(None), class_memberships.c.date_to >= date_from))).all()

class ReadModelStore:
    def __init__(self, session: Session, school_id: str):
        self.session, self.school_id = session, school_id

    def _upsert(self, table: Table, key: dict, values: dict) -> None:
        upsert(self.session, self.school_id, table, key, values)

    def _placeholders(self, table: Table, rows: dict[str, dict]) -> None:
        """Rows (by id) named by marks but maybe not known yet: inserted if missing, never updated; written once
        per transaction, as a batch of marks names them many times."""
        written = self.session.info.setdefault("placeholders", set())
        new = sorted(i for i in rows if (table.name, i) not in written)
        if new:
            self.session.execute(insert(table).on_conflict_do_nothing(index_elements=["id"]),
                                 [{"id": i, "school_id": self.school_id, **rows[i]} for i in new])
            written.update((table.name, i) for i in new)

    def put_student(self, student: read_model.Student) -> None:
        self._upsert(students, {"id": student.id}, {"full_name": student.full_name, "gender": student.gender,
                                                   "birth_date": student.birth_date})

    def replace_memberships(self, student_id: str, memberships: tuple[read_model.Membership, ...]) -> None:
        """The student's memberships become these (oldest first), whatever was kept before."""
        self.session.execute(delete(class_memberships).where(class_memberships.c.student_id == student_id))
        if memberships:
            self.session.execute(insert(class_memberships), [
                {"student_id": student_id, "position": i, "school_id": self.school_id, **vars(m)}
                for i, m in enumerate(memberships)])

    def put_year(self, year: read_model.AcademicYear) -> None:
        self._upsert(academic_years, {"id": year.id}, {"name": year.name})
        for term in year.terms:
            self._upsert(terms, {"id": term.id}, {
                "academic_year_id": year.id, "name": term.name, "start_date": term.start_date,
                "end_date": term.end_date, "grade_from": term.grade_from, "grade_to": term.grade_to})

    def remove_terms(self, term_ids: list[str]) -> None:
        self.session.execute(delete(terms).where(terms.c.id.in_(term_ids)))

    def put_class_group(self, group: read_model.ClassGroup) -> None:
        self._upsert(class_groups, {"id": group.id},
                     {"name": group.name, "academic_year_id": group.academic_year_id, "grade": group.grade})

    def put_subject(self, subject: read_model.Subject) -> None:
        self._upsert(subjects, {"id": subject.id}, {"name": subject.name})

    def put_marks(self, latest: list[read_model.Mark]) -> None:
        """Marks (each once) in four statements."""
        self._placeholders(students, {m.student_id: {} for m in latest})
        self._placeholders(subjects, {m.subject_id: {} for m in latest})
        self._placeholders(class_groups, {m.class_group_id: {} for m in latest})
        stmt = insert(marks)
        keep_if_empty = {c: func.coalesce(func.nullif(stmt.excluded[c], ""), marks.c[c]) for c in ("value", "work_type")}
        self.session.execute(stmt.on_conflict_do_update(index_elements=["mark_id"], set_={
            **{c: stmt.excluded[c] for c in ("student_id", "subject_id", "class_group_id", "lesson_date", "comment")},
            **keep_if_empty, "lesson_id": func.coalesce(stmt.excluded.lesson_id, marks.c.lesson_id)}),
            [{"mark_id": m.id, "school_id": self.school_id, "student_id": m.student_id, "subject_id": m.subject_id,
              "class_group_id": m.class_group_id, "lesson_date": m.lesson_date, "value": m.value,
              "work_type": m.work_type, "lesson_id": m.lesson_id or None, "comment": m.comment} for m in latest])

    def move_marks(self, mark_ids: list[str], lesson_date) -> None:
        self.session.execute(update(marks).where(marks.c.mark_id.in_(mark_ids)).values(lesson_date=lesson_date))

    def delete_mark(self, mark_id: str) -> None:
        self.session.execute(delete(marks).where(marks.c.mark_id == mark_id))

    def put_attendance(self, told: read_model.Attendance) -> None:
        """The (lesson, student)'s status becomes the one told; none ("" = present) removes it."""
        key = {"school_id": self.school_id, "lesson_id": told.lesson_id, "student_id": told.student_id}
        if not told.status:
            self.session.execute(delete(attendance).where(*(attendance.c[c] == v for c, v in key.items())))
            return
        stmt = insert(attendance).values(**key, class_group_id=told.class_group_id, lesson_date=told.lesson_date,
                                         status=told.status)
        self.session.execute(stmt.on_conflict_do_update(index_elements=list(key), set_={
            c: stmt.excluded[c] for c in ("class_group_id", "lesson_date", "status")}))

    def move_attendance(self, lesson_id: str, lesson_date) -> None:
        self.session.execute(update(attendance).where(attendance.c.lesson_id == lesson_id)
                             .values(lesson_date=lesson_date))

    def put_lessons(self, told: list[read_model.Lesson]) -> None:
        """Schedule's lessons (each once): what schedule tells replaces what it told before."""
        stmt = insert(lessons)
        told_columns = ("subject_id", "class_group_id", "lesson_date", "teacher_id", "cancelled", "subgroup_id",
                        "lesson_number", "starts_at", "subgroup_name")
        self.session.execute(stmt.on_conflict_do_update(index_elements=["id"], set_={
            c: stmt.excluded[c] for c in told_columns}),
            [{"id": lesson.id, "school_id": self.school_id, "subject_id": lesson.subject_id,
              "class_group_id": lesson.class_group_id, "lesson_date": lesson.lesson_date,
              "teacher_id": lesson.teacher_id or None, "cancelled": lesson.cancelled,
              "subgroup_id": lesson.subgroup_id or None, "lesson_number": lesson.lesson_number or None,
              "starts_at": lesson.starts_at, "subgroup_name": lesson.subgroup_name} for lesson in told])

    def put_lesson_topics(self, told: list[read_model.LessonTopic]) -> None:
        """The journal's topics (each lesson once): whether the lesson was given, when its topic was first recorded
        (kept once known); its class and date only until schedule's event tells them."""
        stmt = insert(lessons)
        self.session.execute(stmt.on_conflict_do_update(index_elements=["id"], set_={
            "recorded": stmt.excluded.recorded, "topic": stmt.excluded.topic,
            **{c: func.coalesce(lessons.c[c], stmt.excluded[c]) for c in ("class_group_id", "lesson_date",
                                                                        "recorded_at")}}),
            [{"id": t.lesson_id, "school_id": self.school_id, "class_group_id": t.class_group_id,
              "lesson_date": t.lesson_date, "recorded": t.recorded, "recorded_at": t.recorded_at, "topic": t.topic}
             for t in told])

    def put_lesson_homework(self, told: list[read_model.LessonHomework]) -> None:
        """The journal's lessons' homework texts (each lesson once); the class and date only until schedule tells
        them (as for topics)."""
        stmt = insert(lessons)
        self.session.execute(stmt.on_conflict_do_update(index_elements=["id"], set_={
            "homework": stmt.excluded.homework,
            **{c: func.coalesce(lessons.c[c], stmt.excluded[c]) for c in ("class_group_id", "lesson_date")}}),
            [{"id": h.lesson_id, "school_id": self.school_id, "class_group_id": h.class_group_id,
              "lesson_date": h.lesson_date, "homework": h.homework} for h in told])

    def put_curriculum_hours(self, told: read_model.CurriculumHours) -> None:
        stmt = insert(curriculum_hours).values(school_id=self.school_id, class_group_id=told.class_group_id,
                                               subject_id=told.subject_id, hours_per_week=told.hours_per_week)
        self.session.execute(stmt.on_conflict_do_update(index_elements=["class_group_id", "subject_id"], set_={
            "hours_per_week": stmt.excluded.hours_per_week}))

    def put_school_settings(self, told: read_model.SchoolSettings) -> None:
        stmt = insert(school_settings).values(
            school_id=self.school_id, mark_scale=told.mark_scale,
            work_types=[{"code": w.code, "name": w.name, "weight": str(w.weight)} for w in told.work_types])
        self.session.execute(stmt.on_conflict_do_update(index_elements=["school_id"], set_={
            "mark_scale": stmt.excluded.mark_scale, "work_types": stmt.excluded.work_types}))

    def school_settings(self) -> read_model.SchoolSettings:
        """The school's mark scale and work types; the journal's defaults while it has told none."""
        row = self.session.execute(select(school_settings.c.mark_scale, school_settings.c.work_types)).first()
        if row is None:
            return read_model.SchoolSettings(FIVE_POINT, DEFAULTS)
        return read_model.SchoolSettings(row.mark_scale, tuple(effective(
            WorkType(w["code"], w["name"], Decimal(w["weight"])) for w in row.work_types)))

    def put_term_placeholder(self, term_id: str) -> None:
        self._placeholders(terms, {term_id: {}})

    def put_term_mark(self, mark: read_model.TermMark) -> None:
        self._put_period_mark(term_marks, mark, {"term_id": mark.term_id})

    def put_final_mark(self, mark: read_model.FinalMark) -> None:
        self._put_period_mark(final_marks, mark, {"kind": mark.kind})

    def _put_period_mark(self, table: Table, mark: read_model.TermMark | read_model.FinalMark, period: dict) -> None:
        """A period mark set or changed is upserted; removed (value "") is deleted."""
        if not mark.value:
            self.session.execute(delete(table).where(table.c.id == mark.id))
            return
        self._placeholders(students, {mark.student_id: {}})
        self._placeholders(subjects, {mark.subject_id: {}})
        self._placeholders(class_groups, {mark.class_group_id: {}})
        values = {"student_id": mark.student_id, "subject_id": mark.subject_id, **period,
                  "class_group_id": mark.class_group_id, "special": mark.special, "value": mark.value}
        stmt = insert(table).values(id=mark.id, school_id=self.school_id, **values)
        self.session.execute(stmt.on_conflict_do_update(index_elements=["id"],
                                                        set_={c: stmt.excluded[c] for c in values}))

    def summary_sheet(self, class_group_id: str, period: Period | None = None) -> summary_sheet.SummarySheet | None:
        """The class group's summary sheet, None when the read model does not know the class group. For a period
        (period_results' term or year): the students in the class during it or with marks of it, the marks dated
        within it, and for a term only its column; the council's decisions for the whole year (no period or the
        year)."""
        session = self.session
        group = session.execute(
            select(class_groups.c.id, class_groups.c.name, class_groups.c.grade, class_groups.c.academic_year_id,
                   academic_years.c.name.label("year_name"))
            .select_from(class_groups.outerjoin(academic_years, academic_years.c.id == class_groups.c.academic_year_id))
            .where(class_groups.c.id == class_group_id)).first()
        if group is None:
            return None
        term_id = period.id if period is not None and period.id != YEAR else None
        in_class = marks.c.class_group_id == class_group_id
        if period is not None:
            in_class = and_(in_class, marks.c.lesson_date.between(period.date_from, period.date_to))
        term_in_class = term_marks.c.class_group_id == class_group_id
        final_in_class = final_marks.c.class_group_id == class_group_id
        if term_id:
            term_in_class = and_(term_in_class, term_marks.c.term_id == term_id)
            final_in_class = false()
        marked = union(select(marks.c.student_id).where(in_class),
                       select(term_marks.c.student_id).where(term_in_class),
                       select(final_marks.c.student_id).where(final_in_class))
        member = class_memberships.c.class_group_id == class_group_id
        if period is not None:
            member = and_(member, or_(class_memberships.c.date_from.is_(None),
                                      class_memberships.c.date_from <= period.date_to),
                          or_(class_memberships.c.date_to.is_(None), class_memberships.c.date_to >= period.date_from))
        # two index lookups, not one OR that the planner can only answer by reading every student of the school
        student_rows = session.execute(union(
            select(students.c.id, students.c.full_name).where(
                students.c.id.in_(select(class_memberships.c.student_id).where(member))),
            select(students.c.id, students.c.full_name).where(students.c.id.in_(marked)))).all()
        membership_rows = session.execute(
            select(class_memberships.c.student_id, class_memberships.c.class_group_id, class_memberships.c.date_from,
                   class_memberships.c.date_to).where(class_memberships.c.class_group_id == class_group_id)).all()
        subject_rows = session.execute(select(subjects.c.id, subjects.c.name).where(subjects.c.id.in_(union(
            select(marks.c.subject_id).where(in_class), select(term_marks.c.subject_id).where(term_in_class),
            select(final_marks.c.subject_id).where(final_in_class))))).all()
        # one row per cell, the marks (and their work types) aggregated in lesson-date order by the database (a year
        # of a class is thousands of marks: fetching and converting them one row each dominated the sheet's time)
        in_order = (marks.c.lesson_date, marks.c.mark_id)
        cell_rows = session.execute(
            select(cast(marks.c.student_id, Text), cast(marks.c.subject_id, Text),
                   func.array_agg(aggregate_order_by(marks.c.value, *in_order)),
                   func.array_agg(aggregate_order_by(marks.c.work_type, *in_order)))
            .where(in_class).group_by(marks.c.student_id, marks.c.subject_id)).all()
        term_rows = session.execute(select(terms.c.id, terms.c.name, terms.c.start_date).where(
            terms.c.id == term_id if term_id else or_(
                _class_terms(group.academic_year_id, group.grade),
                terms.c.id.in_(select(term_marks.c.term_id).where(term_in_class))))).all()
        period_rows = session.execute(union(
            select(term_marks.c.student_id, term_marks.c.subject_id, cast(term_marks.c.term_id, Text),
                   term_marks.c.value, term_marks.c.special).where(term_in_class),
            select(final_marks.c.student_id, final_marks.c.subject_id, final_marks.c.kind, final_marks.c.value,
                   final_marks.c.special).where(final_in_class))).all()
        periods = summary_sheet.sheet_periods([summary_sheet.Term(r.id, r.name, r.start_date) for r in term_rows],
                                              {r[2] for r in period_rows})
        if term_id:
            periods = tuple(p for p in periods if p.id == term_id)
        settings = self.school_settings()
        return summary_sheet.summary_sheet(
            school_id=self.school_id, class_group=summary_sheet.Named(group.id, group.name),
            academic_year_name=group.year_name or "",
            students=[summary_sheet.Named(r.id, r.full_name) for r in student_rows],
            subjects=[summary_sheet.Named(r.id, r.name) for r in subject_rows],
            cells=[summary_sheet.CellMarks(student, subject, tuple(values), tuple(types))
                   for student, subject, values, types in cell_rows],
            periods=periods, period_values=[summary_sheet.PeriodValue(*map(str, r)) for r in period_rows],
            memberships=[summary_sheet.StudentMembership(*r) for r in membership_rows],
            weights=weights(settings.work_types),
            year_end_orders=None if term_id else self.year_end_orders(class_group_id),
            period_id=period.id if period is not None else "", period_name=period.name if period is not None else "")

    def year_end_orders(self, class_group_id: str) -> "list[summary_sheet.YearEndOrder]":
        """The lines of the year-end orders (promotion, conditional promotion, repetition, graduation) moving
        students out of the class, the cancelled ones left out, with the class each goes to by name."""
        rows = self.session.execute(
            select(cast(order_lines.c.student_id, Text), movement_orders.c.kind, movement_orders.c.effective_date,
                   func.coalesce(class_groups.c.name, ""), order_lines.c.debts)
            .join(movement_orders, movement_orders.c.id == order_lines.c.order_id)
            .join(class_groups, class_groups.c.id == order_lines.c.to_class_group_id, isouter=True)
            .where(order_lines.c.from_class_group_id == class_group_id,
                   movement_orders.c.kind.in_(summary_sheet.YEAR_END_KINDS),
                   movement_orders.c.cancelled_by_order_id.is_(None))).all()
        return [summary_sheet.YearEndOrder(student, kind, effective, to_class, tuple(
            (d.get("subject_name", ""), d.get("deadline", "")) for d in debts))
            for student, kind, effective, to_class, debts in rows]

    def class_fill_facts(self, on_date) -> tuple[tuple[str, str] | None, list[class_fill.ClassGroup],
                                                       list[class_fill.Member]]:
        """The academic year containing the date (its id and name: the year whose first term began last on or before
        the date; None when no year has begun), its class groups, and the memberships (with the student's gender) of
        its classes, or of class groups whose year is not known, that cover the date."""
        session = self.session
        began = func.min(terms.c.start_date)
        year_id = session.scalar(select(terms.c.academic_year_id).where(terms.c.academic_year_id.is_not(None))
                                 .group_by(terms.c.academic_year_id).having(began <= on_date)
                                 .order_by(began.desc()).limit(1))
        year = (year_id, session.scalar(select(academic_years.c.name).where(academic_years.c.id == year_id)) or ""
                ) if year_id else None
        groups = [class_fill.ClassGroup(r.id, r.name, r.grade or 0) for r in session.execute(
            select(class_groups.c.id, class_groups.c.name, class_groups.c.grade).where(
                class_groups.c.academic_year_id == year_id))] if year_id else []
        of_year = or_(class_groups.c.academic_year_id == year_id, class_groups.c.academic_year_id.is_(None)) \
            if year_id else true()
        members = session.execute(
            select(class_memberships.c.student_id, class_memberships.c.class_group_id, class_memberships.c.date_from,
                   class_memberships.c.date_to, func.coalesce(students.c.gender, ""))
            .join(students, students.c.id == class_memberships.c.student_id, isouter=True)
            .join(class_groups, class_groups.c.id == class_memberships.c.class_group_id, isouter=True)
            .where(or_(class_memberships.c.date_from.is_(None), class_memberships.c.date_from <= on_date),
                   or_(class_memberships.c.date_to.is_(None), class_memberships.c.date_to >= on_date), of_year)).all()
        return year, groups, [class_fill.Member(*r) for r in members]


    def attendance_facts(self, class_group_id: str, date_from, date_to) -> tuple[
            str | None, list[attendance_sheet.Member], list[attendance_sheet.Absence]]:
        """The class group's name (None = not known), the memberships of it overlapping the period (with the
        student's name) and its lessons' attendance of the period (with the lesson's subject, "" = not known)."""
        session = self.session
        name = session.scalar(select(class_groups.c.name).where(class_groups.c.id == class_group_id))
        members = class_members(session, class_group_id, date_from, date_to)
        absences = session.execute(
            select(attendance.c.student_id, attendance.c.lesson_date, attendance.c.status,
                   func.coalesce(cast(lessons.c.subject_id, Text), ""), func.coalesce(subjects.c.name, ""))
            .join(lessons, lessons.c.id == attendance.c.lesson_id, isouter=True)
            .join(subjects, subjects.c.id == lessons.c.subject_id, isouter=True)
            .where(attendance.c.class_group_id == class_group_id,
                   attendance.c.lesson_date.between(date_from, date_to))).all()
        return (name, [attendance_sheet.Member(*r) for r in members],
                [attendance_sheet.Absence(*r) for r in absences])

def _class_terms(academic_year_id: str | None, grade: int | None):
    """The terms of the class group's year for its grade (0..0 = every grade); every term of the year while the
    grade is unknown, none while the year is."""
    if academic_year_id is None:
        return false()
    for_grade = true() if grade is None else or_(and_(terms.c.grade_from == 0, terms.c.grade_to == 0),
                                                 and_(terms.c.grade_from <= grade, terms.c.grade_to >= grade))
    return and_(terms.c.academic_year_id == academic_year_id, for_grade)
