"""School events' rules: the values checked all at once, the audience, what changed, whom an event is shown to, and
an event in a calendar feed (all day, a time range, cancelled, its revision)."""
import datetime as dt

import icalendar
import pytest

from services.common.errors import Invalid
from services.schedule.domain import ical
from services.schedule.domain import school_event as rules

CLASS_5A, CLASS_5B = "0b5d3a36-3c1e-4f5e-8f37-1c2d3e4f5a01", "0b5d3a36-3c1e-4f5e-8f37-1c2d3e4f5a02"


def values(**changes) -> rules.SchoolEventValues:
    given = dict(title=" Родительское собрание ", kind="parent_meeting", date="2026-03-12", starts_at="18:00",
                 ends_at="19:30", place="Актовый зал", description="")
    return rules.school_event_values(**(given | changes))


def test_an_event_is_read_trimmed_and_for_the_whole_school_and_everyone_by_default():
    event = values()
    assert (event.title, event.date, event.starts_at, event.ends_at) == (
        "Родительское собрание", dt.date(2026, 3, 12), dt.time(18), dt.time(19, 30))
    assert event.audience == rules.Audience("school", (), (), "everyone")
    assert event.audience.for_families and event.audience.for_staff


def test_every_wrong_field_is_named_at_once():
    with pytest.raises(Invalid) as refused:
        rules.school_event_values(title=" ", kind="party", date="12.03.2026", starts_at="", ends_at="19:30",
                                  place="з" * 201, description="о" * 2001, scope="grades", grades=[0, 5], people="all")
    assert refused.value.fields == {
        "title": "поле не заполнено", "kind": "выберите вид мероприятия из списка",
        "date": "ожидается дата в формате ГГГГ-ММ-ДД",
        "starts_at": "укажите время начала, если указано время окончания", "place": "не длиннее 200 символов",
        "description": "не длиннее 2000 символов", "audience.people": "ожидается everyone, families или staff",
        "audience.grades": "параллели от 1 до 11"}


@pytest.mark.parametrize(("starts_at", "ends_at", "problem"), [
    ("19:00", "18:00", {"ends_at": "окончание позже начала"}), ("18:00", "18:00", {"ends_at": "окончание позже начала"}),
    ("8:00", "", {"starts_at": "ожидается время в формате ЧЧ:ММ"}), ("", "", {}), ("18:00", "", {})])
def test_times_are_optional_and_an_end_comes_after_the_start(starts_at, ends_at, problem):
    try:
        values(starts_at=starts_at, ends_at=ends_at)
        found = {}
    except Invalid as refused:
        found = refused.fields
    assert found == problem


def test_the_audience_names_grades_or_class_groups():
    grades = values(scope="grades", grades=[9, 11, 9], people="families").audience
    assert grades == rules.Audience("grades", (9, 11), (), "families")
    assert grades.includes(CLASS_5A, 9) and not grades.includes(CLASS_5A, 5)
    assert not grades.for_staff
    classes = values(scope="class_groups", class_group_ids=[CLASS_5A, CLASS_5A]).audience
    assert classes.class_group_ids == (CLASS_5A,)
    assert classes.includes(CLASS_5A, 5) and not classes.includes(CLASS_5B, 5)
    for scope, field, message in (("grades", "audience.grades", "укажите хотя бы одну параллель"),
                                  ("class_groups", "audience.class_group_ids", "укажите хотя бы один класс")):
        with pytest.raises(Invalid) as refused:
            values(scope=scope)
        assert refused.value.fields == {field: message}
    with pytest.raises(Invalid) as refused:
        values(scope="class_groups", class_group_ids=["5А"])
    assert refused.value.fields == {"audience.class_group_ids": "ожидается идентификатор (UUID)"}
    with pytest.raises(Invalid) as refused:
        values(scope="parallel")
    assert refused.value.fields == {"audience.scope": "ожидается school, grades или class_groups"}


def test_what_changed_is_named_in_the_order_of_the_values():
    before = values()
    assert rules.changed_fields(before, values()) == []
    after = values(date="2026-03-13", place="Кабинет 21", scope="grades", grades=[5])
    assert rules.changed_fields(before, after) == ["date", "place", "audience"]


def test_a_cancellation_needs_a_reason():
    assert rules.cancel_reason("  карантин ") == "карантин"
    for bad, message in (("  ", "укажите причину отмены"), ("п" * 501, "не длиннее 500 символов")):
        with pytest.raises(Invalid) as refused:
            rules.cancel_reason(bad)
        assert refused.value.fields == {"reason": message}


def test_a_list_covers_at_most_400_days_forwards():
    rules.list_period(dt.date(2025, 9, 1), dt.date(2026, 10, 6))  # 400 days
    with pytest.raises(Invalid) as refused:
        rules.list_period(dt.date(2025, 9, 1), dt.date(2026, 10, 7))
    assert refused.value.fields == {"date_to": "не больше 400 дней"}
    with pytest.raises(Invalid):
        rules.list_period(dt.date(2025, 9, 2), dt.date(2025, 9, 1))


def test_families_see_the_events_for_families_of_their_class_and_teachers_those_for_staff_of_their_classes():
    school_staff = rules.Audience("school", people="staff")
    grade_5 = rules.Audience("grades", (5,), people="families")
    class_5b = rules.Audience("class_groups", (), (CLASS_5B,), "everyone")
    assert not rules.shown(school_staff, families_only=True)
    assert rules.shown(school_staff, families_only=False)
    assert rules.shown(grade_5, families_only=True, class_group=(CLASS_5A, 5))
    assert not rules.shown(grade_5, families_only=True, class_group=(CLASS_5A, 6))
    assert not rules.shown(class_5b, families_only=False, class_group=(CLASS_5A, 5))
    teacher = {CLASS_5B: 5}
    assert rules.shown(school_staff, families_only=False, staff_classes=teacher)
    assert rules.shown(class_5b, families_only=False, staff_classes=teacher)
    assert not rules.shown(grade_5, families_only=False, staff_classes=teacher)  # for families only
    assert not rules.shown(rules.Audience("grades", (9,)), families_only=False, staff_classes=teacher)


def test_events_in_a_feed_are_all_day_a_time_range_or_an_instant_with_their_sequence():
    events = [ical.Event("e1", dt.date(2026, 3, 12), None, None, "День здоровья", categories="Спортивное мероприятие"),
              ical.Event("e2", dt.date(2026, 3, 12), dt.time(18), dt.time(19, 30), "Собрание", "Актовый зал",
                         cancelled=True, description="Отменено: карантин", sequence=2),
              ical.Event("e3", dt.date(2026, 3, 13), dt.time(9), None, "Линейка")]
    parsed = icalendar.Calendar.from_ical(ical.render("Расписание 5А", events, dt.datetime(2026, 3, 1, tzinfo=dt.UTC)))
    day, meeting, instant = parsed.walk("VEVENT")
    assert (day.decoded("DTSTART"), day.decoded("DTEND")) == (dt.date(2026, 3, 12), dt.date(2026, 3, 13))
    assert str(day["CATEGORIES"].cats[0]) == "Спортивное мероприятие" and "SEQUENCE" not in day
    assert meeting.decoded("DTEND").replace(tzinfo=None) == dt.datetime(2026, 3, 12, 19, 30)
    assert (str(meeting["STATUS"]), meeting["SEQUENCE"], str(meeting["DESCRIPTION"])) == (
        "CANCELLED", 2, "Отменено: карантин")
    assert instant.decoded("DTSTART").replace(tzinfo=None) == dt.datetime(2026, 3, 13, 9) and "DTEND" not in instant
