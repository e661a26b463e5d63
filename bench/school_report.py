"""A whole school's period reports on a loaded municipality (issue 13: a school's summary report forms in under 30 s on
the city): the school's deputy head (from .run/bench/seed-<size>.json, a school loaded through all stages) asks for
each school-wide report of a period (`--period`, default the first term: its id from ListSchoolPeriods) as the page
does — the JSON, then the PDF and the XLSX — and as a background job (POST report-jobs, polled until done), each
`--repeat` times, timed from the client (p50/p95/p99/max; a job's time from the request to its file being ready).
Results go to .run/bench/results-school-report-<label>.json.

    .venv/bin/python -m bench.school_report --size city --repeat 3 --label city
"""
import argparse
import json
import time

from bench.common import bench_dir, timed, write_json
from services import topology
from services.tooling.api_client import Api, password_token

REPORTS = ("school-summary", "progress-summary", "knowledge-quality")
JOB_KINDS = (("school-summary", "pdf"), ("period-reports", "zip"), ("summary-sheets", "zip"))


def formed_job(api: Api, school_id: str, kind: str, params: dict, fmt: str, seconds: float = 600) -> None:
    """Asks for the job and waits for its file (only a job under way is returned for the same request: one done
    before is formed anew, so each time is a forming's)."""
    job = api.post(f"/schools/{school_id}/report-jobs", {"kind": kind, "params": params, "format": fmt}, expect=None)
    assert job.status_code in (200, 202), f"{kind}: {job.status_code} {job.text[:300]}"
    job_id, deadline = job.json()["id"], time.monotonic() + seconds
    while time.monotonic() < deadline:
        state = api.get(f"/schools/{school_id}/report-jobs/{job_id}")
        if state["status"] == "done":
            return
        assert state["status"] in ("queued", "running"), f"{kind}: {state}"
        time.sleep(0.2)
    raise AssertionError(f"{kind}: not formed within {seconds} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", default="city")
    parser.add_argument("--school", type=int, default=0, help="index of the school in seed-<size>.json")
    parser.add_argument("--period", default="", help="a period id; default: the year's first term")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--label", default="run")
    args = parser.parse_args()
    stack = topology.stack_env()
    seeded = json.loads((bench_dir() / f"seed-{args.size}.json").read_text())["schools"][args.school]
    deputy = Api(password_token(stack, seeded["deputy"]["username"], seeded["deputy"]["password"]))
    school_id = seeded["id"]
    year = deputy.get(f"/schools/{school_id}/academic-years")["academic_years"][0]
    periods = deputy.get(f"/schools/{school_id}/reports/school-periods", params={"academic_year_id": year["id"]})
    period = args.period or periods["periods"][0]["id"]
    params = {"academic_year_id": year["id"], "period_id": period}
    results: dict = {"school": seeded["name"], "year": year["name"], "period": period,
                     "classes": len(seeded["class_groups"])}
    for name in REPORTS:
        for suffix in ("", ".pdf", ".xlsx"):
            path = f"/schools/{school_id}/reports/{name}{suffix}"
            results[f"{name}{suffix}"] = timed(lambda path=path: deputy.request("GET", path, 200, params=params),
                                               args.repeat)
    for kind, fmt in JOB_KINDS:
        job_params = {"academic_year_id": year["id"]} if kind == "summary-sheets" else params
        results[f"job {kind}.{fmt}"] = timed(
            lambda kind=kind, fmt=fmt, job_params=job_params: formed_job(deputy, school_id, kind, job_params, fmt),
            args.repeat)
    write_json(bench_dir() / f"results-school-report-{args.label}.json", results)
    print(json.dumps(results, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
