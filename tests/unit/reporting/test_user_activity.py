"""The weekly user-activity report's rules: the week of a day (Monday to Sunday), the last full week, and the rows —
a staff member named through their login, an actor nobody names shown as given, the staff without activity listed
apart, the days signed in counted once a day, activity outside the week left out, the school's totals."""
import datetime as dt

from services.reporting.domain.user_activity import (
    ATTENDANCE,
    FINAL_MARK,
    HOMEWORK,
    MARK_CHANGED,
    MARK_DELETED,
    MARK_RECORDED,
    SIGN_IN,
    TERM_MARK,
    TOPIC,
    Counts,
    Done,
    StaffMember,
    last_full_week,
    user_activity,
    week,
)

MONDAY = dt.date(2026, 9, 7)


def test_the_week_of_a_day_runs_monday_to_sunday():
    assert week(dt.date(2026, 9, 7)) == (MONDAY, dt.date(2026, 9, 13))
    assert week(dt.date(2026, 9, 13)) == (MONDAY, dt.date(2026, 9, 13))
    assert week(dt.date(2026, 1, 1)) == (dt.date(2025, 12, 29), dt.date(2026, 1, 4))  # across the new year


def test_the_last_full_week_is_the_one_before_this_one():
    assert last_full_week(dt.date(2026, 9, 14)) == MONDAY  # a Monday: last week
    assert last_full_week(dt.date(2026, 9, 20)) == MONDAY  # a Sunday: its week has not ended
    assert last_full_week(dt.date(2026, 9, 21)) == dt.date(2026, 9, 14)


def day(n: int) -> dt.date:
    return dt.date(2026, 9, n)


def test_the_rows_name_people_by_login_and_list_the_idle_staff_apart():
    staff = [StaffMember("t1", "Иванова Мария", ("subject_teacher", "form_teacher"), "kc-1"),
             StaffMember("t2", "Петров Олег", ("subject_teacher",)),
             StaffMember("d1", "Алексеева Анна", ("director",), "kc-3"),
             StaffMember("x", "Без ролей", ())]
    done = [Done("kc-1", day(7), SIGN_IN), Done("kc-1", day(8), SIGN_IN, 2), Done("kc-1", day(7), TOPIC, 3),
            Done("kc-1", day(7), MARK_RECORDED, 10), Done("kc-1", day(8), MARK_CHANGED), Done("kc-1", day(8), MARK_DELETED),
            Done("kc-1", day(9), ATTENDANCE, 4), Done("kc-1", day(9), HOMEWORK), Done("kc-1", day(12), TERM_MARK, 2),
            Done("kc-1", day(13), FINAL_MARK), Done("kc-1", day(14), TOPIC), Done("kc-1", day(6), SIGN_IN),
            Done("kc-unknown", day(10), MARK_RECORDED, 2)]
    report = user_activity("Школа", MONDAY, staff, done)
    assert (report.week_from, report.week_to) == (MONDAY, dt.date(2026, 9, 13))
    assert [(r.name, r.roles, r.counts) for r in report.rows] == [
        ("kc-unknown", "", Counts(marks=2)),
        ("Иванова Мария", "учитель-предметник, классный руководитель",
         Counts(days_signed_in=2, sign_ins=3, topics=3, marks=10, marks_corrected=2, attendance=4, homework=1,
                period_marks=3))]
    assert [(r.name, r.roles) for r in report.idle] == [("Алексеева Анна", "директор"),
                                                        ("Петров Олег", "учитель-предметник")]
    assert report.total == Counts(days_signed_in=2, sign_ins=3, topics=3, marks=12, marks_corrected=2, attendance=4,
                                  homework=1, period_marks=3)


def test_a_week_without_activity_lists_every_staff_member_as_idle():
    report = user_activity("Школа", MONDAY, [StaffMember("t2", "Петров Олег", ("subject_teacher",))], [])
    assert report.rows == () and [r.name for r in report.idle] == ["Петров Олег"] and report.total == Counts()
