"""The deputy head's year transition pages with fake services: the source year and the new name proposed, the preview
per class with each student's outcome, recounted with the outcomes chosen, the transition run and its result step by
step, a refusal shown at its field and student; the control page's late orders and the 15 September deadline."""
import datetime
import re

import pytest

from gateway.web import pages
from proto.identity.v1 import identity_pb2 as pb
from proto.schedule.v1 import schedule_pb2
from services.common.errors import Conflict, FailedPrecondition, NotFound
from tests.unit.gateway.fakes import refused

SCHOOL = "0b6f5a8e-3c1d-4b7a-9a55-2f7c1f0e9d11"
YEAR = "1b6f5a8e-3c1d-4b7a-9a55-2f7c1f0e9d11"
NEW_YEAR = "1c6f5a8e-3c1d-4b7a-9a55-2f7c1f0e9d11"
CLASS_5A = "5c1e2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b"
CLASS_9A = "5d1e2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b"
PETR = "2a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
DARIA = "2b2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
OLGA = "2c2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
MATHS = "4a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
ORDER = "6a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
CSRF = {"csrf_token": "csrf-123"}
START = f"/schools/{SCHOOL}/year-transition"


def on(monkeypatch, day: datetime.date) -> None:
    monkeypatch.setattr(pages, "today", lambda: day)


@pytest.fixture
def years(peers, monkeypatch):
    """2025/2026 is over (it is summer 2026); no transition yet."""
    on(monkeypatch, datetime.date(2026, 6, 20))
    peers.responses["ListAcademicYears"] = schedule_pb2.ListAcademicYearsResponse(academic_years=[
        schedule_pb2.AcademicYear(id=YEAR, name="2025/2026", start_date="2025-09-01", end_date="2026-05-31")])
    peers.responses["ListSubjects"] = schedule_pb2.ListSubjectsResponse(subjects=[
        schedule_pb2.Subject(id=MATHS, name="Математика")])
    peers.responses["GetYearTransition"] = refused(NotFound("Переход ещё не выполнен"))
    peers.responses["GetMovementPolicy"] = pb.MovementPolicy(promotion_due="08-31", notice_working_days=3,
                                                             transition_due="09-15")


def preview(request: pb.YearTransitionRequest) -> pb.YearTransition:
    """Identity's preview: every student promoted (9th grade graduated) unless decided otherwise."""
    decided = {d.student_id: d for d in request.decisions}

    def student(sid, name, default, to_class):
        outcome = decided[sid].outcome if sid in decided else default
        return pb.TransitionStudent(student_id=sid, full_name=name, outcome=outcome,
                                    to_class_name="" if outcome == "graduated" else to_class,
                                    debts=decided[sid].debts if sid in decided else [])
    fifth = [student(PETR, "Иванов Пётр", "promoted", "6А"), student(DARIA, "Петрова Дарья", "promoted", "6А")]
    ninth = [student(OLGA, "Орлова Ольга", "graduated", "")]
    count = lambda group, outcome: sum(s.outcome == outcome for s in group)  # noqa: E731
    return pb.YearTransition(
        source_year_id=request.source_year_id, name=request.name, deadline="2026-09-15",
        new_classes=request.new_classes or [pb.NewClass(grade=1, name="1А")], classes=[
            pb.TransitionClass(class_group_id=CLASS_5A, name="5А", grade=5, successor_name="6А", students=fifth,
                               **{k: count(fifth, k) for k in ("promoted", "conditional", "repeating", "graduated")}),
            pb.TransitionClass(class_group_id=CLASS_9A, name="9А", grade=9, students=ninth, graduated=1)])


def _calls(peers, rpc):
    return [req for _, name, req, _ in peers.calls if name == rpc]


def flat(resp) -> str:
    return re.sub(r">\s+<", "><", resp.get_data(as_text=True))


