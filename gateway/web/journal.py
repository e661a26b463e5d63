"""The journal's Russian pages: the teacher's grid of a class (or subgroup) and subject — typed into with the keyboard
and saved by itself (static/grid.js, on the REST API; entries kept in the browser while offline), and without
JavaScript one lesson's column edited as a form and saved whole (SaveLesson) — where a locked lesson is asked to be
opened (RequestUnlock); the deputy head's
control page (late entries, unlock requests to decide, anomaly flags, lessons never filled in, lessons without
homework, students with too few marks before a term ends, the families' unanswered flags of marks, remarks to teachers
with their answers, late movement orders and the year transition's deadline); the teacher's remarks page, where they
answer; the form teacher's absence reasons (CorrectAttendance); the school administrator's review and revert of a
compromised account's changes."""
import datetime
from dataclasses import dataclass

from flask import Blueprint, redirect, render_template, request, url_for

from gateway.auth.session import login_required
from gateway.errors import http_status
from gateway.web import pages
from gateway.web.pages import call, choice_names, class_names, explain, journal_policy, lesson_form, optional
from gateway.web.year_transition import deadline_state, late_orders
from proto.identity.v1 import identity_pb2
from proto.journal.v1 import journal_pb2 as pb
from proto.schedule.v1 import schedule_pb2
from services.common.attendance_kinds import letter as attendance_letter
from services.common.errors import DomainError, NotFound
from services.common.policy import TEACHERS

bp = Blueprint("journal_pages", __name__)

LESSON_LOCKED = pb.ErrorReason.Name(pb.LESSON_LOCKED)  # a refusal's reason: the lesson may be asked to be opened
ENTITIES = {"mark": "отметка", "attendance": "посещаемость", "topic": "тема", "homework": "домашнее задание",
            "term_mark": "четвертная отметка", "final_mark": "итоговая отметка", "unlock_request": "запрос на открытие",
            "attachment": "файл", "policy": "настройка", "work_type": "вид работы", "student_plan": "план ученика",
            "control_remark": "замечание"}
OUTCOMES = {"reverted": "отменено", "conflict": "конфликт", "already_reverted": "уже отменено",
            "not_revertible": "не отменяется"}
WINDOWS = (24, 72, 168, 720)


def period_of(values, days_back: int) -> tuple[str, str]:
    """from/to of the query, by default the last days_back days through the end of this week."""
    now = pages.today()  # once: a period of one day's view
    end = now + datetime.timedelta(days=6 - now.weekday())
    return (values.get("from") or (now - datetime.timedelta(days=days_back)).isoformat(),
            values.get("to") or end.isoformat())


@dataclass(frozen=True)
class GridQuery:
    """Which grid: a class group (or one subgroup) and subject over a term or from..to."""

    class_group_id: str
    subject_id: str
    subgroup_id: str = ""
    term_id: str = ""
    date_from: str = ""
    date_to: str = ""

    @classmethod
    def of(cls, values) -> "GridQuery":
        ids = {k: values.get(k, "") for k in ("class_group_id", "subject_id", "subgroup_id", "term_id")}
        if ids["term_id"]:
            return cls(**ids)
        date_from, date_to = period_of(values, 27)
        return cls(**ids, date_from=date_from, date_to=date_to)

    def args(self) -> dict:
        """The query as the page's parameters (from/to as in the address)."""
        values = dict(class_group_id=self.class_group_id, subject_id=self.subject_id, subgroup_id=self.subgroup_id,
                      term_id=self.term_id, **{"from": self.date_from, "to": self.date_to})
        return {k: v for k, v in values.items() if v}

    def message(self, school_id: str) -> pb.GetGridRequest:
        return pb.GetGridRequest(school_id=school_id, class_group_id=self.class_group_id, subject_id=self.subject_id,
                                 subgroup_id=self.subgroup_id, term_id=self.term_id, date_from=self.date_from,
                                 date_to=self.date_to)


def people_names(school_id: str, kind, class_group_id: str = "") -> dict[str, str]:
    people = call("identity", "ListPeople", identity_pb2.ListPeopleRequest(
        school_id=school_id, kind=kind, class_group_id=class_group_id)).people
    return {p.id: f"{p.name.last_name} {p.name.first_name}".strip() for p in people}


def principal_of(school_id: str) -> identity_pb2.Principal:
    me = call("identity", "GetMe", identity_pb2.GetMeRequest())
    return next((m.principal for m in me.memberships if m.school.id == school_id), identity_pb2.Principal())


