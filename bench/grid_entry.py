"""A lesson typed into the teacher's grid in a real headless Chromium, end to end (issue 18: from the last keystroke
to «Все изменения сохранены», p95 under 500 ms on the `town` data). On the classes of .run/bench/seed-<size>.json
(the first `--classes` classes with lessons of the first school), the class's teacher signs in through the gateway's
login, opens the grid of one of their lessons (its class, subject and day), fills the reason for a past lesson and
types a mark for every student of the column with the keyboard (a value and Enter, down the column), then waits for
the page to say everything is saved; the time from the last keystroke to that is one sample. `--lessons` lessons
are typed in all, round-robin over the classes, each with other values than it held (a save always changes every
cell). The school's edit lock is set to 0 first (the seeded lessons are older than a week: a teacher could not
change them). Results go to .run/bench/results-grid-entry-<label>.json.

    .venv/bin/python -m bench.grid_entry --size town --classes 3 --lessons 20 --label town
"""
import argparse
import json
import time

from playwright.sync_api import sync_playwright

from bench.common import bench_dir, summarize, write_json
from services import topology
from services.tooling.api_client import BASE, Client, Token
from tests.support.browser import CHROMIUM, CHROMIUM_ARGS

SAVED = "Все изменения сохранены"
VALUES = ("5", "4", "3", "5", "4")


def sign_in(page, teacher: dict) -> None:
    page.goto(f"{BASE}/login")
    page.get_by_role("link", name="Войти", exact=True).click()
    page.locator("#username").fill(teacher["username"])
    if not page.locator("#password").is_visible():
        page.locator("#kc-login").click()
    page.locator("#password").fill(teacher["password"])
    page.locator("#kc-login").click()
    page.wait_for_url(lambda url: url.startswith(f"{BASE}/") and "/auth/callback" not in url, timeout=30_000)


def type_lesson(page, school_id: str, lesson: dict, round_: int) -> tuple[float, int]:
    """(seconds from the last keystroke to «saved», cells typed) for one lesson's column."""
    page.goto(f"{BASE}/schools/{school_id}/journal/grid?class_group_id={lesson['class_group_id']}"
              f"&subject_id={lesson['subject_id']}&from={lesson['date']}&to={lesson['date']}")
    page.wait_for_function("document.getElementById('grid-status')?.textContent === " + json.dumps(SAVED))
    page.locator("#change-reason").fill("Нагрузочный тест ввода")
    cells = page.locator(f"input.cell-input[data-lesson='{lesson['id']}']")
    count = cells.count()
    cells.first.focus()
    for i in range(count):
        page.keyboard.press("Control+a")
        page.keyboard.type(VALUES[(i + round_) % len(VALUES)])
        page.keyboard.press("Enter")
    last = time.perf_counter()
    page.wait_for_function("document.getElementById('grid-status')?.textContent === " + json.dumps(SAVED),
                           timeout=30_000, polling="raf")
    return time.perf_counter() - last, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", default="town")
    parser.add_argument("--classes", type=int, default=3)
    parser.add_argument("--lessons", type=int, default=20, help="lessons typed in all")
    parser.add_argument("--label", default="run")
    args = parser.parse_args()
    stack = topology.stack_env()
    school = json.loads((bench_dir() / f"seed-{args.size}.json").read_text())["schools"][0]
    admin = Client(Token(stack, school["admin"]["username"], school["admin"]["password"]))
    admin.call("PUT", f"/schools/{school['id']}/journal-policy", {"edit_lock_days": 0})
    groups = [g for g in school["class_groups"] if g["lessons"]][:args.classes]
    latencies, cells = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        pages = []
        for group in groups:
            page = browser.new_context(locale="ru-RU", viewport={"width": 1400, "height": 900}).new_page()
            sign_in(page, group["teacher"])
            pages.append(page)
        began = time.monotonic()
        for n in range(args.lessons):
            group, page = groups[n % len(groups)], pages[n % len(groups)]
            lesson_id = group["lessons"][(n // len(groups)) % len(group["lessons"])]
            lesson = admin.call("GET", f"/schools/{school['id']}/lessons/{lesson_id}/record")
            lesson = {"id": lesson_id, "class_group_id": lesson["class_group_id"], "subject_id": lesson["subject_id"],
                      "date": lesson["lesson_date"]}
            seconds, typed = type_lesson(page, school["id"], lesson, n)
            latencies.append(seconds)
            cells.append(typed)
        browser.close()
    results = {"size": args.size, "school": school["name"], "classes": len(groups), "cells_per_lesson": cells,
               "last_keystroke_to_saved": summarize(latencies, 0, time.monotonic() - began)}
    write_json(bench_dir() / f"results-grid-entry-{args.label}.json", results)
    print(json.dumps(results, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
