"""The secretary's Russian pages of the movement register (A1): the register of a year (книга движения учащихся) with
its XLSX and CSV export, one order with its cancelling order, a new order with its students picked from a class list
(refusals next to their fields and students), and a student's personal record (личное дело) with the correction of
their name, gender or birth date; a school administrator reading a record outside their ordinary duties first says why
(the form of movement_record_reason.html; identity keeps the reason in its audit log)."""
import re

from flask import Blueprint, redirect, render_template, request, session, url_for

from gateway.auth.session import login_required
from gateway.errors import http_status
from gateway.web import pages, register_export
from gateway.web.pages import academic_years, call, explain, optional, year_of_today
from proto.identity.v1 import identity_pb2 as pb
from proto.journal.v1 import journal_pb2
from proto.reporting.v1 import reporting_pb2
from proto.schedule.v1 import schedule_pb2
from services.common.errors import DomainError, Invalid
from services.common.movement_kinds import KIND_NAMES

bp = Blueprint("movement_pages", __name__)

TO_CLASS_KINDS = ("enrolment", "transfer", "promotion", "conditional_promotion", "repetition")
ORDER_FIELDS = ("kind", "number", "order_date", "effective_date", "reason")
LINE_PLACES = ("student_id", "lines", "to_class_group_id", "debts", "destination")  # the new order form's other places
CANCEL_FIELDS = ("number", "effective_date", "reason")
CORRECTED_FIELDS = {"last_name": "Фамилия", "first_name": "Имя", "middle_name": "Отчество", "gender": "Пол",
                    "birth_date": "Дата рождения"}
GENDERS = {"male": "мужской", "female": "женский"}
FINAL_KINDS = {"annual": "Годовая", "exam": "Экзаменационная", "final": "Итоговая"}
SPECIAL_MARKS = {"exempt": "ОСВ", "not_assessed": "Н/А"}
READ_REASON = "read_reason"  # why a reader outside their ordinary duties opens a personal record (identity audits it)
READ_REASONS_KEPT = 20  # the session keeps the reasons of the last records read (never in a URL: access logs)
LINE_FIELD = re.compile(r"lines\[(\d+)\]")


def refusal(error: DomainError, where: dict[str, str], shown) -> dict:
    """A refusal for a form: the texts by where they are shown (`shown`: the places the form has), and on top the
    message, unless it only repeats a field's text ("Неверное поле reason: …"), with the texts of no place."""
    repeats = any(error.message.endswith(text) for text in error.fields.values())
    extra = [text for place, text in where.items() if place not in shown]
    return {"message": " ".join([*([] if repeats else [error.message]), *extra]), "fields": where}


def kind_of(order) -> str:
    return pb.OrderKind.Name(order.kind).lower()


def full_name(person) -> str:
    return " ".join(part for part in (person.name.last_name, person.name.first_name, person.name.middle_name) if part)


def class_groups(school_id: str, academic_year_id: str = "") -> list:
    return sorted(call("schedule", "ListClassGroups", schedule_pb2.ListClassGroupsRequest(
        school_id=school_id, academic_year_id=academic_year_id)).class_groups, key=lambda c: (c.grade, c.name))


def register_rows(school_id: str, orders, numbers: dict[str, str] | None = None) -> list[dict]:
    """One row per student of each order, in the register's words (kind, classes and the cancelling order named by
    its number, from `orders` or `numbers`)."""
    names = {c.id: c.name for c in class_groups(school_id)}  # the register is a year's: names without the year
    numbers = {**(numbers or {}), **{o.id: o.number for o in orders}}
    rows = []
    for order in orders:
        kind = kind_of(order)
        for line in order.lines or [pb.OrderLine()]:
            rows.append({
                "order": order, "kind": KIND_NAMES.get(kind, kind), "line": line,
                "from_class": names.get(line.from_class_group_id, ""), "to_class": names.get(line.to_class_group_id, ""),
                "note": line.document or line.destination or ", ".join(
                    f"{d.subject_name} до {d.deadline}" for d in line.debts),
                "cancelled_by": numbers.get(order.cancelled_by_order_id, order.cancelled_by_order_id)})
    return rows


def register(school_id: str, academic_year_id: str):
    return call("identity", "ListOrders", pb.ListOrdersRequest(school_id=school_id,
                                                               academic_year_id=academic_year_id)).orders