@bp.get("/schools/<uuid:school_id>/journal")
@login_required
def index(school_id):
    """The teacher's classes and subjects (from their lessons), or a chosen class's, with links to the grids."""
    school_id = str(school_id)
    principal = principal_of(school_id)
    names = class_names(school_id)
    chosen = request.args.get("class_group_id", "")
    date_from, date_to = period_of(request.args, 62)
    lessons = []
    if chosen or (TEACHERS & set(principal.roles) and principal.person_id):
        lessons = call("schedule", "ListLessons", schedule_pb2.ListLessonsRequest(
            school_id=school_id, class_group_id=chosen, teacher_id="" if chosen else principal.person_id,
            date_from=date_from, date_to=date_to)).lessons
    terms = {term_id: term_name(school_id, term_id) for term_id in {lesson.term_id for lesson in lessons} if term_id}
    combos = {}
    for lesson in sorted(lessons, key=lambda x: x.date, reverse=True):  # the latest lesson's term
        key = (lesson.class_group_id, lesson.subject_id, lesson.subgroup_id)
        query = GridQuery(lesson.class_group_id, lesson.subject_id, lesson.subgroup_id)
        combos.setdefault(key, {"class_name": names.get(lesson.class_group_id, ""), "subject": lesson.subject_name,
                                "subgroup": lesson.subgroup_name, "args": query.args(),
                                "term": terms.get(lesson.term_id, ""), "term_args": {**query.args(),
                                                                                     "term_id": lesson.term_id}})
    return render_template("journal_index.html", school_id=school_id, names=names, chosen=chosen,
                           combos=sorted(combos.values(), key=lambda c: (c["class_name"], c["subject"], c["subgroup"])))


def term_name(school_id: str, term_id: str) -> str:
    return call("schedule", "GetTerm", schedule_pb2.GetTermRequest(school_id=school_id, term_id=term_id)).name


@bp.get("/schools/<uuid:school_id>/journal/grid")
@login_required
def grid(school_id):
    return grid_page(str(school_id), GridQuery.of(request.args), request.args.get("edit", ""))


def grid_page(school_id: str, query: GridQuery, edit: str, posted: dict | None = None, failure: dict | None = None,
              status: int = 200):
    """The grid; with `edit` one lesson's column as a form (the posted values and the errors after a refusal)."""
    grid_data = call("journal", "GetGrid", query.message(school_id))
    group = call("schedule", "GetClassGroup", schedule_pb2.GetClassGroupRequest(
        school_id=school_id, class_group_id=query.class_group_id))
    lesson = next((x for x in grid_data.lessons if x.lesson_id == edit), None)
    column = None
    if lesson is not None:
        index = list(grid_data.lessons).index(lesson)
        stored = {s.student_id: s.cells[index] for s in grid_data.students}
        column = posted or {
            "topic": lesson.topic, "homework": lesson.homework, "reason": "", "plan_topic_id": lesson.plan_topic_id,
            "marks": {sid: list(cell.marks) for sid, cell in stored.items()},
            "attendance": {sid: cell.attendance for sid, cell in stored.items()}}
    topics = optional("journal", "ListLessonTopics", pb.ListLessonTopicsRequest(
        school_id=school_id, lesson_id=lesson.lesson_id), pb.ListLessonTopicsResponse()) if lesson else None
    if topics and column and not column["plan_topic_id"] and not column["topic"]:
        column = {**column, "plan_topic_id": topics.suggested_topic_id}
    return render_template(
        "journal_grid.html", school_id=school_id, grid=grid_data, group=group, query=query, edit_lesson=lesson,
        entry=None if lesson else grid_entry(school_id, grid_data, query.term_id),
        topics=topics.topics if topics else [], mark_values=grid_data.mark_values, column=column,
        failure=failure or {"fields": {}}, lesson_locked=LESSON_LOCKED,
        term=term_name(school_id, query.term_id) if query.term_id else "", notice=request.args.get("notice", ""),
        work_types=choice_names(grid_data.work_types), attendance_names=choice_names(grid_data.attendance_kinds),
        kinds=list(grid_data.work_types)), status


def work_type_keys(kinds) -> dict[str, str]:
    """A letter per work type, typed after a mark (5к): the first letter of its name not taken by another."""
    keys: dict[str, str] = {}
    for kind in kinds:
        letters = [c for c in kind.name.lower() if c.isalpha() and c not in keys.values()]
        keys[kind.code] = letters[0] if letters else ""
    return keys


