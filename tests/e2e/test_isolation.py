"""Tenant isolation over every REST operation (requirements T1, P2), through the running gateway:
the users of school B, and the authority operator, get nothing of school A, with A's real ids in the
path, query and body; without a token everything is 401; and school A is unchanged afterwards.

The walk reads /api/v1/openapi.json, so a new endpoint is walked automatically, or breaks the suite
(a path, query or body id without a value in ids_of, an operation outside a school without an entry
in OUTSIDE_A_SCHOOL) until someone decides how it is covered.

B's family-side caller is a student with a password login: the Gosuslugi stand-in's confirmed users
(ivanova, petrov) are guardians in every seeded school, A included, so they are no outsiders to A."""
import base64
import time
import uuid
from dataclasses import dataclass

import pytest
import requests

from services.tooling.api_client import BASE, activate_login, with_login
from tests.support import stack
from tests.support.api import Api
from tests.support.isolation import Call, Findings, Operation, leaks, operations, uuids_in
from tests.support.school import seed_school

pytestmark = pytest.mark.stack

API = f"{BASE}/api/v1"
WEEK = {"from": "2025-09-01", "to": "2025-09-07"}
REFUSED = {403, 404}
# operations outside /schools/{school_id}: what each caller gets ("*": everyone else; None: not called)
OUTSIDE_A_SCHOOL: dict[str, dict[str, set[int] | None]] = {
    "OnboardSchool": {"operator": None, "*": {403}},  # the operator would onboard a school: that is its job
    "ListSchools": {"operator": {200}, "*": {403}},   # the operator lists schools (A among them): allowed
    "GetMe": {"*": {200}},                            # about the caller only
    "LinkFederatedAccount": {"*": {409}},             # not a confirmed Gosuslugi login
    "ClaimActivation": {"*": {409, 429}},             # not a valid activation code (429: too many from this address)
    "GetConsent": {"*": {200}},                       # about the caller only (their own schools)
    "RecordConsent": {"*": {409}},                    # not the current version of the text
    # the authority's aggregates of every school (A among them): the operator only
    "GetSchoolsOverview": {"operator": {200}, "*": {403}},
    "RenderSchoolsOverviewXlsx": {"operator": {200}, "*": {403}},
    "RefreshSchoolAggregates": {"operator": {200}, "*": {403}},
    # form ОШ-1 of the municipality: every school's numbers summed (no school named, no person): the operator only
    "GetMunicipalFormOsh1": {"operator": {200}, "*": {403}},
    "RenderMunicipalFormOsh1Pdf": {"operator": {200}, "*": {403}},
    "RenderMunicipalFormOsh1Xlsx": {"operator": {200}, "*": {403}},
    # the archive copies of any school that need attention, the acts of destruction to approve: the operator only
    "ListArchiveAlerts": {"operator": {200}, "*": {403}},
    "ListActsToApprove": {"operator": {200}, "*": {403}},
    # the operator's status notice for every page (issue 16): anyone signed in reads it, the operator only sets it
    # (not called: it would show on every page of the installation while the suite runs)
    "GetStatusNotice": {"*": {200}},
    "SetStatusNotice": {"operator": None, "*": {403}},
    "RemoveStatusNotice": {"operator": None, "*": {403}},
}
# the operator's own work on a school (its card and status): expected, not a leak; None: not called
OPERATOR_IN_A_SCHOOL: dict[str, set[int] | None] = {"GetSchool": {200}, "UpdateSchool": None, "SetSchoolStatus": None,
                                                    "GetSchoolOverview": {200}}
