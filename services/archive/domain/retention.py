"""Retention terms: how long an archived record class is kept. Plain Python, no framework imports."""
import datetime as dt


def retain_until(start: dt.date, years: int) -> dt.date:
    """The day `years` after `start` (29 February falls back to 28 February)."""
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        return start.replace(year=start.year + years, day=28)
