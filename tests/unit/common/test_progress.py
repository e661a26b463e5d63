"""A request pool's progress (services.common.progress): busy is alive, wedged is not."""
import threading

from services.common.progress import Progress


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_full_pool_that_finishes_calls_is_busy_not_stuck():
    clock = Clock()
    progress = Progress(workers=2, stuck_after=60, clock=clock)
    first, second = progress.call(), progress.call()
    first.__enter__()
    second.__enter__()  # every worker holds a call
    clock.now += 50
    assert progress.stuck() == ""
    first.__exit__(None, None, None)  # one finished, the next queued call takes its worker
    third = progress.call()
    third.__enter__()
    clock.now += 50  # 100 s of a full pool, but a call finished 50 s ago
    assert progress.stuck() == ""
    second.__exit__(None, None, None)
    third.__exit__(None, None, None)


def test_a_full_pool_where_no_call_finishes_is_stuck_and_comes_back_when_one_does():
    clock = Clock()
    progress = Progress(workers=2, stuck_after=60, clock=clock)
    calls = [progress.call(), progress.call()]
    for call in calls:
        call.__enter__()
    clock.now += 61
    assert progress.stuck() == "every one of the 2 request workers has held its call for 61 s, none finished"
    calls[0].__exit__(None, None, None)
    assert progress.stuck() == ""


def test_one_long_call_while_other_workers_are_free_is_not_stuck():
    clock = Clock()
    progress = Progress(workers=2, stuck_after=60, clock=clock)
    with progress.call():
        clock.now += 600  # a long report: the other worker still serves
        assert progress.stuck() == ""


def test_counts_calls_from_many_threads():
    progress = Progress(workers=4, stuck_after=0)

    def serve() -> None:
        for _ in range(200):
            with progress.call():
                pass

    threads = [threading.Thread(target=serve) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert progress._busy == 0 and progress.stuck() == ""