def attendance_keys(kinds) -> dict[str, str]:
    """What a teacher types for each attendance kind, as the school names it: the letters before « — » (Н, Б, УП, НП),
    else the first two letters (опоздал: оп)."""
    return {kind.code: attendance_letter(kind.name) for kind in kinds}


def grid_entry(school_id: str, grid_data: pb.Grid, term_id: str = "") -> dict:
    """What static/grid.js needs to type into the grid: the lessons with their revisions and locks, every cell's
    marks and attendance, the scale's values, the work types with their letters, the attendance kinds' letters, the
    school's rule for double lessons; a term's grid also the term marks and their proposals."""
    keys, letters = work_type_keys(grid_data.work_types), attendance_keys(grid_data.attendance_kinds)
    policy = optional("journal", "GetJournalPolicy", pb.GetJournalPolicyRequest(school_id=school_id), None)
    return {
        "api": f"/api/v1/schools/{school_id}", "school_id": school_id, "today": pages.today().isoformat(),
        "mark_values": list(grid_data.mark_values),
        "work_types": [{"code": w.code, "name": w.name, "weight": w.weight, "key": keys[w.code]}
                       for w in grid_data.work_types],
        "attendance": [{"code": k.code, "key": letters[k.code], "name": k.name} for k in grid_data.attendance_kinds],
        "double_lessons": policy.double_lessons if policy is not None else "separately",
        "term_id": term_id, "subject_id": grid_data.subject_id,
        "period_values": list(policy.period_mark_values) if policy is not None else [],
        "lessons": [{"id": x.lesson_id, "date": x.date, "number": x.lesson_number, "revision": x.revision,
                     "topic": x.topic, "homework": x.homework, "plan_topic_id": x.plan_topic_id,
                     "locked": x.lock_reason, "paired_with": x.paired_with} for x in grid_data.lessons],
        "students": [{"id": s.student_id, "name": f"{s.last_name} {s.first_name}".strip(), "term_mark": s.term_mark,
                      "proposed": s.proposed_term_mark, "cells": [
            None if c.outside or c.not_in_class else {
                "marks": [{"value": m.value, "work_type": m.work_type, "comment": m.comment,
                           "not_counted": m.not_counted} for m in c.marks],
                "attendance": c.attendance} for c in s.cells]} for s in grid_data.students],
    }


def column_students(grid_data: pb.Grid, lesson_id: str) -> list[identity_pb2.Person]:
    """The students of the lesson's class list: the grid's, except those outside its subgroup."""
    ids = [x.lesson_id for x in grid_data.lessons]
    if lesson_id not in ids:
        raise NotFound("Урока нет в этом журнале: откройте журнал заново", {"lesson_id": "не в журнале"})
    index = ids.index(lesson_id)
    return [identity_pb2.Person(id=s.student_id) for s in grid_data.students
            if not (s.cells[index].outside or s.cells[index].not_in_class)]


@bp.post("/schools/<uuid:school_id>/journal/lessons/<uuid:lesson_id>")
@login_required
def save_column(school_id, lesson_id):
    """Saves the edited column as the whole lesson; a refusal comes back with the errors next to the fields."""
    school_id, lesson_id = str(school_id), str(lesson_id)
    query = GridQuery.of(request.form)
    grid_data = call("journal", "GetGrid", query.message(school_id))
    form = lesson_form(column_students(grid_data, lesson_id))
    try:
        call("journal", "SaveLesson", pb.SaveLessonRequest(school_id=school_id, lesson_id=lesson_id, **form))
    except DomainError as err:
        posted = {"topic": form["topic"], "homework": form["homework"], "reason": form["reason"],
                  "plan_topic_id": form["plan_topic_id"], "marks": {},
                  "attendance": {a["student_id"]: a["status"] for a in form["attendance"]}}
        for mark in form["marks"]:
            posted["marks"].setdefault(mark["student_id"], []).append(pb.Mark(**mark))
        return grid_page(school_id, query, lesson_id, posted, save_failure(err, form), http_status(err))
    return redirect(url_for("journal_pages.grid", school_id=school_id, notice="saved", **query.args()))