@bp.get("/schools/<uuid:school_id>/movement")
@login_required
def register_page(school_id):
    """The register of the chosen year (the current one by default; a refusal to read it is said in its place) and
    the class lists leading to personal records."""
    school_id = str(school_id)
    years = academic_years(school_id)
    chosen = request.args.get("academic_year_id") or year_of_today(years)
    orders, refused = [], ""
    try:  # a form teacher comes for their class's personal records and may not read the register
        orders = register(school_id, chosen) if chosen else []
    except DomainError as err:
        refused = explain(err)
    class_id = request.args.get("class_group_id", "")
    students = people(school_id, class_id) if class_id else []
    return render_template("movement_register.html", school_id=school_id, years=years, chosen=chosen,
                           rows=register_rows(school_id, orders), refused=refused,
                           classes=class_groups(school_id, chosen), class_id=class_id, students=students)


@bp.get("/schools/<uuid:school_id>/movement/register.<any(xlsx, csv, pdf):kind>")
@login_required
def register_file(school_id, kind):
    """The register of a year as XLSX or CSV (the register page's rows), or as reporting prints it (PDF)."""
    school_id = str(school_id)
    years = academic_years(school_id)
    chosen = request.args.get("academic_year_id") or year_of_today(years)
    year_name = next((y.name for y in years if y.id == chosen), "")
    if kind == "pdf":
        return register_export.send_rendered(call("reporting", "RenderMovementRegisterPdf",
                                                  reporting_pb2.GetMovementRegisterRequest(
                                                      school_id=school_id, academic_year_id=chosen)), year_name)
    rows = register_rows(school_id, register(school_id, chosen) if chosen else [])
    return register_export.send(kind, year_name, rows)


def people(school_id: str, class_group_id: str, on_date: str = "") -> list:
    """The students of a class on a date (without one: all who ever belonged to it), by name; "none": the students
    without a class."""
    if class_group_id == "none":
        found = call("identity", "ListPeople", pb.ListPeopleRequest(school_id=school_id, kind=pb.STUDENT)).people
        return sorted((p for p in found if not p.class_group_id), key=full_name)
    found = call("identity", "ListPeople", pb.ListPeopleRequest(
        school_id=school_id, kind=pb.STUDENT, class_group_id=class_group_id, on_date=on_date)).people
    return sorted(found, key=full_name)


@bp.get("/schools/<uuid:school_id>/movement/orders/<uuid:order_id>")
@login_required
def order_page(school_id, order_id):
    return show_order(str(school_id), str(order_id))


def show_order(school_id: str, order_id: str, failure: DomainError | None = None, form=None):
    order = call("identity", "GetOrder", pb.GetOrderRequest(school_id=school_id, order_id=order_id))
    related = {other: optional("identity", "GetOrder", pb.GetOrderRequest(school_id=school_id, order_id=other),
                               pb.MovementOrder()).number
               for other in (order.cancels_order_id, order.cancelled_by_order_id) if other}
    return render_template(
        "movement_order.html", school_id=school_id, order=order, kind=KIND_NAMES.get(kind_of(order), ""),
        rows=register_rows(school_id, [order], related), related=related, notice=request.args.get("notice", ""),
        failure=failure and refusal(failure, failure.fields, CANCEL_FIELDS), form=form or {},
        today=pages.today().isoformat()), http_status(failure) if failure else 200


@bp.post("/schools/<uuid:school_id>/movement/orders/<uuid:order_id>/cancel")
@login_required
def cancel_order(school_id, order_id):
    """A cancelling order for this one (both kept); a refusal is shown under the form."""
    school_id, order_id, form = str(school_id), str(order_id), request.form
    try:
        signed = call("identity", "SignOrder", pb.SignOrderRequest(
            school_id=school_id, kind=pb.CANCELLATION, cancels_order_id=order_id,
            number=form.get("number", "").strip(), order_date=form.get("order_date", ""),
            effective_date=form.get("effective_date", ""), reason=form.get("reason", "").strip()))
    except DomainError as err:
        return show_order(school_id, order_id, err, form)
    return redirect(url_for("movement_pages.order_page", school_id=school_id, order_id=signed.id, notice="signed"))