def test_the_page_proposes_the_ended_year_and_the_next_name(browser, peers, years):
    page = flat(browser.get(START))
    assert "Переход на новый учебный год" in page and f'<option value="{YEAR}" selected>2025/2026</option>' in page
    assert 'name="name" value="2026/2027"' in page and not _calls(peers, "PreviewYearTransition")


def test_the_preview_shows_each_class_with_its_counts_and_students(browser, peers, years):
    peers.responses["PreviewYearTransition"] = preview
    page = flat(browser.get(f"{START}?source_year_id={YEAR}&name=2026/2027"))
    (asked,) = _calls(peers, "PreviewYearTransition")
    assert (asked.source_year_id, asked.name, list(asked.decisions)) == (YEAR, "2026/2027", [])
    assert "5А → 6А" in page and "9А → выпуск" in page and "ничего не записано" in page and "15.09.2026" in page
    assert "Переведены: 2, условно: 0, оставлены: 0, выпущены: 0" in page
    assert "Переведены: 0, условно: 0, оставлены: 0, выпущены: 1" in page
    petr = page[page.index(f'name="outcome-{PETR}"'):]
    assert '<option value="promoted" selected>переведён</option>' in petr[:petr.index("</select>")]
    assert 'name="new_name" value="1А"' in page and "Выполнить переход" in page and "Пересчитать" in page


def test_a_year_already_transitioned_leads_to_its_result(browser, peers, years):
    peers.responses["GetYearTransition"] = pb.YearTransition(source_year_id=YEAR, name="2026/2027")
    resp = browser.get(f"{START}?source_year_id={YEAR}&name=2026/2027")
    assert resp.status_code == 302 and resp.headers["Location"].endswith(f"{START}/{YEAR}")


FORM = {**CSRF, "source_year_id": YEAR, "name": "2026/2027", "student": [PETR, DARIA, OLGA],
        f"outcome-{PETR}": "conditional", f"debts-{PETR}": MATHS, f"deadline-{PETR}": "2026-10-15",
        f"outcome-{DARIA}": "repeating", f"outcome-{OLGA}": "graduated", f"document-{OLGA}": "аттестат № 7",
        "new_grade": ["1", "10", "", "²", "99999999999"], "new_name": ["1А", "10А", "", "2А", "3А"]}


def test_the_preview_is_recounted_with_the_outcomes_chosen(browser, peers, years):
    peers.responses["PreviewYearTransition"] = preview
    page = flat(browser.post(START, data={**FORM, "action": "recount"}))
    (asked,) = _calls(peers, "PreviewYearTransition")
    assert [(d.student_id, d.outcome) for d in asked.decisions] == [
        (PETR, "conditional"), (DARIA, "repeating"), (OLGA, "graduated")]
    assert [(d.subject_id, d.deadline) for d in asked.decisions[0].debts] == [(MATHS, "2026-10-15")]
    assert asked.decisions[2].document == "аттестат № 7" and not asked.decisions[1].debts
    assert [(c.grade, c.name) for c in asked.new_classes] == [(1, "1А"), (10, "10А")]  # "²" and 99999999999 left out
    assert "Переведены: 0, условно: 1, оставлены: 1, выпущены: 0" in page
    assert not _calls(peers, "TransitionYear")


def test_the_transition_runs_and_shows_its_steps(browser, peers, years):
    done = preview(pb.YearTransitionRequest(source_year_id=YEAR, name="2026/2027"))
    done.target_year_id = NEW_YEAR
    done.orders.append(pb.MovementOrder(id=ORDER, number="14-у", kind=pb.PROMOTION, lines=[
        pb.OrderLine(student_id=PETR), pb.OrderLine(student_id=DARIA)]))
    peers.responses["TransitionYear"] = done
    resp = browser.post(START, data={**FORM, "action": "run"})
    assert resp.status_code == 302 and resp.headers["Location"].endswith(f"{START}/{YEAR}?notice=done")
    (ran,) = _calls(peers, "TransitionYear")
    assert (ran.source_year_id, ran.name, len(ran.decisions)) == (YEAR, "2026/2027", 3)
    peers.responses["GetYearTransition"] = done
    page = flat(browser.get(resp.headers["Location"]))
    assert "Переход на 2026/2027 выполнен" in page and "✓ Создан учебный год 2026/2027" in page
    assert "✓ Созданы классы: 6А, 1А" in page and "✓ Подписано приказов: 1" in page
    assert "Приказ № 14-у</a>: Перевод в следующий класс, учеников: 2" in page
    assert f"/schools/{SCHOOL}/movement/orders/{ORDER}" in page
    assert browser.post(START, data={k: v for k, v in FORM.items() if k != "csrf_token"}).status_code == 400