def save_failure(error: DomainError, form: dict) -> dict:
    """The refusal by where it is shown: "topic", "homework", "reason", a student's id, else "lesson"; and whether
    the lesson is locked (the page then offers to ask for it to be opened)."""
    where = {}
    for field, text in error.fields.items():
        head, _, _ = field.partition(".")
        group, _, index = head.partition("[")
        if group in ("marks", "attendance") and index.rstrip("]").isdigit() and int(index.rstrip("]")) < len(form[group]):
            where[form[group][int(index.rstrip("]"))]["student_id"]] = text
        elif group in ("topic", "homework", "reason"):
            where[group] = text
        elif group == "plan_topic_id":
            where["topic"] = text
        else:
            where["lesson"] = text
    return {"message": error.message, "fields": where, "locked": error.reason == LESSON_LOCKED}


@bp.post("/schools/<uuid:school_id>/journal/lessons/<uuid:lesson_id>/unlock-request")
@login_required
def ask_unlock(school_id, lesson_id):
    school_id, lesson_id = str(school_id), str(lesson_id)
    query = GridQuery.of(request.form)
    try:
        call("journal", "RequestUnlock", pb.RequestUnlockRequest(school_id=school_id, lesson_id=lesson_id,
                                                                 reason=request.form.get("unlock_reason", "").strip()))
    except DomainError as err:
        failure = {"unlock": err.fields.get("reason") or err.message, "locked": True, "fields": {}, "message": ""}
        return grid_page(school_id, query, lesson_id, failure=failure, status=http_status(err))
    return redirect(url_for("journal_pages.grid", school_id=school_id, notice="unlock_requested", **query.args()))


@bp.get("/schools/<uuid:school_id>/journal/control")
@login_required
def control(school_id):
    return control_page(str(school_id))


def section(rpc: str, message, field: str) -> tuple[list, str]:
    """One part of a page: its rows, or why they cannot be shown (no right, a wrong period)."""
    try:
        return list(getattr(call("journal", rpc, message), field)), ""
    except DomainError as err:
        return [], explain(err)


def control_page(school_id: str, failure: str = "", status: int = 200, remark: dict | None = None):
    """The deputy head's control: pending unlock requests, late entries, anomaly flags, lessons never filled in and
    lessons without homework of the period; students short of marks before a term ends (within `days`); the families'
    flags of marks no one has answered yet; the remarks to teachers with their answers and a form for a new one (the
    posted values and the refusal's fields after one); movement orders signed late and the year transition's deadline."""
    date_from, date_to = period_of(request.args, 13)
    lessons = pb.ControlLessonsRequest(school_id=school_id, date_from=date_from, date_to=date_to)
    unfilled, unfilled_error = section("ListUnfilledLessons", lessons, "lessons")
    homework_, homework_error = section("ListMissingHomework", lessons, "lessons")
    days = request.args.get("days", "")
    shortfalls, shortfalls_error = section("ListMarkShortfalls", pb.ListMarkShortfallsRequest(
        school_id=school_id, days=int(days) if days.isdigit() and len(days) < 4 else 0), "shortfalls")
    remarks, remarks_error = section("ListControlRemarks", pb.ListControlRemarksRequest(school_id=school_id),
                                     "remarks")
    flags, flags_error = section("ListMarkFlags", pb.ListMarkFlagsRequest(school_id=school_id, status="open"), "flags")
    people = call("identity", "ListPeople", identity_pb2.ListPeopleRequest(
        school_id=school_id, kind=identity_pb2.STAFF)).people
    teachers = sorted((p for p in people if TEACHERS & set(p.roles)), key=lambda p: (p.name.last_name, p.name.first_name))
    subjects = optional("schedule", "ListSubjects", schedule_pb2.ListSubjectsRequest(school_id=school_id),
                        schedule_pb2.ListSubjectsResponse()).subjects
    requests_, requests_error = section("ListUnlockRequests", pb.ListUnlockRequestsRequest(
        school_id=school_id, status="pending"), "requests")
    late, late_error = section("ListLateEntries", pb.ListLateEntriesRequest(
        school_id=school_id, date_from=date_from, date_to=date_to), "entries")
    anomalies, anomalies_error = section("ListAnomalies", pb.ListAnomaliesRequest(
        school_id=school_id, date_from=date_from, date_to=date_to), "anomalies")
    return render_template(
        "journal_control.html", school_id=school_id, date_from=date_from, date_to=date_to, requests=requests_,
        requests_error=requests_error, late=late, late_error=late_error, anomalies=anomalies,
        anomalies_error=anomalies_error, unfilled=unfilled, unfilled_error=unfilled_error, homework=homework_,
        homework_error=homework_error, shortfalls=shortfalls, shortfalls_error=shortfalls_error, days=days,
        students=people_names(school_id, identity_pb2.STUDENT) if shortfalls or flags else {}, remarks=remarks,
        flags=flags, flags_error=flags_error,
        remarks_error=remarks_error, remark=remark or {"form": {}, "fields": {}}, teachers=teachers,
        subjects={subject.id: subject.name for subject in subjects}, classes=class_names(school_id),
        staff={p.id: f"{p.name.last_name} {p.name.first_name}".strip() for p in people}, failure=failure,
        done=request.args.get("done", ""),
        entities=ENTITIES, late_orders=late_orders(school_id), transition=deadline_state(school_id)), status


