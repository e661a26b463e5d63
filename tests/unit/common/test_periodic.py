"""A periodic worker's wait: `every` after a short round; with a duty, long enough after a long round that the worker
works at most that share of the time."""
import datetime as dt

from services.common.periodic import wait_after

THREE_MINUTES = dt.timedelta(minutes=3)


def test_without_a_duty_the_wait_is_every():
    assert wait_after(THREE_MINUTES, 500.0, None) == 180.0


def test_a_long_round_is_followed_by_a_wait_that_keeps_the_duty():
    assert wait_after(THREE_MINUTES, 5.0, 0.1) == 180.0  # 5 s of 185: under a tenth
    assert wait_after(THREE_MINUTES, 200.0, 0.1) == 1800.0  # 200 s of 2,000: a tenth