# the operator's aggregates name A (its id and name) but nothing else of it: no person's id, name or text
AUTHORITY_AGGREGATES = {"GetSchoolsOverview", "RenderSchoolsOverviewXlsx", "GetSchoolOverview"}
# where the generic minimal body would break a domain rule the service checks after authorization
BODY_OVERRIDES = {
    "CreateAcademicYear": {"name": "2030/2031", "terms": [
        {"name": "1 полугодие", "kind": "half_year", "start_date": "2030-09-01", "end_date": "2030-12-28"}]},
    "CreateClassGroup": {"name": "5Я"},
    "CreateSchoolEvent": {"kind": "concert"},
    "UpdateSchoolEvent": {"kind": "concert"},
    # the operator recomputes A's aggregates only (every changed school of the installation would take minutes)
    "RefreshSchoolAggregates": {"school_id": lambda ids: ids["school_id"]},
    # a thread about A's student with A's teacher, a notice to A's class: the walk carries A's ids in the body
    "StartThread": {"student_id": lambda ids: ids["student_id"], "staff_id": lambda ids: ids["teacher_id"]},
    "SendNotice": {"audience": "class", "class_group_id": lambda ids: ids["class_group_id"]},
}
CYRILLIC = "абвгдежзийклмноп"


def cyrillic_tag() -> str:
    """A random Cyrillic word (names may contain letters only), unique per run."""
    return "".join(CYRILLIC[int(c, 16)] for c in uuid.uuid4().hex[:10])


@dataclass
class World:
    a: dict            # school A's ids by parameter name
    b: dict            # school B's ids by the same names
    canaries: dict     # what of A must never show up in a response to somebody else
    admin_a: Api
    deputy_a: Api
    callers: dict      # name -> Api of B's users and the operator
    document: dict
    before: dict       # snapshot of A before the walk

    @property
    def operations(self) -> list[Operation]:
        return operations(self.document)


