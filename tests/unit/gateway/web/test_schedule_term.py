"""Changing a year's terms and a holiday from the set-up page with fake services: the form shows the year's terms
with their ids, sends the whole new list (an emptied row removes a term, a new row adds one, the consent to keep
recorded lessons), shows the lessons changed, and a refusal stays next to that year's form with what was typed."""
from proto.schedule.v1 import schedule_pb2 as pb
from services.common.errors import Conflict, FailedPrecondition
from tests.unit.gateway.web.test_schedule_setup import SETUP, YEAR, _school, sent

FIRST = "7e1e2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b"
SECOND = "9e1e2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b"
HOLIDAY = "2e1e2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b"


def _year(peers):
    _school(peers)
    peers.responses["ListAcademicYears"] = pb.ListAcademicYearsResponse(academic_years=[pb.AcademicYear(
        id=YEAR, name="2025/2026", start_date="2025-09-01", end_date="2026-05-31", status="open", terms=[
            pb.Term(id=FIRST, name="1 четверть", kind="quarter", start_date="2025-09-01", end_date="2025-10-24",
                    grade_from=1, grade_to=9),
            pb.Term(id=SECOND, name="2 четверть", kind="quarter", start_date="2025-11-05", end_date="2025-12-28")])])
    peers.responses["ListHolidays"] = pb.ListHolidaysResponse(holidays=[pb.Holiday(
        id=HOLIDAY, name="Осенние каникулы", start_date="2025-10-25", end_date="2025-11-03")])


def _rows(*rows) -> dict:
    data = {"csrf_token": "csrf-123", "academic_year_id": YEAR, "term_rows": str(len(rows))}
    for i, (term_id, name, kind, start, end, grades) in enumerate(rows):
        data.update({f"term_id_{i}": term_id, f"term_name_{i}": name, f"term_kind_{i}": kind, f"term_start_{i}": start,
                     f"term_end_{i}": end, f"term_grades_{i}": grades})
    return data


def test_the_change_form_holds_the_terms_with_their_ids_and_two_empty_rows(browser, peers):
    _year(peers)
    page = browser.get(SETUP).get_data(as_text=True)
    form = page[page.index('class="terms-form"'):page.index("Изменить периоды</button>")]
    assert f'name="term_id_0" value="{FIRST}"' in form and f'name="term_id_1" value="{SECOND}"' in form
    assert 'name="term_rows" value="4"' in form and 'name="term_grades_0" aria-label="2025/2026, период 1: классы" ' \
        'placeholder="1-9" value="1-9"' in form
    assert 'name="term_id_3" value=""' in form and 'name="keep_recorded_lessons"' in form
    assert f'name="holiday_id" value="{HOLIDAY}"' in page and "Сохранить каникулы" in page


def test_changed_terms_are_sent_whole_and_the_changed_lessons_counted(browser, peers):
    _year(peers)
    peers.responses["ChangeTerms"] = pb.ChangeTermsResponse(lessons_scheduled=2, lessons_cancelled=1, lessons_kept=1)
    data = _rows((FIRST, "1 полугодие", "half_year", "2025-09-01", "2025-12-28", "1–9"),
                 (SECOND, "", "quarter", "", "", ""),
                 ("", "1 полугодие", "half_year", "2025-09-01", "2025-12-28", "10-11"))
    resp = browser.post(f"{SETUP}/terms", data={**data, "keep_recorded_lessons": "on"})
    assert resp.status_code == 302
    request = sent(peers, "ChangeTerms")
    assert (request.academic_year_id, request.keep_recorded_lessons) == (YEAR, True)
    assert [(t.id, t.kind, t.end_date, t.grade_from, t.grade_to) for t in request.terms] == [
        (FIRST, "half_year", "2025-12-28", 1, 9), ("", "half_year", "2025-12-28", 10, 11)]
    page = browser.get(resp.headers["Location"]).get_data(as_text=True)
    assert "Учебные периоды изменены: уроков добавлено — 2, отменено — 1, сохранено с записями — 1" in page
    browser.post(f"{SETUP}/terms", data=data)
    assert sent(peers, "ChangeTerms").keep_recorded_lessons is False


def test_a_refused_change_stays_next_to_its_form_with_what_was_typed(browser, peers):
    _year(peers)
    peers.responses["ChangeTerms"] = FailedPrecondition(
        "В журнале уже есть записи по урокам, которые оказались бы вне учебных периодов",
        {"keep_recorded_lessons": "нужно подтверждение"})
    resp = browser.post(f"{SETUP}/terms", data=_rows((FIRST, "1 четверть", "quarter", "2025-09-01", "2025-10-17", "")))
    page = resp.get_data(as_text=True)
    assert resp.status_code == 409
    form_at = page.index('class="terms-form"')
    assert page.index('class="change-terms" open') < page.index("В журнале уже есть записи") < form_at
    assert 'value="2025-10-17"' in page[form_at:] and 'name="term_rows" value="1"' in page[form_at:]
    year_form = page[page.index('class="year-form"'):]
    assert 'value="2025-10-17"' not in year_form  # the create-year form does not take the change's rows


def test_a_holiday_is_changed_and_a_late_one_warns(browser, peers):
    _year(peers)
    resp = browser.post(f"{SETUP}/change-holiday", data={"csrf_token": "csrf-123", "holiday_id": HOLIDAY,
                                                         "name": "Осенние каникулы", "start_date": "2025-10-27"})
    change = sent(peers, "UpdateHoliday")
    assert (change.holiday_id, change.start_date, change.end_date) == (HOLIDAY, "2025-10-27", "2025-10-27")
    assert resp.status_code == 302 and "done=change-holiday" in resp.headers["Location"]
    peers.responses["UpdateHoliday"] = pb.UpdateHolidayResponse(warnings=["Каникулы внесены позже срока"])
    page = browser.post(f"{SETUP}/change-holiday", data={"csrf_token": "csrf-123", "holiday_id": HOLIDAY, "name": "К",
                                                         "start_date": "2025-10-27", "end_date": "2025-11-02"})
    assert "Каникулы изменены" in page.get_data(as_text=True) and "позже срока" in page.get_data(as_text=True)
    peers.responses["UpdateHoliday"] = Conflict("Даты пересекаются с каникулами «Зимние»", {"start_date": "пересекается"})
    resp = browser.post(f"{SETUP}/change-holiday", data={"csrf_token": "csrf-123", "holiday_id": HOLIDAY, "name": "К",
                                                         "start_date": "2025-12-30"})
    assert resp.status_code == 409 and "Даты пересекаются с каникулами «Зимние»" in resp.get_data(as_text=True)