@bp.post("/schools/<uuid:school_id>/journal/unlock-requests/<uuid:request_id>/decision")
@login_required
def decide(school_id, request_id):
    school_id = str(school_id)
    decision = request.form.get("decision", "")
    try:
        call("journal", "DecideUnlock", pb.DecideUnlockRequest(school_id=school_id, request_id=str(request_id),
                                                               decision=decision,
                                                               comment=request.form.get("comment", "").strip()))
    except DomainError as err:
        return control_page(school_id, explain(err), http_status(err))
    return redirect(url_for("journal_pages.control", school_id=school_id, done=decision))


REMARK_FIELDS = ("teacher_id", "class_group_id", "subject_id", "text")


@bp.post("/schools/<uuid:school_id>/journal/remarks")
@login_required
def add_remark(school_id):
    """A remark to a teacher from the control page; a refusal shows the form again with the field named."""
    school_id = str(school_id)
    form = {key: request.form.get(key, "").strip() for key in REMARK_FIELDS}
    try:
        call("journal", "AddControlRemark", pb.AddControlRemarkRequest(school_id=school_id, **form))
    except DomainError as err:
        return control_page(school_id, explain(err), http_status(err), {"form": form, "fields": err.fields})
    return redirect(url_for("journal_pages.control", school_id=school_id, done="remark") + "#remarks")


@bp.get("/schools/<uuid:school_id>/journal/remarks")
@login_required
def remarks(school_id):
    return remarks_page(str(school_id))


def remarks_page(school_id: str, failure: str = "", status: int = 200, answers: dict | None = None):
    """The remarks addressed to the teacher (a manager: every remark of the school), an answer form under each open
    one addressed to them."""
    listed = call("journal", "ListControlRemarks", pb.ListControlRemarksRequest(school_id=school_id)).remarks
    return render_template("journal_remarks.html", school_id=school_id, remarks=listed,
                           me=principal_of(school_id).person_id, classes=class_names(school_id),
                           staff=people_names(school_id, identity_pb2.STAFF), answers=answers or {},
                           failure=failure, done=request.args.get("done", "")), status


@bp.post("/schools/<uuid:school_id>/journal/remarks/<uuid:remark_id>/answer")
@login_required
def answer_remark(school_id, remark_id):
    school_id, remark_id = str(school_id), str(remark_id)
    answer = request.form.get("answer", "").strip()
    try:
        call("journal", "AnswerControlRemark", pb.AnswerControlRemarkRequest(school_id=school_id, remark_id=remark_id,
                                                                             answer=answer))
    except DomainError as err:
        return remarks_page(school_id, explain(err), http_status(err), {remark_id: answer})
    return redirect(url_for("journal_pages.remarks", school_id=school_id, done="answered"))


@bp.get("/schools/<uuid:school_id>/journal/attendance")
@login_required
def attendance(school_id):
    return attendance_page(str(school_id), request.args)


def attendance_page(school_id: str, values, failure: tuple[str, str, str] | None = None, status: int = 200):
    """The recorded absences of a class (the form teacher's by default) with a correction form on each."""
    names = class_names(school_id)
    principal = principal_of(school_id)
    chosen = values.get("class_group_id") or next(iter(principal.form_class_group_ids), "")
    date_from, date_to = period_of(values, 13)
    absences, error, students, reasons = [], "", {}, {}
    if chosen:
        try:
            found = call("journal", "ListAbsences", pb.ListAbsencesRequest(
                school_id=school_id, class_group_id=chosen, date_from=date_from, date_to=date_to))
            absences, reasons = list(found.absences), choice_names(found.reasons)
        except DomainError as err:
            error = explain(err)
        students = people_names(school_id, identity_pb2.STUDENT, chosen)
    return render_template(
        "journal_attendance.html", school_id=school_id, names=names, chosen=chosen, date_from=date_from,
        date_to=date_to, absences=absences, error=error, students=students, failure=failure,
        done=values.get("done", ""), reasons=reasons, today=pages.today().isoformat()), status