@bp.route("/schools/<uuid:school_id>/movement/orders/new", methods=["GET", "POST"])
@login_required
def new_order(school_id):
    """The order form; posted, the order is signed and shown, or the form comes back with the errors in place."""
    school_id = str(school_id)
    if request.method == "GET":
        return order_form(school_id, request.args)
    form = request.form
    kind = form.get("kind", "")
    chosen = form.getlist("student_id")
    try:
        if not chosen:
            raise Invalid("student_id", "Отметьте учеников, которых касается приказ")
        signed = call("identity", "SignOrder", pb.SignOrderRequest(
            school_id=school_id, kind=pb.OrderKind.Value(kind.upper()) if kind in KIND_NAMES else 0,
            number=form.get("number", "").strip(), order_date=form.get("order_date", ""),
            effective_date=form.get("effective_date", ""), reason=form.get("reason", "").strip(),
            lines=[order_line(kind, student_id, form) for student_id in chosen]))
    except DomainError as err:
        return order_form(school_id, form, err)
    return redirect(url_for("movement_pages.order_page", school_id=school_id, order_id=signed.id, notice="signed"))


def order_line(kind: str, student_id: str, form) -> pb.OrderLine:
    """One student's line: the target class, the debts, the document or the destination, as the kind needs."""
    line = pb.OrderLine(student_id=student_id)
    if kind in TO_CLASS_KINDS:
        line.to_class_group_id = form.get("to_class_group_id", "")
    if kind == "conditional_promotion":
        line.debts.extend(pb.AcademicDebt(subject_id=subject_id, deadline=form.get("debt_deadline", ""))
                          for subject_id in form.getlist("debt_subject_id"))
    if kind == "graduation":
        line.document = form.get(f"document-{student_id}", "").strip()
    if kind == "leaving":
        line.destination = form.get("destination", "").strip()
    return line


def order_failure(error: DomainError, chosen: list[str]) -> dict:
    """The refusal by where it is shown: an order field, a student's row (lines[i] is the i-th ticked student) and the
    fields shared by the lines (to_class_group_id, debts, destination), else on top."""
    where: dict[str, str] = {}
    for field, text in error.fields.items():
        line = LINE_FIELD.match(field)
        head = field.rsplit(".", 1)[-1]
        if line and int(line.group(1)) < len(chosen):
            where[chosen[int(line.group(1))]] = text
            if head in ("to_class_group_id", "destination") or "debts" in field:
                where["debts" if "debts" in field else head] = text
        else:
            where[head if head in (*ORDER_FIELDS, "student_id") else field] = text
    return refusal(error, where, {*ORDER_FIELDS, *LINE_PLACES, *chosen})


def order_form(school_id: str, values, failure: DomainError | None = None):
    """The class list to pick students from (its students on the effective date) and the order's fields."""
    years = academic_years(school_id)
    year_id = values.get("academic_year_id") or year_of_today(years)
    class_id = values.get("class_group_id", "")
    on_date = values.get("effective_date") or pages.today().isoformat()
    students = people(school_id, class_id, on_date) if class_id else []
    subjects = sorted(call("schedule", "ListSubjects", schedule_pb2.ListSubjectsRequest(
        school_id=school_id)).subjects, key=lambda s: s.name)
    chosen = values.getlist("student_id")
    return render_template(
        "movement_new_order.html", school_id=school_id, values=values, years=years, year_id=year_id,
        classes=class_groups(school_id, year_id), all_classes=class_groups(school_id), class_id=class_id,
        students=students, chosen=chosen, subjects=subjects, kinds=KIND_NAMES,
        failure=order_failure(failure, chosen) if failure else None), http_status(failure) if failure else 200


@bp.get("/schools/<uuid:school_id>/people/<uuid:person_id>/record")
@login_required
def personal_record(school_id, person_id):
    return record_page(str(school_id), str(person_id))


@bp.post("/schools/<uuid:school_id>/people/<uuid:person_id>/record")
@login_required
def give_read_reason(school_id, person_id):
    """The reason of a reader outside their ordinary duties, posted (a complaint's details stay out of URLs and so
    out of access logs), kept in the session for this person's record while the session lasts."""
    reason = request.form.get(READ_REASON, "").strip()[:500]
    if reason:
        kept = {k: v for k, v in session.get("read_reasons", {}).items() if k != str(person_id)}
        session["read_reasons"] = dict(list(kept.items())[-(READ_REASONS_KEPT - 1):]) | {str(person_id): reason}
    return redirect(url_for("movement_pages.personal_record", school_id=school_id, person_id=person_id))


