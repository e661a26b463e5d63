"""A guardian's e-mail (T9): the address, confirmed by a link mailed to it before anything else goes there (a child's
marks never reach a mistyped address); the digest — none, daily or weekly — and the period it is due for; the
subscriptions the unsubscribe links name. Plain Python, no I/O."""
import datetime as dt

from services.common.errors import Invalid
from services.common.mail import parse_address
from services.messaging.domain.notice import AUTOMATIC, KIND_NAMES

DIGESTS = {"none": "не присылать", "daily": "каждый день (вечером)", "weekly": "раз в неделю (в воскресенье)"}
DIGEST = "digest"  # the digest's subscription; an automatic notice's by e-mail is "notice.<kind>"
NOTICE = "notice."
DIGEST_TIME = dt.time(18, 0)  # school time: the day's marks, attendance and homework are in by then (J3)
WEEKLY_ON = 6  # Sunday: the week from Monday, for the week ahead


def address(value: str) -> str:
    """The address as mail is sent to it ("" clears it)."""
    return parse_address(value, "address") if (value or "").strip() else ""


def digest(value: str) -> str:
    if value not in DIGESTS:
        raise Invalid("digest", "none (не присылать), daily (каждый день) или weekly (раз в неделю)")
    return value


def notice_subscription(kind: str) -> str:
    return NOTICE + kind


def subscription_name(subscription: str) -> str:
    """What an unsubscribe link stops, in Russian (the page says it before the button)."""
    if subscription == DIGEST:
        return "сводку дневника по электронной почте"
    kind = subscription.removeprefix(NOTICE)
    if subscription.startswith(NOTICE) and kind in AUTOMATIC:
        return f"письма об уведомлениях «{KIND_NAMES[kind]}»"
    raise Invalid("token", "ссылка не называет известную рассылку")


def due_period(frequency: str, now: dt.datetime) -> tuple[dt.date, dt.date] | None:
    """The period whose digest is due at `now` (school time): a daily one the day itself from DIGEST_TIME on; a
    weekly one Monday to Sunday, on Sunday from DIGEST_TIME on. None when none is due."""
    today = now.date()
    if now.time() < DIGEST_TIME or frequency == "none":
        return None
    if frequency == "daily":
        return today, today
    return (today - dt.timedelta(days=6), today) if today.weekday() == WEEKLY_ON else None


def period_of(frequency: str, day: dt.date, today: dt.date) -> tuple[dt.date, dt.date]:
    """The period a guardian asks to be sent now: the day (daily), or its week from Monday to Sunday (weekly) — up to
    today."""
    if day > today:
        raise Invalid("on_date", "этот день ещё не наступил")
    if frequency == "weekly":
        monday = day - dt.timedelta(days=day.weekday())
        return monday, min(monday + dt.timedelta(days=6), today)
    return day, day