@bp.post("/schools/<uuid:school_id>/journal/lessons/<uuid:lesson_id>/attendance/<uuid:student_id>")
@login_required
def correct_attendance(school_id, lesson_id, student_id):
    school_id, lesson_id, student_id = str(school_id), str(lesson_id), str(student_id)
    form = request.form
    try:
        call("journal", "CorrectAttendance", pb.CorrectAttendanceRequest(
            school_id=school_id, lesson_id=lesson_id, student_id=student_id, status=form.get("status", ""),
            document_date=form.get("document_date", ""), reason=form.get("reason", "").strip()))
    except DomainError as err:
        return attendance_page(school_id, form, (lesson_id, student_id, explain(err)), http_status(err))
    return redirect(url_for("journal_pages.attendance", school_id=school_id, done="1",
                            **{k: form[k] for k in ("class_group_id", "from", "to") if form.get(k)}))


@bp.get("/schools/<uuid:school_id>/journal/compromised")
@login_required
def compromised(school_id):
    """Accounts reported compromised with their journal changes around the report."""
    school_id = str(school_id)
    window = int(request.args["window_hours"]) if request.args.get("window_hours", "") in map(str, WINDOWS) else 72
    accounts, error = section("ListCompromisedAccounts", pb.ListCompromisedAccountsRequest(
        school_id=school_id, window_hours=window), "accounts")
    since = {a.person_id: (datetime.datetime.fromisoformat(a.reported_at) - datetime.timedelta(hours=window))
             .isoformat() for a in accounts}
    return render_template("journal_compromised.html", school_id=school_id, accounts=accounts, error=error,
                           since=since, window=window, windows=WINDOWS, staff=people_names(school_id, identity_pb2.STAFF))


@bp.route("/schools/<uuid:school_id>/journal/people/<uuid:person_id>/changes", methods=["GET", "POST"])
@login_required
def changes(school_id, person_id):
    """A person's journal changes since a time; the administrator reverts the chosen ones (or all) with a reason."""
    school_id, person_id = str(school_id), str(person_id)
    values = request.form if request.method == "POST" else request.args
    since = values.get("since", "")
    outcome, failure, status = None, "", 200
    chosen = values.getlist("ledger_id")
    if request.method == "POST" and values.get("scope") != "all" and not chosen:
        failure, status = "Отметьте изменения, которые нужно отменить, или отмените все", 422
    elif request.method == "POST":
        try:
            outcome = call("journal", "RevertActorChanges", pb.RevertActorChangesRequest(
                school_id=school_id, actor_person_id=person_id, since=since, reason=values.get("reason", "").strip(),
                ledger_ids=chosen if values.get("scope") != "all" else []))
        except DomainError as err:
            failure, status = explain(err), http_status(err)
    listed = call("journal", "ListActorChanges", pb.ListActorChangesRequest(
        school_id=school_id, actor_person_id=person_id, since=since)).changes
    return render_template("journal_changes.html", school_id=school_id, person_id=person_id, since=since,
                           changes=listed, outcome=outcome, failure=failure, entities=ENTITIES, outcomes=OUTCOMES,
                           name=people_names(school_id, identity_pb2.STAFF).get(person_id, ""),
                           students=people_names(school_id, identity_pb2.STUDENT),
                           reason=values.get("reason", "")), status


FINAL_KINDS = {"annual": "Годовая", "exam": "Экзамен", "final": "Итоговая"}


@bp.get("/schools/<uuid:school_id>/journal/period-marks")
@login_required
def period_marks(school_id):
    return period_marks_page(str(school_id), request.args)