def record_page(school_id: str, person_id: str, failure: DomainError | None = None, form=None):
    """The person, their classes by year with dates, their orders and the corrections of their data. A reader outside
    their ordinary duties (the school administrator) is asked why first (READ_REASON, posted to give_read_reason and
    sent with every reading of the record, kept in identity's audit log)."""
    reason = session.get("read_reasons", {}).get(person_id, "")
    try:
        record = call("identity", "GetPersonalRecord", pb.GetPersonalRecordRequest(
            school_id=school_id, person_id=person_id, reason=reason))
    except Invalid as asked:
        if "reason" not in asked.fields:
            raise
        return render_template("movement_record_reason.html", school_id=school_id, person_id=person_id,
                               reason=reason, error=asked), 422
    groups = {c.id: c for c in class_groups(school_id)}
    years = {y.id: y.name for y in academic_years(school_id)}
    classes = [{"name": groups[m.class_group_id].name if m.class_group_id in groups else "",
                "year": years.get(groups[m.class_group_id].academic_year_id, "") if m.class_group_id in groups else "",
                "membership": m} for m in record.person.memberships]
    final_marks = final_marks_by_year(school_id, person_id, record.person.memberships, years)
    staff = optional("identity", "ListPeople", pb.ListPeopleRequest(school_id=school_id, kind=pb.STAFF),
                     pb.ListPeopleResponse()).people
    fields = {}
    if failure:
        fields = {field.rsplit(".", 1)[-1]: text for field, text in failure.fields.items()}
    return render_template(
        "movement_record.html", school_id=school_id, record=record, person=record.person,
        full_name=full_name(record.person), classes=classes, orders=register_rows(school_id, record.orders),
        corrections=record.corrections, field_names=CORRECTED_FIELDS, genders=GENDERS, final_marks=final_marks,
        final_kinds=FINAL_KINDS,
        staff={p.id: full_name(p) for p in staff}, notice=request.args.get("notice", ""),
        failure=failure and refusal(failure, fields, {*CORRECTED_FIELDS, "reason"}),
        form=form or {}), http_status(failure) if failure else 200


def final_marks_by_year(school_id: str, student_id: str, memberships, years: dict[str, str]) -> list[dict]:
    """The student's annual, exam and final marks of each year at the school, from the journal of each class they
    were in (nothing where the caller may not read the journal), oldest year first: {year, subjects: {name: {kind:
    value}}}."""
    subjects = {s.id: s.name for s in optional("schedule", "ListSubjects", schedule_pb2.ListSubjectsRequest(
        school_id=school_id), schedule_pb2.ListSubjectsResponse()).subjects}
    by_year: dict[str, dict[str, dict[str, str]]] = {}
    for class_group_id in dict.fromkeys(m.class_group_id for m in memberships):
        for mark in optional("journal", "ListFinalMarks", journal_pb2.ListFinalMarksRequest(
                school_id=school_id, class_group_id=class_group_id), journal_pb2.ListFinalMarksResponse()).final_marks:
            if mark.student_id == student_id:
                by_year.setdefault(mark.academic_year_id, {}).setdefault(
                    subjects.get(mark.subject_id, ""), {})[mark.kind] = mark.value or SPECIAL_MARKS.get(mark.special, "")
    order = list(reversed(years))  # years come newest first
    return [{"year": years.get(year_id, ""), "subjects": dict(sorted(marks.items()))}
            for year_id, marks in sorted(by_year.items(), key=lambda item: order.index(item[0])
                                         if item[0] in order else -1)]


@bp.post("/schools/<uuid:school_id>/people/<uuid:person_id>/corrections")
@login_required
def correct_person(school_id, person_id):
    """Only the changed fields are sent (an unchanged name stays unset); the reason is required by identity."""
    school_id, person_id, form = str(school_id), str(person_id), request.form
    person = call("identity", "GetPerson", pb.GetPersonRequest(school_id=school_id, person_id=person_id))
    name = pb.PersonName(**{k: form.get(k, "").strip() for k in ("last_name", "first_name", "middle_name")})
    changes = {"gender": form.get("gender", ""), "birth_date": form.get("birth_date", "")}
    changes = {k: v for k, v in changes.items() if v and v != getattr(person, k)}
    try:
        if name == person.name and not changes:
            raise Invalid("last_name", "Измените хотя бы одно поле: фамилию, имя, отчество, пол или дату рождения")
        call("identity", "CorrectPerson", pb.CorrectPersonRequest(
            school_id=school_id, person_id=person_id, name=name if name != person.name else None,
            reason=form.get("reason", "").strip(), **changes))
    except DomainError as err:
        return record_page(school_id, person_id, err, form)
    return redirect(url_for("movement_pages.personal_record", school_id=school_id, person_id=person_id,
                            notice="corrected"))