def seed_a(available: set[str]) -> dict:
    """School A with a distinctive student, a recorded lesson, a pending unlock request and a calendar feed
    (when the API has them), and an older year to close and archive."""
    env = stack.env()
    seeded = seed_school(env, f"Изоляция А {uuid.uuid4().hex[:8]}")
    sid, admin, group = seeded["school"]["id"], seeded["admin_api"], seeded["class_group"]
    tag = cyrillic_tag()
    canary = admin.post(f"/schools/{sid}/people", {
        "kind": "student", "last_name": f"Канарейкин{tag}", "first_name": "Тимофей", "gender": "male",
        "birth_date": "2014-02-02", "class_group_id": group["id"]})["person"]
    old_year = admin.post(f"/schools/{sid}/academic-years", {
        "name": "2024/2025", "start_date": "2024-09-01", "end_date": "2025-05-31",
        "terms": [{"name": "Год", "kind": "semester", "start_date": "2024-09-01", "end_date": "2025-05-31"}]})
    old_group = admin.post(f"/schools/{sid}/class-groups", {"academic_year_id": old_year["id"], "grade": 4, "name": "4А"})
    lesson = seeded["lesson"]
    teacher = Api(stack.password_token(seeded["teacher"]["person"]["username"], seeded["teacher"]["password"]))
    extra = {}
    if {"RequestUnlock", "SetJournalPolicy"} <= available:  # a pending request: the long past lesson closed for a while
        admin.put(f"/schools/{sid}/journal-policy", {"edit_lock_days": 7})
        extra["unlock_request"] = teacher.post(f"/schools/{sid}/lessons/{lesson['id']}/unlock-requests",
                                               {"reason": f"Исправить ошибку {tag}"})
    if "SetJournalPolicy" in available:  # then open again, so that the teacher records it
        admin.put(f"/schools/{sid}/journal-policy", {"edit_lock_days": 0})
    s1, s2 = seeded["students"]
    texts = {"topic": f"Тема {tag}", "homework": f"Задание {tag}", "comment": f"Комментарий {tag}"}
    record = teacher.put(f"/schools/{sid}/lessons/{lesson['id']}/record", {
        "topic": texts["topic"], "homework": texts["homework"], "reason": "Перенос записей урока",
        "marks": [{"student_id": canary["id"], "value": "5", "work_type": "classwork", "comment": texts["comment"]}],
        "attendance": [{"student_id": s2["id"], "status": "ill"}]})
    extra["canary_mark"] = next(m for m in record["marks"] if m["student_id"] == canary["id"])
    if "FlagMark" in available:  # the canary, with a login of their own, flags their mark: a flag to answer and list
        [slip] = admin.post(f"/schools/{sid}/activation-codes", {"person_ids": [canary["id"]]})["slips"]
        student = Api(stack.password_token(*activate_login(slip["code"])))
        texts["mark flag"] = f"Обращение {tag}"
        extra["mark_flag"] = student.post(f"/schools/{sid}/marks/{extra['canary_mark']['id']}/flags",
                                          {"text": texts["mark flag"]})
    if "CreateSubgroup" in available:
        texts["subgroup"] = f"Группа {tag}"
        extra["subgroup"] = admin.post(f"/schools/{sid}/class-groups/{group['id']}/subgroups",
                                       {"name": texts["subgroup"], "student_ids": [canary["id"]]})
    if "ReportMismatch" in available:
        texts["mismatch report"] = f"Расхождение {tag}"
        extra["mismatch_report"] = teacher.post(f"/schools/{sid}/lessons/{lesson['id']}/mismatch-reports",
                                                {"message": texts["mismatch report"]})
    if "AddHomeworkAttachment" in available:
        texts["homework file"] = f"Файл задания {tag}"
        extra["homework_file"] = teacher.post(f"/schools/{sid}/lessons/{lesson['id']}/homework-files", {
            "filename": "zadanie.txt", "content_base64": base64.b64encode(texts["homework file"].encode()).decode()})
    if "DeleteHoliday" in available:  # between the 2nd and the 3rd quarter: no lessons change
        extra["holiday"] = admin.post(f"/schools/{sid}/academic-years/{seeded['year']['id']}/holidays", {
            "name": f"Каникулы {tag}", "start_date": "2026-01-05", "end_date": "2026-01-06"})["holiday"]
    if "DeleteDayTransfer" in available:
        extra["day_transfer"] = admin.post(f"/schools/{sid}/academic-years/{seeded['year']['id']}/day-transfers", {
            "date": "2026-01-10", "works_as_weekday": 0})["day_transfer"]
    if "DeleteRoom" in available:
        extra["room"] = admin.post(f"/schools/{sid}/rooms", {"name": f"Кабинет {tag}"})
    if "DeleteBellSchedule" in available:
        extra["bell_schedule"] = admin.post(f"/schools/{sid}/bell-schedules", {"name": f"Смена {tag}", "periods": [
            {"lesson_number": 1, "starts_at": "08:30", "ends_at": "09:15"}]})
    if "CreateProfile" in available:
        extra["profile"] = admin.post(f"/schools/{sid}/academic-years/{seeded['year']['id']}/profiles", {
            "name": f"Профиль {tag}", "grade_from": 10, "grade_to": 11})
    if "SignOrder" in available:  # a newcomer enrolled by an order of A's register
        newcomer = admin.post(f"/schools/{sid}/people", {
            "kind": "student", "last_name": f"Новиков{tag}", "first_name": "Денис", "gender": "male",
            "birth_date": "2014-04-04"})["person"]
        extra["order"] = admin.post(f"/schools/{sid}/orders", {
            "kind": "enrolment", "order_date": "2025-10-01", "effective_date": "2025-10-01",
            "reason": f"Заявление {tag}", "lines": [{"student_id": newcomer["id"], "to_class_group_id": group["id"]}]})
    if "AddControlRemark" in available:  # the deputy head's remark to A's teacher on the journal's keeping
        texts["control remark"] = f"Замечание {tag}"
        extra["remark"] = admin.post(f"/schools/{sid}/control-remarks", {
            "teacher_id": seeded["teacher"]["person"]["id"], "text": texts["control remark"]})
    if "StartThread" in available:  # the teacher writes to the canary's family with a file; a complaint; a notice
        texts["message"] = f"Сообщение {tag}"
        [extra["thread"]] = teacher.post(f"/schools/{sid}/threads", {
            "student_id": canary["id"], "subject": f"Тема {tag}", "text": texts["message"], "files": [
                {"filename": "pismo.txt", "content_base64": base64.b64encode(texts["message"].encode()).decode()}]},
        )["threads"]
        extra["message"] = teacher.get(f"/schools/{sid}/threads/{extra['thread']['id']}")["messages"][0]
        extra["complaint"] = teacher.post(f"/schools/{sid}/threads/{extra['thread']['id']}/complaints",
                                          {"reason": f"Жалоба {tag}"})
        texts["notice"] = f"Объявление {tag}"
        extra["notice"] = admin.post(f"/schools/{sid}/notices", {
            "audience": "staff", "title": texts["notice"], "text": texts["notice"], "requires_ack": True})
    if "CreateSchoolEvent" in available:  # a meeting of A's class
        texts["school event"] = f"Собрание {tag}"
        extra["school_event"] = admin.post(f"/schools/{sid}/school-events", {
            "title": texts["school event"], "kind": "parent_meeting", "date": "2025-09-04",
            "audience": {"scope": "class_groups", "class_group_ids": [group["id"]]}})
    if "CreateCalendarFeed" in available:
        extra["feed"] = teacher.post(f"/schools/{sid}/calendar-feeds", {"teacher_id": seeded["teacher"]["person"]["id"]})
        texts["calendar feed url"] = extra["feed"]["url"]
    return {**seeded, "canary": canary, "old_year": old_year, "old_group": old_group, "lesson": lesson,
            "texts": texts, "s1": s1, "s2": s2, "tag": tag, **extra}


