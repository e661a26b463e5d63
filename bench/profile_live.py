"""Where the running installation's processes spend their time under a load: `py-spy record` samples each part's
process (and its children: the gateway's gunicorn workers) for `--seconds`, without stopping it, only the thread
holding the GIL (where the process's Python CPU goes; `--all-threads` samples every running thread, waits
included), and this prints the functions with the most samples, their own (self) and with what they call
(inclusive), as shares of the part's samples. Run it next to a load
(bench/load.py, bench/wrk.py); the collapsed stacks stay in .run/bench/profile-live-<label>-<part>.txt (flame
graphs: py-spy's or any collapsed-stack viewer).

Usage: python -m bench.profile_live --seconds 30 --parts gateway,journal,reporting --label city
"""
import argparse
import re
import subprocess
import sys
from collections import Counter

from bench.common import bench_dir
from services import topology
from services.tooling import supervision

PARTS = "gateway,journal,schedule,identity,reporting"
FRAME = re.compile(r"^(?P<function>.*?) \((?P<file>[^():]*)(?::\d+)?\)$")


def stacks(path) -> list[tuple[list[str], int]]:
    """py-spy's raw output: one line per stack, frames from the thread's root to the leaf, then the sample count."""
    found = []
    for line in path.read_text().splitlines():
        frames, _, count = line.rpartition(" ")
        if frames and count.isdigit():
            found.append((frames.split(";"), int(count)))
    return found


def name(frame: str) -> str:
    """`function (path/to/module.py:12)` → `function (module.py)`; a thread's root frame as it is."""
    match = FRAME.match(frame)
    if not match:
        return frame
    return f"{match['function']} ({match['file'].rsplit('/', 2)[-1] if match['file'] else '?'})"


def summary(found: list[tuple[list[str], int]], top: int) -> str:
    total = sum(count for _, count in found) or 1
    own, inclusive = Counter(), Counter()
    for frames, count in found:
        names = [name(f) for f in frames]
        own[names[-1]] += count
        for each in set(names):
            inclusive[each] += count
    lines = [f"  {total} samples"]
    lines += ["  self:"] + [f"    {count / total:6.1%}  {fn}" for fn, count in own.most_common(top)]
    lines += ["  inclusive:"] + [f"    {count / total:6.1%}  {fn}" for fn, count in inclusive.most_common(top)]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parts", default=PARTS)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--rate", type=int, default=100, help="samples a second")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--all-threads", action="store_true", help="not only the thread holding the GIL")
    parser.add_argument("--label", default="live")
    args = parser.parse_args()
    pids = supervision.installation_pids(topology.state_dir(), topology.ROOT)
    spy = [sys.executable.rsplit("/", 1)[0] + "/py-spy"]
    running = {}
    for part in args.parts.split(","):
        output = bench_dir() / f"profile-live-{args.label}-{part}.txt"
        running[part] = (output, subprocess.Popen(
            [*spy, "record", "--pid", str(pids[part]), "--duration", str(args.seconds), "--rate", str(args.rate),
             "--format", "raw", "--subprocesses", "--nonblocking", "--output", str(output),
             *([] if args.all_threads else ["--gil"])],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True))
    for part, (output, process) in running.items():
        _, errors = process.communicate()
        if process.returncode != 0 or not output.exists():
            print(f"{part}: py-spy failed: {errors[-500:]}")
            continue
        print(f"\n{part} ({output}):\n{summary(stacks(output), args.top)}")


if __name__ == "__main__":
    main()
