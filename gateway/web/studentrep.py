"""The Russian pages of the reports on a student of a class (report.read: the managers, a form teacher their class):
the average mark and its dynamics (средний балл ученика и его динамика, with an inline SVG line chart), the report
cards (табель успеваемости), the progress and attendance report (отчёт об успеваемости и посещаемости ученика) and
the information letters to guardians (информационное письмо родителям, the form teacher's text typed in a textarea and
sent with the form's POST: 2000 Cyrillic characters do not fit in an address). Each page: the class (the form
teacher's own by default), the period (from ListReportPeriods: the term of today by default), the student, the report
and its PDF (and XLSX)."""
from collections.abc import Callable
from dataclasses import dataclass

from flask import Blueprint, render_template, request

from gateway.auth.session import login_required
from gateway.web import pages
from gateway.web.journal import people_names, principal_of
from gateway.web.pages import call, class_names
from gateway.web.reports import class_periods, send_report, shown
from proto.identity.v1 import identity_pb2
from proto.reporting.v1 import reporting_pb2

bp = Blueprint("studentrep_pages", __name__)

P = "/schools/<uuid:school_id>/reports"
CHART = {"width": 640, "height": 280, "left": 50, "right": 20, "top": 20, "bottom": 40, "low": 2, "high": 5}


@dataclass(frozen=True)
class Asked:
    """What a page asks for: the class, the period, the student ("" = every student, where a page allows it)."""
    class_group_id: str
    period_id: str
    student_id: str


def period_of_today(periods: list) -> str:
    """The term today falls in, else the last term begun, else the first period."""
    today = pages.today().isoformat()
    terms = [p for p in periods if p.id != "year"]
    current = next((p for p in terms if p.date_from <= today <= p.date_to), None)
    begun = [p for p in terms if p.date_from <= today]
    chosen = current or (begun[-1] if begun else periods[0] if periods else None)
    return chosen.id if chosen else ""


def asked(school_id: str, every_student: bool) -> tuple[Asked, list, dict[str, str]]:
    """The page's choice with the class's periods and students (by name)."""
    class_group_id = request.values.get("class_group_id") or next(iter(principal_of(school_id).form_class_group_ids), "")
    periods = class_periods(school_id, class_group_id) if class_group_id else []
    students = dict(sorted(people_names(school_id, identity_pb2.STUDENT, class_group_id).items(),
                           key=lambda item: item[1])) if class_group_id else {}
    default_student = "" if every_student else next(iter(students), "")
    return (Asked(class_group_id, request.values.get("period_id") or period_of_today(periods),
                  request.values.get("student_id", default_student)), periods, students)


def dynamics_request(school_id: str, choice: Asked) -> reporting_pb2.GetStudentDynamicsRequest:
    return reporting_pb2.GetStudentDynamicsRequest(school_id=school_id, class_group_id=choice.class_group_id,
                                                   student_id=choice.student_id)


def cards_request(school_id: str, choice: Asked) -> reporting_pb2.GetReportCardsRequest:
    return reporting_pb2.GetReportCardsRequest(school_id=school_id, class_group_id=choice.class_group_id,
                                               period_id=choice.period_id, student_id=choice.student_id)


def progress_request(school_id: str, choice: Asked) -> reporting_pb2.GetStudentProgressRequest:
    return reporting_pb2.GetStudentProgressRequest(school_id=school_id, class_group_id=choice.class_group_id,
                                                   period_id=choice.period_id, student_id=choice.student_id)


def letters_request(school_id: str, choice: Asked) -> reporting_pb2.GetGuardianLettersRequest:
    return reporting_pb2.GetGuardianLettersRequest(
        school_id=school_id, class_group_id=choice.class_group_id, period_id=choice.period_id,
        student_id=choice.student_id, text=request.values.get("text", ""))


def chart(terms) -> dict:
    """The inline SVG line chart of the overall average per term: x = the terms, y = 2..5."""
    c = CHART
    plot_width, plot_height = c["width"] - c["left"] - c["right"], c["height"] - c["top"] - c["bottom"]

    def y(value: float) -> float:
        return round(c["top"] + (c["high"] - value) / (c["high"] - c["low"]) * plot_height, 1)

    step = plot_width / max(1, len(terms))
    xs = [round(c["left"] + (i + 0.5) * step, 1) for i in range(len(terms))]
    points = [{"x": x, "y": y(float(t.average)), "label": t.average.replace(".", ",")}
              for x, t in zip(xs, terms, strict=True) if t.average]
    return {**c, "bottom_y": c["height"] - c["bottom"], "right_x": c["width"] - c["right"],
            "ticks": [{"y": y(v / 2), "label": f"{v / 2:.1f}".replace(".", ",")} for v in range(4, 11)],
            "names": [{"x": x, "name": t.name} for x, t in zip(xs, terms, strict=True)], "points": points,
            "line": " ".join(f"{p['x']},{p['y']}" for p in points)}


def page(template: str, school_id: str, rpc: str, make_request, every_student: bool = False, needs_period=True,
         shown_with: Callable[[object], dict] = lambda report: {}):
    """The report's page: the pickers, the report asked for (or why there is none) and what `shown_with` adds."""
    choice, periods, students = asked(school_id, every_student)
    ready = choice.class_group_id and (choice.period_id or not needs_period) and (choice.student_id or every_student)
    report, refused = shown(rpc, make_request(school_id, choice)) if ready else (
        None, "Выберите класс." if not choice.class_group_id else "Нет учеников или периодов для отчёта.")
    return render_template(template, school_id=school_id, asked=choice, classes=class_names(school_id),
                           periods=periods, students=students, report=report, refused=refused,
                           text=request.values.get("text", ""), **shown_with(report))


@bp.get(f"{P}/student-dynamics")
@login_required
def student_dynamics(school_id):
    return page("reports_student_dynamics.html", str(school_id), "GetStudentDynamics", dynamics_request,
                needs_period=False, shown_with=lambda report: {"chart": chart(report.terms) if report else None})


@bp.get(f"{P}/report-cards")
@login_required
def report_cards(school_id):
    return page("reports_report_cards.html", str(school_id), "GetReportCards", cards_request, every_student=True)


@bp.get(f"{P}/student-progress")
@login_required
def student_progress(school_id):
    return page("reports_student_progress.html", str(school_id), "GetStudentProgress", progress_request)


@bp.route(f"{P}/guardian-letters", methods=["GET", "POST"])
@login_required
def guardian_letters(school_id):
    return page("reports_guardian_letters.html", str(school_id), "GetGuardianLetters", letters_request,
                every_student=True)


FILES = {"student-dynamics": ("StudentDynamics", dynamics_request), "report-cards": ("ReportCards", cards_request),
         "student-progress": ("StudentProgress", progress_request)}


def file_of(school_id: str, rpc: str, make_request, kind: str):
    choice = Asked(request.values.get("class_group_id", ""), request.values.get("period_id", ""),
                   request.values.get("student_id", ""))
    return send_report(call("reporting", f"Render{rpc}{kind.title()}", make_request(school_id, choice)))


@bp.get(f"{P}/<any('student-dynamics', 'report-cards', 'student-progress'):report>.<any(pdf, xlsx):kind>")
@login_required
def report_file(school_id, report, kind):
    return file_of(str(school_id), *FILES[report], kind)


@bp.post(f"{P}/guardian-letters.pdf")
@login_required
def letters_file(school_id):
    """The letters as one PDF, the form teacher's text taken from the form (text=)."""
    return file_of(str(school_id), "GuardianLetters", letters_request, "pdf")