def close_and_archive(admin: Api, sid: str, year_id: str) -> dict:
    """Closes the older year and waits for its archive packages (waiting for the director's signature: an id is what
    matters)."""
    admin.post(f"/schools/{sid}/academic-years/{year_id}/close", expect=200)
    deadline = time.monotonic() + 30
    while True:
        packages = admin.get(f"/schools/{sid}/archives")["packages"]
        if packages:
            return packages[0]
        assert time.monotonic() < deadline, f"no archive package of the closed year: {packages}"
        time.sleep(0.3)


def wait_for_mark(admin: Api, sid: str, class_group_id: str, student_id: str) -> None:
    """Reporting is fed by events: the snapshot is taken once the recorded mark is in the summary sheet."""
    deadline = time.monotonic() + 10
    while True:
        resp = admin.get(f"/schools/{sid}/class-groups/{class_group_id}/summary-sheet", expect=None)
        sheet = resp.json() if resp.status_code == 200 else {"rows": [], "status": resp.status_code}  # 404: not yet
        if any(r["student_id"] == student_id and any(c["marks"] for c in r["cells"]) for r in sheet["rows"]):
            return
        assert time.monotonic() < deadline, f"the mark did not reach the summary sheet: {sheet}"
        time.sleep(0.1)


def ids_of(seeded: dict, archive_id: str) -> dict[str, str]:
    """School A's ids by the parameter names the API uses for them (path, query and body)."""
    ids = {
        "school_id": seeded["school"]["id"], "person_id": seeded["canary"]["id"],
        "student_id": seeded["canary"]["id"], "guardian_id": seeded["guardians"][0]["id"],
        "teacher_id": seeded["teacher"]["person"]["id"], "class_group_id": seeded["class_group"]["id"],
        "subject_id": seeded["subject"]["id"], "academic_year_id": seeded["year"]["id"],
        "term_id": seeded["year"]["terms"][0]["id"], "lesson_id": seeded["lesson"]["id"], "archive_id": archive_id,
    }
    if "unlock_request" in seeded:
        ids["request_id"] = seeded["unlock_request"]["id"]
    if "feed" in seeded:
        ids["feed_id"] = seeded["feed"]["id"]
    ids["entry_id"] = seeded["timetable"]["entry"]["id"]
    ids["substitute_teacher_id"] = seeded["teacher"]["person"]["id"]
    for name, key in (("subgroup_id", "subgroup"), ("report_id", "mismatch_report"),
                      ("attachment_id", "homework_file"), ("holiday_id", "holiday"),
                      ("day_transfer_id", "day_transfer"), ("room_id", "room"),
                      ("bell_schedule_id", "bell_schedule"), ("profile_id", "profile"),
                      ("school_event_id", "school_event")):
        if key in seeded:
            ids[name] = seeded[key]["id"]
    if "order" in seeded:
        ids["order_id"] = seeded["order"]["id"]
    if "remark" in seeded:
        ids["remark_id"] = seeded["remark"]["id"]
    ids["mark_id"] = seeded["canary_mark"]["id"]
    if "mark_flag" in seeded:
        ids["flag_id"] = seeded["mark_flag"]["id"]
    if "thread" in seeded:
        ids.update(thread_id=seeded["thread"]["id"], message_id=seeded["message"]["id"],
                   file_id=seeded["message"]["files"][0]["id"], complaint_id=seeded["complaint"]["id"],
                   notice_id=seeded["notice"]["id"])
    ids["source_year_id"] = seeded["old_year"]["id"]  # closed and archived: a year to go on from
    ids["match_id"] = str(uuid.uuid5(uuid.NAMESPACE_URL, seeded["school"]["id"]))  # no pending match is seeded
    ids["job_id"] = str(uuid.uuid5(uuid.NAMESPACE_URL, f"import {seeded['school']['id']}"))  # no import job either
    ids["act_id"] = str(uuid.uuid5(uuid.NAMESPACE_URL, f"act {seeded['school']['id']}"))  # no act of destruction
    return ids