def period_marks_page(school_id: str, values, failure: tuple[str, str, str] | None = None, status: int = 200):
    """A class's term mark (when a term is chosen) and annual, exam and final marks in one subject, each with a
    form; a refusal (too few current marks, not the student's teacher, …) is shown in its cell."""
    query = GridQuery.of(values)
    group_id, subject_id = query.class_group_id, query.subject_id
    group = call("schedule", "GetClassGroup", schedule_pb2.GetClassGroupRequest(school_id=school_id,
                                                                                class_group_id=group_id))
    subjects = {s.id: s.name for s in call("schedule", "ListSubjects",
                                           schedule_pb2.ListSubjectsRequest(school_id=school_id)).subjects}
    term_marks, term_error = [], ""
    if query.term_id:
        term_marks, term_error = section("ListTermMarks", pb.ListTermMarksRequest(
            school_id=school_id, class_group_id=group_id, term_id=query.term_id), "term_marks")
    finals, finals_error = section("ListFinalMarks", pb.ListFinalMarksRequest(
        school_id=school_id, class_group_id=group_id), "final_marks")
    marks = {(m.student_id, "term"): m.value for m in term_marks if m.subject_id == subject_id}
    marks.update({(m.student_id, m.kind): m.value for m in finals if m.subject_id == subject_id})
    kinds = ({"term": "За период"} if query.term_id else {}) | FINAL_KINDS
    return render_template(
        "journal_period_marks.html", school_id=school_id, query=query, group=group,
        subject=subjects.get(subject_id, ""), term=term_name(school_id, query.term_id) if query.term_id else "",
        students=sorted(people_names(school_id, identity_pb2.STUDENT, group_id).items(), key=lambda item: item[1]),
        marks=marks, kinds=kinds, values=journal_policy(school_id).period_mark_values, failure=failure,
        error=" ".join(e for e in (term_error, finals_error) if e), done=values.get("done", "")), status


@bp.post("/schools/<uuid:school_id>/journal/period-marks")
@login_required
def set_period_mark(school_id):
    school_id, form = str(school_id), request.form
    query, student_id, kind = GridQuery.of(form), form.get("student_id", ""), form.get("kind", "")
    value, reason = form.get("value", ""), form.get("reason", "").strip()
    try:
        if kind == "term":
            call("journal", "SetTermMark", pb.SetTermMarkRequest(
                school_id=school_id, student_id=student_id, subject_id=query.subject_id, term_id=query.term_id,
                value=value, reason=reason))
        else:
            call("journal", "SetFinalMark", pb.SetFinalMarkRequest(
                school_id=school_id, student_id=student_id, subject_id=query.subject_id, kind=kind, value=value,
                reason=reason))
    except DomainError as err:
        return period_marks_page(school_id, form, (student_id, kind, explain(err)), http_status(err))
    return redirect(url_for("journal_pages.period_marks", school_id=school_id, done="1", **query.args()))


@bp.get("/schools/<uuid:school_id>/journal/student-plans")
@login_required
def student_plans(school_id):
    return student_plans_page(str(school_id), request.args)


def student_plans_page(school_id: str, values, failure: tuple[str, str] | None = None, status: int = 200):
    """The students of a class with their plans (home schooling, subjects left out), each with a form
    (SetStudentPlan: the school administrator and the deputy head)."""
    chosen = values.get("class_group_id", "")
    plans, error = section("ListStudentPlans", pb.ListStudentPlansRequest(school_id=school_id), "plans")
    subjects = sorted(((s.id, s.name) for s in call("schedule", "ListSubjects", schedule_pb2.ListSubjectsRequest(
        school_id=school_id)).subjects), key=lambda item: item[1])
    students = sorted(people_names(school_id, identity_pb2.STUDENT, chosen).items(),
                      key=lambda item: item[1]) if chosen else []
    return render_template(
        "journal_student_plans.html", school_id=school_id, names=class_names(school_id), chosen=chosen,
        students=students, plans={p.student_id: p for p in plans}, subjects=subjects, error=error, failure=failure,
        done=values.get("done", "")), status


@bp.post("/schools/<uuid:school_id>/journal/students/<uuid:student_id>/plan")
@login_required
def set_student_plan(school_id, student_id):
    school_id, student_id, form = str(school_id), str(student_id), request.form
    try:
        call("journal", "SetStudentPlan", pb.SetStudentPlanRequest(
            school_id=school_id, student_id=student_id, home_schooled=form.get("home_schooled") == "1",
            excluded_subject_ids=form.getlist("excluded_subject_id"), reason=form.get("reason", "").strip()))
    except DomainError as err:
        return student_plans_page(school_id, form, (student_id, explain(err)), http_status(err))
    return redirect(url_for("journal_pages.student_plans", school_id=school_id, done="1",
                            class_group_id=form.get("class_group_id", "")))
