"""The ratios with a load generator that is not itself the bottleneck: `wrk` (a Debian package, C, event loop) sends
one operation — diary reads (a deputy head's `GET …/students/{id}/diary` of a random first-quarter week) or whole
lesson saves (a class's teacher's `PUT …/lessons/{id}/record`, 25 marks) — drawn over many students, lessons and
tokens (`--entries` requests of `--classes` classes across the size, as bench/load.py draws them), or a trivial URL.
A Lua script hands each connection the next request of the list (each wrk thread starts at a random place), so no
single key is hot. Closed loop: `--connections` requests in flight. Prints requests/s, latency percentiles and
the answers other than 200 (any counts as a failed run; the script counts them, so a script wrk could not run
fails too); the result goes to .run/bench/results-wrk-<label>.json.

Usage: python -m bench.wrk --size city --classes 400 --operation diary --seconds 30 --connections 32
       python -m bench.wrk --trivial http://127.0.0.1:PORT/ --seconds 30 --connections 32
"""
import argparse
import json
import random
import re
import shutil
import subprocess

from bench.common import bench_dir, write_json
from bench.load import Actors, operation, sample_classes
from services import topology
from services.tooling.api_client import BASE

SCRIPT = """
local entries = %s
local n = #entries
local i = 0
local threads = {}
function setup(thread)
  table.insert(threads, thread)
end
function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
  i = math.random(n) - 1
  bad = 0
  statuses = ""
end
function request()
  i = i %% n + 1
  local e = entries[i]
  return wrk.format(e[1], e[2], e[3], e[4])
end
function response(status, headers, body)
  if status ~= 200 then
    bad = bad + 1
    if bad <= 20 then statuses = statuses .. " " .. status end
  end
end
function done(summary, latency, requests)
  local total = 0
  local statuses = ""
  for _, thread in ipairs(threads) do
    total = total + thread:get("bad")
    statuses = statuses .. thread:get("statuses")
  end
  io.write(string.format("answers not 200: %%d\\n", total))
  io.write(string.format("their statuses (20 a thread at most):%%s\\n", statuses))
end
"""


def lua_string(text: str) -> str:
    return "[==[" + text + "]==]"


def lua_entries(requests: list[tuple[str, str, dict, dict | None]]) -> str:
    """The requests as a Lua table of {method, path, headers, body}."""
    rows = []
    for method, url, headers, body in requests:
        path = url[len(BASE):] if url.startswith(BASE) else url
        head = {**headers, **({"Content-Type": "application/json"} if body is not None else {})}
        cells = ", ".join(f"[ {lua_string(k)} ] = {lua_string(v)}" for k, v in head.items())
        payload = lua_string(json.dumps(body, ensure_ascii=False)) if body is not None else "nil"
        rows.append(f"{{{lua_string(method)}, {lua_string(path)}, {{{cells}}}, {payload}}}")
    return "{\n" + ",\n".join(rows) + "\n}"


def parse(output: str) -> dict:
    """wrk's summary: requests/s, latency percentiles (ms), answers other than 200 (the script's count: a redirect
    is no answer either) and the first of their statuses, socket errors."""
    def ms(value: str) -> float:
        number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", value).groups()
        return round(float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit], 2)
    percentiles = {f"p{p}": ms(v) for p, v in re.findall(r"^\s+(\d+)%\s+(\S+)\s*$", output, re.MULTILINE)}
    bad = re.search(r"answers not 200: (\d+)", output)
    if bad is None:
        raise SystemExit(f"the script did not run (wrk fell back to its own request):\n{output}")
    socket = re.search(r"Socket errors: (.*)$", output, re.MULTILINE)
    statuses = re.search(r"their statuses \(20 a thread at most\):(.*)$", output, re.MULTILINE)
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
            "requests": int(re.search(r"(\d+) requests in", output).group(1)), **percentiles,
            "not_200": int(bad.group(1)), "statuses": statuses.group(1).split() if statuses else [],
            "socket_errors": socket.group(1) if socket else ""}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="town")
    parser.add_argument("--classes", type=int, default=0, help="draw the requests from K class groups (0 = all)")
    parser.add_argument("--operation", choices=["diary", "save"], default="diary")
    parser.add_argument("--trivial", help="GET this URL instead (the baseline)")
    parser.add_argument("--entries", type=int, default=3000, help="distinct requests in the script")
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2, help="wrk's threads")
    parser.add_argument("--label", default="")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (the Debian package wrk)")
    label = args.label or ("trivial" if args.trivial else f"{args.size}-{args.operation}")
    rng = random.Random(args.seed)
    if args.trivial:
        requests = [("GET", args.trivial, {}, None)]
        url = args.trivial
    else:
        seed = json.loads((bench_dir() / f"seed-{args.size}.json").read_text())
        if args.classes:
            seed = sample_classes(seed, args.classes, rng)
        actors = Actors(seed, topology.stack_env())
        requests = [operation(args.operation, actors, rng, None) for _ in range(args.entries)]
        url = BASE
    script = bench_dir() / f"wrk-{label}.lua"
    script.write_text(SCRIPT % lua_entries(requests))
    script.chmod(0o600)  # it holds tokens
    done = subprocess.run(["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{args.seconds}s", "--latency",
                           "--timeout", "10s", "-s", str(script), url], capture_output=True, text=True, check=True)
    script.unlink()
    results = {"label": label, "operation": "trivial" if args.trivial else args.operation, "size": args.size,
               "classes": args.classes, "distinct_requests": len(requests), "connections": args.connections,
               "seconds": args.seconds, **parse(done.stdout)}
    write_json(bench_dir() / f"results-wrk-{label}.json", results)
    print(done.stdout)
    print(f"{label}: {results['rps']} req/s, p50 {results.get('p50')} ms, p99 {results.get('p99')} ms, "
          f"not 200: {results['not_200']}")
    if results["not_200"] or results["socket_errors"]:
        raise SystemExit(f"{label}: {results['not_200']} answers were not 200 ({' '.join(results['statuses'])}), "
                         f"socket errors: {results['socket_errors'] or 'none'}")


if __name__ == "__main__":
    main()