def canaries_of(seeded: dict, ids: dict[str, str], archive: dict) -> dict[str, str]:
    """A's ids (every one it has), its school's and its distinctive student's names, and the lesson's texts."""
    found = uuids_in([seeded["school"], seeded["admin"]["person"], seeded["teacher"], seeded["deputy"],
                      seeded["students"], seeded["guardians"], seeded["timetable"], seeded["canary"],
                      seeded["old_year"], seeded["old_group"], seeded["lesson"], archive,
                      seeded.get("unlock_request"), seeded.get("feed"), seeded.get("subgroup"),
                      seeded.get("mismatch_report"), seeded.get("homework_file"), seeded.get("order"),
                      seeded.get("remark"), seeded.get("canary_mark"), seeded.get("mark_flag"),
                      seeded.get("thread"), seeded.get("message"), seeded.get("complaint"), seeded.get("notice"),
                      seeded.get("school_event")])
    canaries = {f"an id of A ({value[:8]})": value for value in found | set(ids.values())}
    canaries.update({"A's school name": seeded["school"]["short_name"], "A's student's name": seeded["tag"],
                     "A's admin login": seeded["admin"]["username"],
                     **{f"A's lesson {k}": v for k, v in seeded["texts"].items()}})
    return canaries


def snapshot(admin: Api, deputy: Api, a: dict, available: set[str]) -> dict:
    """What A's admin sees of A: people, class groups, the week's lessons (of the class and the teacher),
    the recorded lesson, the summary sheet, the archives, and the journal's and calendar's settings where
    the API has them; the unlock requests as A's deputy head (who decides them) sees them."""
    sid, group, year = a["school_id"], a["class_group_id"], a["academic_year_id"]
    lessons = f"/schools/{sid}/lessons"
    paths = {
        "people": f"/schools/{sid}/people", "class_groups": f"/schools/{sid}/class-groups",
        "class_lessons": f"{lessons}?class_group_id={group}&from={WEEK['from']}&to={WEEK['to']}",
        "teacher_lessons": f"{lessons}?teacher_id={a['teacher_id']}&from={WEEK['from']}&to={WEEK['to']}",
        "record": f"{lessons}/{a['lesson_id']}/record", "guardian": f"/schools/{sid}/people/{a['guardian_id']}",
        "sheet": f"/schools/{sid}/class-groups/{group}/summary-sheet", "archives": f"/schools/{sid}/archives",
        "GetJournalPolicy": f"/schools/{sid}/journal-policy", "ListUnlockRequests": f"/schools/{sid}/unlock-requests",
        "ListTermMarks": f"/schools/{sid}/term-marks?class_group_id={group}&term_id={a['term_id']}",
        "ListHolidays": f"/schools/{sid}/academic-years/{year}/holidays",
        "ListDayTransfers": f"/schools/{sid}/academic-years/{year}/day-transfers",
    }
    return {key: (deputy if key == "ListUnlockRequests" else admin).get(path)
            for key, path in paths.items() if key[0].islower() or key in available}