def test_a_refused_transition_shows_why_next_to_the_field_and_student(browser, peers, years):
    peers.responses["PreviewYearTransition"] = preview
    peers.responses["TransitionYear"] = refused(FailedPrecondition(
        "Переход невозможен", {"decisions[2].outcome": "выпуск только из 9 и 11 классов"}))
    resp = browser.post(START, data={**FORM, "action": "run"})
    page = flat(resp)
    assert resp.status_code == 409 and "Переход не выполнен. Переход невозможен" in page
    olga = page[page.index(f'value="{OLGA}"'):]
    assert "выпуск только из 9 и 11 классов" in olga[:olga.index("</tr>")]
    peers.responses["TransitionYear"] = refused(Conflict(
        "Переход из этого учебного года уже выполнен", {"source_year_id": "переход уже выполнен"}))
    page = flat(browser.post(START, data={**FORM, "action": "run"}))
    assert "переход уже выполнен</span>" in page


def test_the_control_page_warns_when_the_deadline_is_near_or_past(browser, peers, years, monkeypatch):
    peers.responses["ListOrders"] = pb.ListOrdersResponse(orders=[
        pb.MovementOrder(id=ORDER, number="3-у", kind=pb.LEAVING, order_date="2026-02-10", deadline="2026-02-05",
                         late=True, lines=[pb.OrderLine(student_id=PETR)]),
        pb.MovementOrder(number="4-у", kind=pb.ENROLMENT)])
    page = flat(browser.get(f"/schools/{SCHOOL}/journal/control"))
    assert "Движение учащихся" in page and "Переход на новый учебный год из 2025/2026 — до 15.09.2026" in page
    assert "transition-warning" not in page
    assert ">3-у</a></td><td>Выбытие</td><td>10.02.2026</td><td>05.02.2026</td><td>1</td>" in page
    assert ">4-у<" not in page
    on(monkeypatch, datetime.date(2026, 9, 5))
    page = flat(browser.get(f"/schools/{SCHOOL}/journal/control"))
    assert "нужно выполнить до 15.09.2026: осталось дней — 10" in page and "transition-warning" in page
    on(monkeypatch, datetime.date(2026, 9, 16))
    page = flat(browser.get(f"/schools/{SCHOOL}/journal/control"))
    assert "Срок перехода на новый учебный год (15.09.2026) прошёл" in page
    peers.responses["GetYearTransition"] = pb.YearTransition(source_year_id=YEAR, name="2026/2027",
                                                             deadline="2026-09-15", late=True)
    page = flat(browser.get(f"/schools/{SCHOOL}/journal/control"))
    assert 'Переход 2025/2026 → 2026/2027 выполнен <span class="error">позже срока</span>' in page
    assert "transition-warning" not in page


def test_the_transition_deadline_on_the_control_page_is_the_schools_own(browser, peers, years, monkeypatch):
    peers.responses["ListOrders"] = pb.ListOrdersResponse()
    peers.responses["GetMovementPolicy"] = pb.MovementPolicy(transition_due="09-01")
    on(monkeypatch, datetime.date(2026, 9, 5))
    assert "Срок перехода на новый учебный год (01.09.2026) прошёл" in flat(browser.get(
        f"/schools/{SCHOOL}/journal/control"))
