"""The municipal authority's side-by-side page on a loaded municipality (issue 13: under 1 s for a term on the city):
reporting's refresher computes a changed school's aggregates every few minutes (a city of changed schools takes a
while: wait for the number of schools computed to stop growing, or pass `--refresh` on a small size to have them
computed at once through POST /authority/refresh, timed); then the operator asks for every school side by side for
the term (`--period`, default q1) `--requests` times one after another, sorted by a metric as often, and for its XLSX,
each timed from the client (p50/p95/p99/max), and the municipality's form ОШ-1 on `--osh1-date` (default 20 September
of the year), which counts every school on request. Results go to .run/bench/results-authority-<label>.json.

    .venv/bin/python -m bench.authority --year 2025/2026 --period q1 --requests 50 --label city
"""
import argparse
import time

from bench.common import bench_dir, timed, write_json
from services import topology
from services.tooling.api_client import Api, password_token


def operator_api(stack: dict[str, str]) -> Api:
    return Api(password_token(stack, "operator", stack["OTMETKA_OPERATOR_PASSWORD"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--year", default="2025/2026")
    parser.add_argument("--period", default="q1")
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--label", default="run")
    parser.add_argument("--osh1-date", default="", help="the municipal ОШ-1's date (default: 20 September of --year)")
    parser.add_argument("--refresh", action="store_true",
                        help="compute the changed schools at once first (a small size: the call's deadline is 120 s)")
    args = parser.parse_args()
    stack = topology.stack_env()
    results: dict = {"year": args.year, "period": args.period}
    if args.refresh:
        began = time.monotonic()
        refreshed = operator_api(stack).request("POST", "/authority/refresh", 200).json()
        results["refresh"] = {"schools": refreshed.get("schools", 0), "seconds": round(time.monotonic() - began, 1)}
    operator = operator_api(stack)  # a fresh token for the timed part
    params = {"year": args.year, "period": args.period}
    overview = operator.get("/authority/schools-overview", params=params)
    results["schools"] = len(overview["schools"])
    results["computed"] = sum(1 for row in overview["schools"] if row.get("computed"))
    results["overview"] = timed(lambda: operator.get("/authority/schools-overview", params=params), args.requests)
    results["sorted"] = timed(lambda: operator.get("/authority/schools-overview", params={
        **params, "sort": "quality", "order": "desc"}), args.requests)
    results["xlsx"] = timed(lambda: operator.request("GET", "/authority/schools-overview.xlsx", 200, params=params),
                            max(1, args.requests // 5))
    osh1_date = args.osh1_date or f"{args.year[:4]}-09-20"
    results["osh1"] = timed(lambda: operator.get("/authority/reports/form-osh1", params={"on_date": osh1_date}),
                            max(1, args.requests // 10))
    write_json(bench_dir() / f"results-authority-{args.label}.json", results)
    print(results)


if __name__ == "__main__":
    main()