@pytest.fixture(scope="module")
def world(installation) -> World:
    document = requests.get(f"{API}/openapi.json", timeout=10).json()
    available = {op.operation_id for op in operations(document)}
    seeded_a = seed_a(available)
    sid_a, admin_a = seeded_a["school"]["id"], seeded_a["admin_api"]
    seeded_b = seed_school(stack.env(), f"Изоляция Б {uuid.uuid4().hex[:8]}")
    sid_b, admin_b = seeded_b["school"]["id"], seeded_b["admin_api"]
    archive = close_and_archive(admin_a, sid_a, seeded_a["old_year"]["id"])
    student_b = with_login(admin_b.post(f"/schools/{sid_b}/people", {
        "kind": "student", "last_name": "Ученикова", "first_name": "Вера", "gender": "female",
        "birth_date": "2014-03-03", "class_group_id": seeded_b["class_group"]["id"], "create_account": True}))
    if "SetJournalPolicy" in available:  # B's lessons open too, so that a save is refused for its content only
        admin_b.put(f"/schools/{sid_b}/journal-policy", {"edit_lock_days": 0})
    wait_for_mark(admin_a, sid_a, seeded_a["class_group"]["id"], seeded_a["canary"]["id"])

    def login(person: dict) -> Api:
        return Api(stack.password_token(person["person"]["username"], person["password"]))

    a = ids_of(seeded_a, archive["id"])
    callers = {"adminB": admin_b, "deputyB": login(seeded_b["deputy"]), "teacherB": login(seeded_b["teacher"]),
               "studentB": login(student_b), "operator": Api(stack.operator_token())}
    deputy_a = login(seeded_a["deputy"])
    b = {"school_id": sid_b, "student_id": seeded_b["students"][0]["id"], "guardian_id": seeded_b["guardians"][0]["id"],
         "teacher_id": seeded_b["teacher"]["person"]["id"], "class_group_id": seeded_b["class_group"]["id"],
         "subject_id": seeded_b["subject"]["id"], "term_id": seeded_b["year"]["terms"][0]["id"],
         "lesson_id": admin_b.get(f"/schools/{sid_b}/lessons", params={
             "class_group_id": seeded_b["class_group"]["id"], **WEEK})["lessons"][0]["id"]}
    return World(a=a, b=b, canaries=canaries_of(seeded_a, a, archive), admin_a=admin_a,
                 deputy_a=deputy_a, callers=callers, document=document,
                 before=snapshot(admin_a, deputy_a, a, available))


def test_every_operation_is_walked(world):
    """Each operation is either inside a school (its path ids come from the id map) or has a decided
    expectation outside; an operation nobody decided about fails here."""
    assert len(world.operations) >= 20, "the OpenAPI document lists the API's operations"
    undecided = [op.label for op in world.operations
                 if not op.school_scoped and op.operation_id not in OUTSIDE_A_SCHOOL]
    assert not undecided, f"operations outside a school without an isolation expectation: {undecided}"
    for op in world.operations:  # raises UnknownParameter for an id the suite has no value for
        Call.build(op, world.a, world.a, BODY_OVERRIDES)


def test_school_b_and_the_operator_get_nothing_of_school_a(world):
    """B's admin, deputy head, teacher and student, and the operator, on A's paths with A's ids: 403/404,
    never 2xx or 5xx, and none of A's ids, names or texts in the response."""
    findings = Findings(list(world.callers))
    for op in world.operations:
        call = Call.build(op, world.a, world.a, BODY_OVERRIDES)
        for name, api in world.callers.items():
            allowed = REFUSED if op.school_scoped else expectation(op, name)
            operators_own = name == "operator" and op.operation_id in OPERATOR_IN_A_SCHOOL
            if operators_own:
                allowed = OPERATOR_IN_A_SCHOOL[op.operation_id]
            if allowed is None:
                findings.note(op, name, "skip")
                continue
            lists_a = (op.operation_id == "ListSchools" and name == "operator") or operators_own
            canaries = None if lists_a else world.canaries
            if name == "operator" and op.operation_id in AUTHORITY_AGGREGATES:
                canaries = {k: v for k, v in world.canaries.items()
                            if v not in (world.a["school_id"], world.canaries["A's school name"])}
            findings.check(op, name, call.send(api.http, API), allowed, canaries)
    findings.assert_clean()


def expectation(op: Operation, caller: str) -> set[int] | None:
    decided = OUTSIDE_A_SCHOOL[op.operation_id]
    return decided.get(caller, decided.get("*"))


