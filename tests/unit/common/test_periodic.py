"""A periodic worker's wait: `every` after a short round; with a duty, long enough after a long round that the worker
works at most that share of the time, and within a round that rests after each step."""
import datetime as dt

import pytest

from services.common import periodic
from services.common.periodic import Periodic, wait_after

THREE_MINUTES = dt.timedelta(minutes=3)


def test_without_a_duty_the_wait_is_every():
    assert wait_after(THREE_MINUTES, 500.0, None) == 180.0


def test_a_long_round_is_followed_by_a_wait_that_keeps_the_duty():
    assert wait_after(THREE_MINUTES, 5.0, 0.1) == 180.0  # 5 s of 185: under a tenth
    assert wait_after(THREE_MINUTES, 200.0, 0.1) == 1800.0  # 200 s of 2,000: a tenth


class Time:
    """The worker's clock and its stop event: a wait moves the clock; a stop asked for ends every wait at once."""

    def __init__(self):
        self.now, self.waits, self.stopped = 100.0, [], False

    def monotonic(self) -> float:
        return self.now

    def wait(self, seconds: float) -> bool:
        self.waits.append(seconds)
        self.now += 0 if self.stopped else seconds
        return self.stopped

    def is_set(self) -> bool:
        return self.stopped


@pytest.fixture
def clock(monkeypatch):
    time = Time()
    monkeypatch.setattr(periodic.time, "monotonic", time.monotonic)
    return time


def worker(clock: Time, steps: list[float], duty: float | None, stop_after: int = 0) -> Periodic:
    """A worker whose round is steps taking the given seconds, resting after each; during step `stop_after` (from 1)
    the worker is asked to stop."""
    def action():
        for n, took in enumerate(steps, 1):
            clock.now += took
            if n == stop_after:
                clock.stopped = True
            if found.rest():
                return

    found = Periodic("steps", dt.timedelta(minutes=3), action, duty=duty)
    found.stop_event = clock
    return found


def test_a_round_in_steps_rests_after_each_as_its_duty_asks(clock):
    steps = worker(clock, [2.0, 5.0], duty=0.1)
    steps._since = clock.now  # as run() sets it when a round begins
    steps.action()
    assert clock.waits == [18.0, 45.0]  # 2 s of work, then 18: a tenth; 5 s, then 45


def test_the_wait_after_a_round_counts_only_the_work_after_its_last_rest(clock):
    steps = worker(clock, [50.0, 50.0], duty=0.1)
    original = steps.stop_event.wait

    def wait(seconds):
        if len(clock.waits) == 2:  # the wait after the round: stop the worker there
            clock.stopped = True
        return original(seconds)

    clock.wait = wait
    steps.run()
    assert clock.waits == [450.0, 450.0, 180.0]  # rested within the round; after it only `every`


def test_without_a_duty_rest_does_not_wait_and_a_stop_ends_the_round(clock):
    steps = worker(clock, [1.0, 1.0, 1.0], duty=None, stop_after=2)
    steps.run()
    assert clock.waits == [180.0]  # only the wait after the round (which ends the worker): no rest waited
    assert clock.now == 102.0  # the third step never ran
