"""A guardian's e-mail rules: the address as mail is sent to it, the digest's choices, when a scheduled digest is due
and what period a guardian's "send now" covers, what an unsubscribe link names."""
import datetime as dt

import pytest

from services.common.dates import SCHOOL_ZONE
from services.common.errors import Invalid
from services.messaging.domain import family_mail

SUNDAY = dt.date(2026, 12, 6)


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=SCHOOL_ZONE)


def test_the_address_is_normalised_or_refused_by_field():
    assert family_mail.address("  Maria@Школа.РФ ") == "Maria@xn--80atdl2c.xn--p1ai"
    assert family_mail.address("") == ""
    with pytest.raises(Invalid) as exc:
        family_mail.address("мария@example.org")
    assert "address" in exc.value.fields


def test_a_digest_is_none_daily_or_weekly():
    assert family_mail.digest("weekly") == "weekly"
    with pytest.raises(Invalid) as exc:
        family_mail.digest("hourly")
    assert "digest" in exc.value.fields


def test_a_daily_digest_is_due_from_six_in_the_evening_a_weekly_one_on_sunday():
    monday = SUNDAY + dt.timedelta(days=1)
    assert family_mail.due_period("daily", at(monday, 17, 59)) is None
    assert family_mail.due_period("daily", at(monday, 18)) == (monday, monday)
    assert family_mail.due_period("weekly", at(monday, 20)) is None
    assert family_mail.due_period("weekly", at(SUNDAY, 18)) == (SUNDAY - dt.timedelta(days=6), SUNDAY)
    assert family_mail.due_period("none", at(SUNDAY, 20)) is None


def test_send_now_covers_a_day_or_its_week_up_to_today():
    wednesday = SUNDAY + dt.timedelta(days=3)
    assert family_mail.period_of("daily", wednesday, wednesday) == (wednesday, wednesday)
    assert family_mail.period_of("weekly", wednesday, wednesday) == (wednesday - dt.timedelta(days=2), wednesday)
    assert family_mail.period_of("weekly", SUNDAY - dt.timedelta(days=3), wednesday) == (
        SUNDAY - dt.timedelta(days=6), SUNDAY)
    with pytest.raises(Invalid) as exc:
        family_mail.period_of("daily", wednesday + dt.timedelta(days=1), wednesday)
    assert "on_date" in exc.value.fields


def test_an_unsubscribe_link_names_what_it_stops():
    assert family_mail.subscription_name("digest") == "сводку дневника по электронной почте"
    assert "Отметка «2»" in family_mail.subscription_name("notice.mark_2")
    with pytest.raises(Invalid):
        family_mail.subscription_name("notice.everything")