def test_school_b_with_a_objects_gets_nothing(world):
    """B's own school id with A's object ids (path, body or query): 403/404/422 whenever A's ids are in the
    path or body; a list filtered by A's id answers at most an empty page. Never 5xx, never A's data."""
    callers = {name: world.callers[name] for name in ("adminB", "deputyB", "teacherB", "studentB")}
    findings = Findings(list(callers))
    mixed = {**world.a, "school_id": world.b["school_id"]}
    for op in world.operations:
        if not op.school_scoped:
            continue
        call = Call.build(op, mixed, world.a, BODY_OVERRIDES)
        foreign_ids = len(op.path_params) > 1 or bool(uuids_in(call.body))
        if not foreign_ids and not call.query:
            for name in callers:
                findings.note(op, name, "no A id")
            continue
        allowed = {403, 404, 422} if foreign_ids else {200, 403, 404, 422}
        # a filter may echo the ids the caller sent itself: those are not A's data; anything else of A is
        canaries = {k: v for k, v in world.canaries.items() if v not in set(call.query.values())}
        for name, api in callers.items():
            findings.check(op, name, call.send(api.http, API), allowed, canaries)
    findings.assert_clean()


def test_every_operation_needs_a_valid_token(world):
    findings = Findings(["no token", "bad token"])
    for op in world.operations:
        call = Call.build(op, world.a, world.a, BODY_OVERRIDES)
        findings.check(op, "no token", call.send(requests.Session(), API), {401}, world.canaries)
        findings.check(op, "bad token", call.send(Api("not.a.token").http, API), {401}, world.canaries)
    findings.assert_clean()


def test_operator_lists_schools_but_reads_nothing_inside(world):
    operator, sid, a = world.callers["operator"], world.a["school_id"], world.a
    assert sid in {s["id"] for s in operator.get("/schools")["schools"]}
    for path in (f"/schools/{sid}/people", f"/schools/{sid}/people/{a['person_id']}",
                 f"/schools/{sid}/students/{a['student_id']}/diary?from=2025-09-01&to=2025-09-07",
                 f"/schools/{sid}/lessons?class_group_id={a['class_group_id']}&from=2025-09-01&to=2025-09-07",
                 f"/schools/{sid}/lessons/{a['lesson_id']}/record",
                 f"/schools/{sid}/class-groups/{a['class_group_id']}/summary-sheet",
                 f"/schools/{sid}/reports/knowledge-quality?academic_year_id={a['academic_year_id']}&period_id=year",
                 f"/schools/{sid}/reports/class-results?class_group_id={a['class_group_id']}&period_id=year"):
        assert operator.request("GET", path).status_code in REFUSED, path


