"""The background reports' pure parts: the registry's checks of a request (each kind's params as its RPC checks them,
the optional ones left empty), the request key and the schedule's due dates."""
import datetime as dt

import pytest

from services.common.errors import Invalid
from services.reporting.domain import report_schedule
from services.reporting.service_layer.report_kinds import KINDS, checked_request

CLASS = "0b7e2f1c-6d4a-4e8b-9a51-3c2d1e0f9a8b"
OTHER = "5f1d8c2a-3b4e-4c6d-8e9f-0a1b2c3d4e5f"


def test_a_request_is_checked_and_made_canonical():
    kind, params, fmt = checked_request("attendance", {"class_group_id": CLASS.upper(), "date_from": "2026-09-01",
                                                       "date_to": "2026-09-30"}, "")
    assert (kind, params, fmt) == (KINDS["attendance"], {"class_group_id": CLASS, "date_from": "2026-09-01",
                                                         "date_to": "2026-09-30"}, "pdf")
    assert checked_request("summary-sheets", {"academic_year_id": CLASS}, "")[2] == "zip"


@pytest.mark.parametrize(("kind", "params", "fmt", "field"), [
    ("nonsense", {}, "", "kind"),
    ("summary-sheet", {"class_group_id": CLASS}, "zip", "format"),  # PDF or XLSX since the weighted sheet
    ("summary-sheet", {"class_group_id": CLASS, "period_id": "первая"}, "", "period_id"),
    ("subject-teacher", {"period_id": "year"}, "", "teacher_id"),  # the job needs the teacher: no caller by then
    ("form-teacher", {"class_group_id": "5А"}, "", "class_group_id"),
    ("class-results", {"class_group_id": CLASS, "period_id": "q1"}, "", "period_id"),
    ("student-dynamics", {"class_group_id": CLASS}, "", "student_id"),
    ("report-cards", {"class_group_id": CLASS, "student_id": OTHER}, "", "period_id"),
    ("student-progress", {"class_group_id": CLASS, "period_id": "year", "student_id": "x"}, "", "student_id"),
    ("guardian-letters", {"class_group_id": CLASS, "period_id": "year"}, "xlsx", "format"),
    ("guardian-letters", {"class_group_id": CLASS, "period_id": "year", "text": "я" * 2001}, "", "text"),
    ("knowledge-quality", {"academic_year_id": CLASS}, "", "period_id"),
    ("school-summary", {"academic_year_id": "2026/2027", "period_id": "year"}, "", "academic_year_id"),
    ("progress-summary", {"academic_year_id": CLASS, "period_id": "year"}, "zip", "format"),
    ("period-reports", {"academic_year_id": CLASS, "period_id": "year"}, "pdf", "format"),
    ("curriculum-fulfilment", {"academic_year_id": CLASS, "period_id": "year"}, "", "period_id"),
    ("movement", {"date_from": "2026-09-01"}, "", "date_to"),
    ("movement", {"date_from": "2026-09-01", "date_to": "2026-08-31"}, "", "date_to"),
    ("class-fill", {"on_date": "2026-02-30"}, "", "on_date"),
    ("class-fill", {"on_date": "2026-02-03", "extra": "1"}, "", "extra"),
])
def test_a_wrong_request_names_the_field(kind, params, fmt, field):
    with pytest.raises(Invalid) as refused:
        checked_request(kind, params, fmt)
    assert field in refused.value.fields


