"""pyinstrument profile of the journal's SaveLesson or GetDiary in-process: the journal's own handler with
the running installation's database and peers (schedule, identity), called as a teacher of the seeded
municipality (a whole 25-mark lesson) or as a deputy head (a student's week), one call at a time.
Writes .run/bench/profile-journal-<operation>.{txt,html}.

Usage: python -m bench.profile_journal [--operation save|diary] [--requests 200] [--size town]
"""
import argparse
import time

from bench.common import bench_dir
from bench.journal_inprocess import journal_call


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--size", default="town")
    parser.add_argument("--operation", choices=["save", "diary"], default="save")
    args = parser.parse_args()
    from pyinstrument import Profiler

    call, _ = journal_call(args.size, args.operation)
    call()  # warm up: connections, caches
    profiler, started = Profiler(interval=0.0005), time.perf_counter()
    with profiler:
        for _ in range(args.requests):
            call()
    elapsed = time.perf_counter() - started
    out = bench_dir() / f"profile-journal-{args.operation}"
    out.with_suffix(".txt").write_text(profiler.output_text(unicode=True, show_all=False))
    out.with_suffix(".html").write_text(profiler.output_html())
    print(f"{args.requests} calls in {elapsed:.1f} s ({args.requests / elapsed:.1f}/s, one at a time, in-process); "
          f"profile in {out}.txt")


if __name__ == "__main__":
    main()