# B's own objects with exactly one of A's ids in the body: (operation, caller, method, path, body from (A, B) ids)
MIXED = {
    "student enrolled in A's class group": ("CreatePerson", "adminB", "POST", "people", lambda a, b: {
        "kind": "student", "last_name": "Смешанный", "first_name": "Тест", "gender": "male", "birth_date": "2014-01-01",
        "class_group_id": a["class_group_id"]}),
    "A's class group in B's timetable import": ("ImportTimetable", "adminB", "POST", "timetable/import", lambda a, b: {
        "lines": [{"class_group_id": a["class_group_id"], "subject_id": b["subject_id"], "teacher_id": b["teacher_id"],
                   "weekday": 6, "lesson_number": 9, "starts_at": "18:00", "ends_at": "18:45"}]}),
    "A's subject in B's timetable import": ("ImportTimetable", "adminB", "POST", "timetable/import", lambda a, b: {
        "lines": [{"class_group_id": b["class_group_id"], "subject_id": a["subject_id"], "teacher_id": b["teacher_id"],
                   "weekday": 6, "lesson_number": 9, "starts_at": "18:00", "ends_at": "18:45"}]}),
    "A's class group in B's teaching load": ("ImportTeachingLoad", "adminB", "POST", "teaching-load/import", lambda a, b: {
        "hours": [{"class_group_id": a["class_group_id"], "subject_id": b["subject_id"], "hours_per_week": "1"}]}),
    "A's subject in B's teaching load": ("ImportTeachingLoad", "adminB", "POST", "teaching-load/import", lambda a, b: {
        "assignments": [{"teacher_id": b["teacher_id"], "subject_id": a["subject_id"],
                         "class_group_id": b["class_group_id"]}]}),
    "A's teacher assigned in B": ("AssignTeacher", "adminB", "POST", "teaching-assignments", lambda a, b: {
        "teacher_id": a["teacher_id"], "subject_id": b["subject_id"], "class_group_id": b["class_group_id"]}),
    "A's subject assigned in B": ("AssignTeacher", "adminB", "POST", "teaching-assignments", lambda a, b: {
        "teacher_id": b["teacher_id"], "subject_id": a["subject_id"], "class_group_id": b["class_group_id"]}),
    "B's guardian of A's student": ("LinkGuardian", "adminB", "POST", "guardianships", lambda a, b: {
        "guardian_id": b["guardian_id"], "student_id": a["student_id"]}),
    "A's guardian of B's student": ("LinkGuardian", "adminB", "POST", "guardianships", lambda a, b: {
        "guardian_id": a["guardian_id"], "student_id": b["student_id"]}),
    "a mark for A's student in B's lesson": ("SaveLesson", "teacherB", "PUT", "lessons/{lesson_id}/record", lambda a, b: {
        "topic": "Проверка", "reason": "Проверка изоляции", "marks": [{"student_id": a["student_id"], "value": "4"}]}),
    "a mark for A's student in B's lesson, in bulk": ("SaveLessons", "teacherB", "PUT", "lessons/records", lambda a, b: {
        "lessons": [{"lesson_id": b["lesson_id"], "topic": "Проверка", "reason": "Проверка изоляции",
                     "marks": [{"student_id": a["student_id"], "value": "4"}]}]}),
    "term mark of A's student": ("SetTermMark", "teacherB", "PUT", "term-marks", lambda a, b: {
        "student_id": a["student_id"], "subject_id": b["subject_id"], "term_id": b["term_id"], "value": "5"}),
    "term mark in A's term": ("SetTermMark", "teacherB", "PUT", "term-marks", lambda a, b: {
        "student_id": b["student_id"], "subject_id": b["subject_id"], "term_id": a["term_id"], "value": "5"}),
    "calendar feed of A's class group": ("CreateCalendarFeed", "teacherB", "POST", "calendar-feeds", lambda a, b: {
        "class_group_id": a["class_group_id"]}),
    "calendar feed of A's teacher": ("CreateCalendarFeed", "teacherB", "POST", "calendar-feeds", lambda a, b: {
        "teacher_id": a["teacher_id"]}),
}
@pytest.mark.parametrize("probe", list(MIXED))
def test_b_objects_with_one_id_of_a_are_refused(world, probe):
    """A reference from B's objects to one object of A is refused (403/404/422) and shows nothing of A."""
    operation, caller, method, path, body = MIXED[probe]
    if operation not in {op.operation_id for op in world.operations}:
        pytest.skip(f"{operation} is not in this API")
    resp = world.callers[caller].request(method, f"/schools/{world.b['school_id']}/{path.format(**world.b)}",
                                         json=body(world.a, world.b))
    assert resp.status_code in {403, 404, 422}, f"{probe}: {resp.status_code} {resp.text[:300]}"
    own = {v for v in world.canaries.values() if v in body(world.a, world.b).values()}
    assert not leaks_beyond(resp, world.canaries, own), f"{probe}: {resp.text[:300]}"


def leaks_beyond(resp, canaries: dict[str, str], sent: set[str]) -> list[str]:
    """Canaries in the response other than the ids the caller sent itself."""
    return leaks(resp, {k: v for k, v in canaries.items() if v not in sent})


@pytest.mark.last
def test_school_a_is_unchanged_after_the_walk(world):
    """Runs after the module's other tests (marked last): nothing the walks and probes sent wrote anything in A."""
    after = snapshot(world.admin_a, world.deputy_a, world.a, {op.operation_id for op in world.operations})
    changed = [key for key in world.before if world.before[key] != after[key]]
    assert not changed, {key: (world.before[key], after[key]) for key in changed}