@pytest.mark.parametrize(("kind", "params", "fmt", "checked"), [
    ("summary-sheet", {"class_group_id": CLASS}, "xlsx", {"class_group_id": CLASS, "period_id": ""}),
    ("subject-teacher", {"teacher_id": CLASS.upper()}, "", {"teacher_id": CLASS, "period_id": ""}),
    ("form-teacher", {"class_group_id": CLASS, "period_id": OTHER}, "xlsx", {"class_group_id": CLASS,
                                                                           "period_id": OTHER}),
    ("class-results", {"class_group_id": CLASS, "period_id": "year"}, "", {"class_group_id": CLASS,
                                                                         "period_id": "year"}),
    ("student-dynamics", {"class_group_id": CLASS, "student_id": OTHER}, "", {"class_group_id": CLASS,
                                                                            "student_id": OTHER}),
    ("report-cards", {"class_group_id": CLASS, "period_id": "year"}, "", {"class_group_id": CLASS,
                                                                        "period_id": "year", "student_id": ""}),
    ("student-progress", {"class_group_id": CLASS, "period_id": OTHER, "student_id": OTHER}, "xlsx",
     {"class_group_id": CLASS, "period_id": OTHER, "student_id": OTHER}),
    ("guardian-letters", {"class_group_id": CLASS, "period_id": "year", "text": "  Уважаемые родители!  "}, "",
     {"class_group_id": CLASS, "period_id": "year", "student_id": "", "text": "Уважаемые родители!"}),
    ("knowledge-quality", {"academic_year_id": CLASS, "period_id": OTHER}, "", {"academic_year_id": CLASS,
                                                                              "period_id": OTHER}),
    ("school-summary", {"academic_year_id": CLASS, "period_id": "year"}, "xlsx", {"academic_year_id": CLASS,
                                                                                "period_id": "year"}),
    ("progress-summary", {"academic_year_id": CLASS, "period_id": "year"}, "", {"academic_year_id": CLASS,
                                                                              "period_id": "year"}),
    ("period-reports", {"academic_year_id": CLASS, "period_id": OTHER}, "", {"academic_year_id": CLASS,
                                                                           "period_id": OTHER}),
    ("curriculum-fulfilment", {"academic_year_id": CLASS}, "xlsx", {"academic_year_id": CLASS}),
])
def test_each_report_of_issue_13_is_a_kind_with_its_params_checked(kind, params, fmt, checked):
    report, got, got_format = checked_request(kind, params, fmt)
    assert (got, got_format) == (checked, fmt or report.formats[0])
    assert report.name and not any("a" <= letter.lower() <= "z" for letter in report.name), "named in Russian"


def test_the_period_reports_come_as_one_zip_and_the_letters_as_a_pdf():
    assert KINDS["period-reports"].formats == KINDS["summary-sheets"].formats == ("zip",)
    assert KINDS["guardian-letters"].formats == ("pdf",)
    assert KINDS["report-cards"].formats == KINDS["curriculum-fulfilment"].formats == ("pdf", "xlsx")


def test_the_same_request_has_the_same_key_whatever_the_order_of_its_params():
    assert report_schedule.params_key("movement", {"date_from": "2026-09-01", "date_to": "2026-09-30"}) == \
        report_schedule.params_key("movement", {"date_to": "2026-09-30", "date_from": "2026-09-01"})
    assert report_schedule.params_key("movement", {"format": "pdf"}) != report_schedule.params_key(
        "movement", {"format": "xlsx"})
    assert report_schedule.params_key("class-fill", {}) != report_schedule.params_key("movement", {})


@pytest.mark.parametrize(("day", "today", "due"), [
    (15, dt.date(2027, 1, 14), None),
    (15, dt.date(2027, 1, 15), dt.date(2027, 1, 15)),
    (15, dt.date(2027, 1, 31), dt.date(2027, 1, 15)),  # down on the day: formed after, once
    (28, dt.date(2027, 2, 28), dt.date(2027, 2, 28)),
    (0, dt.date(2027, 1, 15), None),
])
def test_the_summary_sheets_are_due_from_the_schedules_day_to_the_months_end(day, today, due):
    assert report_schedule.due_date(day, today) == due


@pytest.mark.parametrize(("weekday", "today", "due"), [
    (1, dt.date(2026, 9, 14), True), (1, dt.date(2026, 9, 20), True), (3, dt.date(2026, 9, 15), False),
    (3, dt.date(2026, 9, 16), True), (7, dt.date(2026, 9, 19), False), (0, dt.date(2026, 9, 20), False)])
def test_the_weekly_report_is_due_from_the_schools_weekday_on(weekday, today, due):
    assert report_schedule.weekly_due(weekday, today) is due


@pytest.mark.parametrize("weekday", [-1, 8])
def test_the_weekly_reports_day_is_a_weekday_or_off(weekday):
    assert [report_schedule.checked_weekday(day) for day in (0, 1, 7)] == [0, 1, 7]
    with pytest.raises(Invalid) as refused:
        report_schedule.checked_weekday(weekday)
    assert list(refused.value.fields) == ["activity_weekday"]


def test_the_schedules_day_is_one_every_month_has_or_off():
    assert report_schedule.checked_day(0) == 0 and report_schedule.checked_day(28) == 28
    for day in (-1, 29, 31):
        with pytest.raises(Invalid) as refused:
            report_schedule.checked_day(day)
        assert "summary_sheets_day" in refused.value.fields
