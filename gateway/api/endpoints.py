"""The one table of REST endpoints: path, the gRPC call behind it, its input schemas and how JSON maps
to the request message. Request validation, routing and the OpenAPI document are all generated from it."""
import base64
import binascii
from collections.abc import Callable
from dataclasses import dataclass, field

from gateway import stale_diary
from gateway.api.schema import BOOLEAN, DATE, INTEGER, UUID, array, enum, mapping, obj, string
from gateway.errors import BadRequest
from gateway.wiring import wiring
from proto.identity.v1 import identity_pb2


@dataclass(frozen=True)
class Endpoint:
    method: str
    path: str                   # under /api/v1; every {param} is a UUID
    service: str
    rpc: str
    summary: str
    body: dict | None = None    # JSON Schema of the body; None: no body
    query: dict[str, dict] = field(default_factory=dict)
    status: int = 200
    to_request: Callable[[dict], dict] | None = None    # validated input -> request message JSON
    to_response: Callable[[dict], dict] | None = None   # response message JSON -> API JSON
    response_schema: Callable[[Callable], dict] | None = None  # ref(message class) -> schema, with to_response
    file: str = ""              # media type of a file download (the response carries filename, media_type, content)
    deadline: float | None = None
    # (call, request message, the service's Unavailable) -> a stale response: what answers while the service is down
    when_unavailable: Callable | None = None

    @property
    def operation_id(self) -> str:
        return self.rpc  # one RPC per endpoint


def renamed(**names: str) -> Callable[[dict], dict]:
    return lambda values: {names.get(k, k): v for k, v in values.items()}


NAME_PARTS = ("last_name", "first_name", "middle_name")


def _name(values: dict) -> dict:
    return {k: values[k] for k in NAME_PARTS if k in values}


def _nest_name(values: dict) -> dict:
    return {**{k: v for k, v in values.items() if k not in NAME_PARTS}, "name": _name(values)}


def _onboard_request(values: dict) -> dict:
    admin = values["admin"]
    return {"name": values["name"], "short_name": values["short_name"], "admin_name": _name(admin),
            "admin_email": admin["email"], "details": values.get("details", {})}


def _onboard_response(data: dict) -> dict:
    """The first administrator gets an activation link (the code is shown once), not a password."""
    code = data["admin_activation_code"]
    return {"school": data.get("school", {}), "admin": {
        "person": data.get("admin", {}), "username": data["admin_username"], "activation_code": code,
        "activation_url": wiring().settings.activation_url(code),
        "activation_expires_at": data["admin_activation_expires_at"]}}


def _onboard_schema(ref: Callable) -> dict:
    admin = obj({"person": ref(identity_pb2.Person), "username": string(), "activation_code": string(),
                 "activation_url": string(), "activation_expires_at": string()})
    return obj({"school": ref(identity_pb2.School), "admin": admin})


def _create_person_response(data: dict) -> dict:
    """A login is handed over by activation only: with create_account the response carries the one-time code
    and its link (shown once), never a password."""
    code = data.get("activation", {}).get("code", "")
    return {**data, "activation_url": wiring().settings.activation_url(code) if code else ""}


def _create_person_schema(ref: Callable) -> dict:
    return obj({"person": ref(identity_pb2.Person), "activation": ref(identity_pb2.ActivationSlip),
                "activation_url": string(), "initial_password": string()})


def _timetable_request(values: dict) -> dict:
    return {"entry": values}


def _replace_entry_request(values: dict) -> dict:
    """Path ids and the date stay on the request; the new weekly lesson goes into entry."""
    keep = ("school_id", "entry_id", "effective_from")
    return {**{k: values[k] for k in keep if k in values}, "entry": {k: v for k, v in values.items() if k not in keep}}


PERIOD = {"from": DATE, "to": DATE}
PERIOD_NAMES = renamed(**{"from": "date_from", "to": "date_to"})
TERM_FIELDS = {"name": string(), "kind": enum("quarter", "half_year", "trimester", "semester"), "start_date": DATE,
               "end_date": DATE}
TERM_GRADES = {"grade_from": INTEGER, "grade_to": INTEGER}
TERM = obj(TERM_FIELDS, TERM_GRADES)


EVENT_AUDIENCE = obj({}, {"scope": string(), "grades": array(INTEGER), "class_group_ids": array(UUID),
                         "people": string()})
SCHOOL_EVENT = obj({"title": string(), "kind": string(), "date": DATE},
                   {"starts_at": string(), "ends_at": string(), "place": string(), "description": string(),
                    "audience": EVENT_AUDIENCE})
EVENT_KEYS = ("school_id", "school_event_id")


def _school_event_request(values: dict) -> dict:
    """The path's ids stay on the request; the event's values go into `event`."""
    return {**{k: values[k] for k in EVENT_KEYS if k in values},
            "event": {k: v for k, v in values.items() if k not in EVENT_KEYS}}


def _school_events_request(values: dict) -> dict:
    return PERIOD_NAMES({**values, "include_cancelled": values.get("include_cancelled") == "true"})


def _weekly_diaries_request(values: dict) -> dict:
    """One student_id of the query as the request's list."""
    student = values.pop("student_id", "")
    return {**values, "student_ids": [student] if student else []}


def _lessons_request(values: dict) -> dict:
    """The query string's include_cancelled=true|false as the request's boolean."""
    return PERIOD_NAMES({**values, "include_cancelled": values.get("include_cancelled") == "true"})


PAGE_SIZES = ("100", "20", "50", "200", "500")


def _audit_log_request(values: dict) -> dict:
    """limit from the query string (one of PAGE_SIZES) as a number."""
    return {**values, "limit": int(values["limit"])} if "limit" in values else values


def _import_request(values: dict) -> dict:
    """The file arrives base64-encoded in JSON; the message's bytes field takes it as is."""
    content = values.pop("content_base64")
    try:
        base64.b64decode(content, validate=True)
    except (binascii.Error, ValueError):  # bad base64, or non-ASCII text
        raise BadRequest(fields={"content_base64": "Ожидается содержимое файла в base64"}) from None
    return {**values, "content": content}


NAME = {"last_name": string(), "first_name": string()}
STAFF_CARD = obj({}, {"position": string(), "qualification_category": enum("", "none", "fit", "first", "highest"),
                     "functions": string(), "diploma_specialty": string()})
CONTACTS = obj({}, {"phone": string(), "email": string(), "address": string()})
SCHOOL_DETAILS = obj({}, {"inn": string(), "ogrn": string(), "address": string(), "licence_number": string(),
                          "licence_date": DATE, "accreditation_number": string(), "accreditation_date": DATE})
FILE_DEADLINE = 30.0
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BULK_DEADLINE = 120.0  # a school's whole timetable in one call
YEAR_DEADLINE = 30.0  # changes that cancel or schedule a whole year's lessons (terms, holidays, transfers, copy, close)
TIMETABLE_LINE = obj({"class_group_id": UUID, "subject_id": UUID, "teacher_id": UUID, "weekday": INTEGER,
                      "lesson_number": INTEGER},
                     {"starts_at": string(), "ends_at": string(), "room": string(), "subgroup_id": UUID,
                      "room_id": UUID, "bell_schedule_id": UUID})
LESSON_RECORD = {"topic": string(), "homework": string(), "reason": string(), "plan_topic_id": UUID,
                 "marks": array(obj({"student_id": UUID, "value": string()}, {"work_type": string(), "comment": string(),
                                                                               "not_counted": BOOLEAN})),
                 "attendance": array(obj({"student_id": UUID, "status": string()})),
                 "expected_revision": INTEGER, "entered_at": string()}  # a whole lesson (SaveLesson)
ORDER_KINDS = ("enrolment", "transfer", "promotion", "conditional_promotion", "repetition", "graduation", "leaving",
               "cancellation")
DEBT = obj({"subject_id": UUID, "deadline": DATE})
ORDER_LINE = obj({"student_id": UUID}, {"to_class_group_id": UUID, "debts": array(DEBT), "document": string(),
                                        "destination": string()})
TRANSITION = obj({"name": string()}, {
    "decisions": array(obj({"student_id": UUID, "outcome": enum("promoted", "conditional", "repeating", "graduated")},
                           {"debts": array(DEBT), "document": string()})),
    "new_classes": array(obj({"grade": INTEGER, "name": string()})), "order_date": DATE})
GENDERS = ("male", "female")


def _correction_request(values: dict) -> dict:
    """Name parts go into name (left unset when none is given: the name is unchanged)."""
    rest = {k: v for k, v in values.items() if k not in NAME_PARTS}
    return {**rest, "name": _name(values)} if _name(values) else rest
S = "/schools/{school_id}"
SHORTFALL_DAYS = ("7", "14", "30", "60", "92")  # how far ahead of a term's end the control view warns


SUMMARY_SHEET = ("Сводная ведомость учёта успеваемости: отметки, средний балл (взвешенный по видам работ), отметки за "
                 "периоды и на конец года решение педагогического совета; period_id — четверть (полугодие) или "
                 "«year», без него — весь год")
REPORT_PERIOD = {"period_id": string()}
CLASS_JOURNAL = ("Классный журнал класса: по каждому предмету уроки (дата, номер, тема, домашнее задание), отметки и "
                 "посещаемость учеников, отметки за периоды; без дат — весь учебный год, без subject_id — все предметы")
CLASS_JOURNAL_QUERY = {"date_from": DATE, "date_to": DATE, "subject_id": UUID}
LETTERS = ("Информационное письмо родителям за период: отметки, пропуски и текст классного руководителя (text, до 2000 "
           "символов); без student_id — письма всему классу (PDF: письмо на странице)")
LETTERS_BODY = obj({"class_group_id": UUID, "period_id": string()}, {"student_id": UUID, "text": string()})


def _files_request(values: dict) -> dict:
    """Message files arrive base64-encoded in JSON (files[n].content_base64); the message's bytes fields take them."""
    files = []
    for n, item in enumerate(values.get("files", [])):
        try:
            base64.b64decode(item["content_base64"], validate=True)
        except (binascii.Error, ValueError):
            raise BadRequest(fields={f"files[{n}].content_base64": "Ожидается содержимое файла в base64"}) from None
        files.append({"filename": item["filename"], "content": item["content_base64"]})
    return {**values, "files": files}


MESSAGE_FILES = array(obj({"filename": string(), "content_base64": string(contentEncoding="base64")}))
MESSAGING_POLICY = {"answer_days": INTEGER, "working_week_days": INTEGER, "absence_notice_time": string(),
                    "notify_mark_2": BOOLEAN, "notify_absence": BOOLEAN, "notify_few_marks": BOOLEAN,
                    "notify_term_mark": BOOLEAN, "few_marks_days": INTEGER}
NOTICE_KINDS = ("mark_2", "absence", "few_marks", "term_mark")


AUTHORITY_OVERVIEW = ("Все школы муниципалитета рядом за период учебного года (year — «2026/2027», period — q1–q4, "
                      "h1, h2, t1–t3, year): своевременность заполнения журнала, средний балл, качество знаний, "
                      "успеваемость, пропуски уроков, активированные учётные записи, сформированные архивы; sort — "
                      "показатель, order — asc или desc (оператор муниципалитета)")
AUTHORITY_QUERY = {"year": string(), "period": string(), "order": enum("asc", "desc"),
                   "sort": enum("name", "students", "average", "quality", "pass_rate", "missed_per_student",
                                "fill_rate", "staff_activated", "families_activated", "archives_sealed")}


def _authority_request(values: dict) -> dict:
    return {**{k: v for k, v in values.items() if k != "order"}, "descending": values.get("order") == "desc"}


def report_endpoints(name: str, rpc: str, summary: str, query: dict, to_request: Callable[[dict], dict],
                     kinds: tuple[str, ...] = ("pdf", "xlsx")) -> tuple[Endpoint, ...]:
    """A report's rows: its data (JSON) at /reports/<name>, its files (PDF and XLSX unless told) at .pdf and .xlsx
    (who may read it: reporting's RPC says)."""
    path = f"{S}/reports/{name}"
    media_types = {"pdf": "application/pdf", "xlsx": XLSX}
    return (Endpoint("GET", path, "reporting", f"Get{rpc}", summary, query=query, to_request=to_request),
            *(Endpoint("GET", f"{path}.{kind}", "reporting", f"Render{rpc}{kind.title()}", f"{summary} ({kind.upper()})",
                       query=query, to_request=to_request, file=media_types[kind], deadline=FILE_DEADLINE)
              for kind in kinds))

ENDPOINTS: tuple[Endpoint, ...] = (
    Endpoint("POST", "/schools", "identity", "OnboardSchool", "Подключить школу и создать её администратора",
             body=obj({"name": string(), "short_name": string(),
                       "admin": obj({**NAME, "email": string()}, {"middle_name": string()})},
                      {"details": SCHOOL_DETAILS}),
             status=201, to_request=_onboard_request, to_response=_onboard_response, response_schema=_onboard_schema),
    Endpoint("GET", "/schools", "identity", "ListSchools", "Список школ"),
    Endpoint("GET", S, "identity", "GetSchool", "Карточка школы"),
    Endpoint("PUT", S, "identity", "UpdateSchool", "Изменить карточку школы (наименования, ИНН, ОГРН, адрес, лицензия, "
             "аккредитация)", body=obj({"name": string(), "short_name": string()}, {"details": SCHOOL_DETAILS})),
    Endpoint("PUT", f"{S}/status", "identity", "SetSchoolStatus", "Приостановить или возобновить работу школы",
             body=obj({"status": enum("active", "suspended")})),
    Endpoint("GET", "/me", "identity", "GetMe", "Текущий пользователь: школы и роли"),
    Endpoint("POST", "/me/federated-link", "identity", "LinkFederatedAccount",
             "Связать учётную запись Госуслуг с карточками законного представителя"),
    Endpoint("POST", "/me/activation-claims", "identity", "ClaimActivation",
             "Добавить карточку по коду активации к своей учётной записи (один вход для нескольких школ)",
             body=obj({"code": string()})),
    Endpoint("POST", f"{S}/people", "identity", "CreatePerson", "Создать личную карту (сотрудник, ученик, родитель)",
             body=obj({"kind": enum("staff", "student", "guardian"), **NAME},
                      {"middle_name": string(), "gender": enum("male", "female"), "birth_date": DATE,
                       "snils": string(), "roles": array(string()), "class_group_id": UUID, "create_account": BOOLEAN,
                       "staff": STAFF_CARD, "contacts": CONTACTS}),
             status=201, to_request=_nest_name, to_response=_create_person_response,
             response_schema=_create_person_schema),
    Endpoint("GET", f"{S}/people", "identity", "ListPeople",
             "Список людей школы (class_group_id — все, кто был в классе, с датами; с on_date — кто в классе в этот "
             "день)", query={"kind": enum("staff", "student", "guardian"), "class_group_id": UUID, "on_date": DATE}),
    Endpoint("GET", f"{S}/people/{{person_id}}", "identity", "GetPerson", "Личная карта"),
    Endpoint("POST", f"{S}/guardianships", "identity", "LinkGuardian", "Связать родителя с учеником",
             body=obj({"guardian_id": UUID, "student_id": UUID}, {"relation": enum("mother", "father", "guardian", "other")}),
             status=201),
    Endpoint("GET", f"{S}/audit-log", "identity", "ListAuditLog",
             "Журнал аудита учётных данных (новые записи первыми; before — id для следующей страницы)",
             query={"limit": enum(*PAGE_SIZES), "before": string()}, to_request=_audit_log_request),
    Endpoint("POST", f"{S}/people/import", "identity", "ImportPeople",
             "Загрузить сотрудников, обучающихся и родителей из CSV или XLSX (dry_run — только проверка)",
             body=obj({"filename": string(), "content_base64": string(contentEncoding="base64")}, {"dry_run": BOOLEAN}),
             to_request=_import_request, deadline=FILE_DEADLINE),
    Endpoint("POST", f"{S}/people/{{person_id}}/compromised", "identity", "ReportCompromised",
             "Сообщить о компрометации учётной записи: вход блокируется, сеансы завершаются", status=201),
    Endpoint("POST", f"{S}/activation-codes", "identity", "IssueActivation",
             "Выдать одноразовые коды активации (бланки доступа, ссылки): людям или классу (ученики и их родители "
             "без входа)", body=obj({}, {"person_ids": array(UUID), "class_group_id": UUID}), status=201),
    Endpoint("GET", f"{S}/pending-matches", "identity", "ListPendingMatches",
             "Входы через Госуслуги, совпавшие с родителем по ФИО, полу и дате рождения: ждут решения школы"),
    Endpoint("POST", f"{S}/pending-matches/{{match_id}}/decision", "identity", "DecideMatch",
             "Подтвердить (confirm: true) или отклонить совпадение", body=obj({"confirm": BOOLEAN})),
    Endpoint("PUT", f"{S}/people/{{person_id}}/staff-card", "identity", "UpdateStaffCard",
             "Изменить карточку сотрудника: должность, категория, функции, специальность по диплому",
             body=STAFF_CARD, to_request=lambda values: {"school_id": values.pop("school_id"),
                                                        "person_id": values.pop("person_id"), "staff": values}),
    Endpoint("PUT", f"{S}/people/{{person_id}}/roles", "identity", "SetStaffRoles",
             "Заменить роли сотрудника в школе (руководителей назначает и снимает только администратор школы)",
             body=obj({"roles": array(string())})),
    Endpoint("PUT", f"{S}/contact-fields", "identity", "SetContactFields",
             "Какие контакты школа хранит в личных картах (phone, email, address); снятые поля стираются",
             body=obj({"fields": array(enum("phone", "email", "address"))})),
    Endpoint("PUT", f"{S}/guardian-access", "identity", "SetGuardianAccess",
             "Вход родителей только через Госуслуги (gosuslugi_only: true — кодов активации родителям не выдаётся, "
             "невыданные коды родителей аннулируются; администратор школы)", body=obj({"gosuslugi_only": BOOLEAN})),
    Endpoint("GET", "/me/consent", "identity", "GetConsent",
             "Согласие на обработку персональных данных (152-ФЗ): текущая редакция текста и школы, которые ждут "
             "решения вошедшего (родителя, совершеннолетнего ученика)"),
    Endpoint("POST", "/me/consent", "identity", "RecordConsent",
             "Принять (accept: true) или не принять согласие в прочитанной редакции (version); решение хранится "
             "в каждой школе, которая его ждёт", body=obj({"version": string()}, {"accept": BOOLEAN})),
    Endpoint("PUT", f"{S}/people/{{person_id}}/paper-diary", "identity", "SetPaperDiary",
             "Печатная версия дневника для родителя раз в неделю (wanted: true — нужна): администрация, классный "
             "руководитель ребёнка или сам родитель", body=obj({"wanted": BOOLEAN})),
    Endpoint("GET", f"{S}/class-groups/{{class_group_id}}/families", "identity", "ListClassFamilies",
             "Семьи класса: ученики на дату (on_date, по умолчанию сегодня) и их родители — вход, согласие на "
             "обработку персональных данных, печатный дневник", query={"on_date": DATE}),
    Endpoint("PUT", f"{S}/people/{{person_id}}/contacts", "identity", "UpdateContacts",
             "Изменить контакты человека: телефон, электронная почта, адрес (только хранимые школой)",
             body=CONTACTS, to_request=lambda values: {"school_id": values.pop("school_id"),
                                                      "person_id": values.pop("person_id"), "contacts": values}),
    Endpoint("POST", f"{S}/people/import-jobs", "identity", "StartPeopleImport",
             "Загрузить людей из CSV или XLSX в фоне (большие файлы): ход загрузки — GET …/import-jobs/{job_id}",
             body=obj({"filename": string(), "content_base64": string(contentEncoding="base64")}, {"dry_run": BOOLEAN}),
             status=202, to_request=_import_request, deadline=FILE_DEADLINE),
    Endpoint("GET", f"{S}/people/import-jobs/{{job_id}}", "identity", "GetImportJob",
             "Ход фоновой загрузки людей: обработано строк из общего числа; по окончании — отчёт или отказ"),
    Endpoint("PUT", f"{S}/class-groups/{{class_group_id}}/form-teacher", "identity", "AssignFormTeacher",
             "Назначить классного руководителя класса (без person_id — снять)", body=obj({}, {"person_id": UUID})),
    Endpoint("GET", f"{S}/orders", "identity", "ListOrders",
             "Книга движения учащихся: приказы школы, старые первыми (academic_year_id, student_id — отбор)",
             query={"academic_year_id": UUID, "student_id": UUID}),
    Endpoint("POST", f"{S}/orders", "identity", "SignOrder",
             "Подписать приказ о движении учащихся: зачисление, перевод, условный перевод, оставление на повторное "
             "обучение, выпуск, выбытие, отмена приказа (ошибки строк — lines[<i>].<поле>; без number — следующий "
             "свободный номер)",
             body=obj({"kind": enum(*ORDER_KINDS), "effective_date": DATE, "reason": string()},
                      {"number": string(), "order_date": DATE, "lines": array(ORDER_LINE), "cancels_order_id": UUID}),
             status=201),
    Endpoint("GET", f"{S}/orders/{{order_id}}", "identity", "GetOrder", "Приказ о движении учащихся"),
    Endpoint("GET", f"{S}/movement-policy", "identity", "GetMovementPolicy",
             "Сроки приказов о движении учащихся и перехода на новый учебный год (по умолчанию — по положению)"),
    Endpoint("PUT", f"{S}/movement-policy", "identity", "SetMovementPolicy",
             "Изменить сроки: приказы о переводе и выпуске (ММ-ДД), рабочие дни на зачисление и выбытие, переход "
             "на новый год (ММ-ДД); меняются только переданные поля",
             body=obj({}, {"promotion_due": string(), "notice_working_days": INTEGER, "transition_due": string()})),
    Endpoint("GET", f"{S}/movement-register.pdf", "reporting", "RenderMovementRegisterPdf",
             "Книга движения учащихся учебного года (PDF)", query={"academic_year_id": UUID}, file="application/pdf",
             deadline=FILE_DEADLINE),
    *report_endpoints("class-fill", "ClassFill", "Наполняемость классов на дату: учащиеся каждого класса по полу",
                      {"on_date": DATE}, renamed()),
    *report_endpoints("movement", "StudentMovement",
                      "Движение учащихся за период: приказы, вступившие в силу с from по to (отменённые не считаются)",
                      {"from": DATE, "to": DATE}, renamed(**{"from": "date_from", "to": "date_to"})),
    *report_endpoints("attendance", "AttendanceSheet",
                      "Сводная ведомость посещаемости класса за период с from по to: пропущенные уроки каждого ученика "
                      "по предметам и причинам (Н, Б, УП, НП) с итогами (руководство школы, классный руководитель — "
                      "своего класса)",
                      {"class_group_id": UUID, "from": DATE, "to": DATE},
                      renamed(**{"from": "date_from", "to": "date_to"})),
    # osh1: form ОШ-1 (federal statistics), a school's (the managers) and the municipality's (authority_operator)
    *report_endpoints("form-osh1", "FormOsh1",
                      "Форма ОШ-1: классы и обучающиеся по классам, полу и возрасту на дату on_date в учебном году "
                      "academic_year_id; оставленные на повторное обучение, выбывшие и выпускники предыдущего года "
                      "(руководство школы)", {"academic_year_id": UUID, "on_date": DATE}, renamed()),
    Endpoint("GET", "/authority/reports/form-osh1", "reporting", "GetMunicipalFormOsh1",
             "Форма ОШ-1 муниципалитета: сумма по всем школам на дату on_date (оператор муниципалитета)",
             query={"on_date": DATE}, deadline=FILE_DEADLINE),  # every school counted in its own session: seconds
    *(Endpoint("GET", f"/authority/reports/form-osh1.{kind}", "reporting", f"RenderMunicipalFormOsh1{kind.title()}",
               f"Форма ОШ-1 муниципалитета ({kind.upper()})", query={"on_date": DATE},
               file={"pdf": "application/pdf", "xlsx": XLSX}[kind], deadline=FILE_DEADLINE) for kind in ("pdf", "xlsx")),
    # authority: the municipal authority's aggregates of every school (the realm role authority_operator only)
    Endpoint("GET", "/authority/schools-overview", "reporting", "GetSchoolsOverview", AUTHORITY_OVERVIEW,
             query=AUTHORITY_QUERY, to_request=_authority_request),
    Endpoint("GET", "/authority/schools-overview.xlsx", "reporting", "RenderSchoolsOverviewXlsx",
             f"{AUTHORITY_OVERVIEW} (XLSX, строка итогов муниципалитета с формулами)", query=AUTHORITY_QUERY,
             to_request=_authority_request, file=XLSX, deadline=FILE_DEADLINE),
    Endpoint("GET", "/authority/archive-alerts", "archive", "ListArchiveAlerts",
             "Копии архивов всех школ, которые повреждены, пропали, восстановлены или ещё не записаны"),
    Endpoint("GET", "/authority/disposal-acts", "archive", "ListActsToApprove",
             "Акты школ о выделении архивов к уничтожению, ждущие утверждения"),
    Endpoint("POST", "/authority/schools/{school_id}/disposal-acts/{act_id}/approve", "archive", "ApproveDisposal",
             "Утвердить акт о выделении к уничтожению: архивы уничтожаются во всех хранилищах"),
    Endpoint("GET", "/authority/schools/{school_id}/overview", "reporting", "GetSchoolOverview",
             "Показатели одной школы за учебный год по периодам и параллелям (без персональных данных; оператор "
             "муниципалитета)", query={"year": string()}),
    Endpoint("POST", "/authority/refresh", "reporting", "RefreshSchoolAggregates", deadline=BULK_DEADLINE, summary=
             "Пересчитать показатели изменившихся школ сейчас (school_id — только этой школы; обычно — каждые "
             "несколько минут; оператор муниципалитета)", body=obj({}, {"school_id": UUID})),
    # jobs: reports formed in the background and the school's report schedule
    Endpoint("POST", f"{S}/report-jobs", "reporting", "StartReportJob",
             "Сформировать отчёт в фоне (kind — отчёт: class-fill, movement, attendance, summary-sheet, summary-sheets, "
             "subject-teacher, form-teacher, class-results, student-dynamics, report-cards, student-progress, "
             "guardian-letters, knowledge-quality, school-summary, progress-summary, period-reports, "
             "curriculum-fulfilment; params — параметры отчёта, как у его запроса; format: pdf, xlsx, zip); тот же "
             "запрос, пока он формируется, возвращает то же задание",
             body=obj({"kind": string()}, {"params": mapping(string()), "format": string()}), status=202),
    Endpoint("GET", f"{S}/report-jobs", "reporting", "ListReportJobs",
             "Сформированные и формируемые отчёты школы, новые первыми (классный руководитель — только свои)"),
    Endpoint("GET", f"{S}/report-jobs/{{job_id}}", "reporting", "GetReportJob",
             "Ход формирования отчёта: статус, сколько сформировано, причина отказа, файл"),
    Endpoint("GET", f"{S}/report-jobs/{{job_id}}/file", "reporting", "GetReportJobFile",
             "Файл сформированного отчёта (404 — срок хранения истёк)", file="application/octet-stream",
             deadline=FILE_DEADLINE),
    Endpoint("GET", f"{S}/report-schedule", "reporting", "GetReportSchedule",
             "Расписание отчётов: день месяца, когда формируются сводные ведомости всех классов (0 — не формируются), "
             "формируются ли отчёты по школе за каждый окончившийся период (period_reports) и день недели отчёта об "
             "активности пользователей за прошедшую неделю (activity_weekday: 1 — понедельник … 7, 0 — не формируется)"),
    Endpoint("PUT", f"{S}/report-schedule", "reporting", "SetReportSchedule",
             "Изменить день месяца сводных ведомостей (1–28, 0 — не формировать) и, если указано, отчёты за "
             "окончившиеся периоды и день недели отчёта об активности (0–7) (администратор школы, директор)",
             body=obj({"summary_sheets_day": INTEGER}, {"period_reports": BOOLEAN, "activity_weekday": INTEGER})),
    # teacherrep: the subject teacher's report, the form teacher's report for a period, a class's results for a period
    *report_endpoints("subject-teacher", "SubjectTeacherReport",
                      "Отчёт учителя-предметника за период (period_id — id четверти или «year»): по каждому его классу и "
                      "предмету отметки по значениям, средний балл, качество, успеваемость, уроки по плану и проведённые, "
                      "отставание; итоги по предметам (teacher_id не указан — свой; руководство — любого учителя)",
                      {"teacher_id": UUID, "period_id": string()}, renamed()),
    *report_endpoints("form-teacher", "FormTeacherReport",
                      "Отчёт классного руководителя за период: предметы класса, учащиеся по категориям, качество и "
                      "успеваемость, пропуски уроков по причинам, списки (имеют «2», одну «3», хорошисты, отличники, не "
                      "аттестованы)", {"class_group_id": UUID, "period_id": string()}, renamed()),
    *report_endpoints("class-results", "ClassResults",
                      "Итоги успеваемости класса за период: результаты учеников по предметам («*» — по текущим "
                      "отметкам), средний балл и категория каждого, качество и успеваемость",
                      {"class_group_id": UUID, "period_id": string()}, renamed()),
    # studentrep: the reports on a student of a class (the managers; the class's form teacher)
    *report_endpoints("student-dynamics", "StudentDynamics",
                      "Средний балл ученика и его динамика за учебный год класса: взвешенный средний балл и отметка "
                      "за каждую четверть по предметам, общий средний балл четверти и его изменение",
                      {"class_group_id": UUID, "student_id": UUID}, renamed()),
    *report_endpoints("report-cards", "ReportCards",
                      "Табель успеваемости за период (period_id — четверть или «year»): отметки за четверти до периода, "
                      "за год — годовые, экзаменационные и итоговые, пропуски уроков; без student_id — весь класс "
                      "(PDF: ученик на странице)",
                      {"class_group_id": UUID, "period_id": string(), "student_id": UUID}, renamed()),
    *report_endpoints("weekly-diaries", "WeeklyDiaries",
                      "Дневник класса за неделю для печати (семьям без электронного доступа): по каждому ученику уроки "
                      "по дням — предмет, тема, домашнее задание, отметки с видами работ, посещаемость, — пропуски за "
                      "неделю и мероприятия недели (week_of — любой день недели; student_id — один ученик; PDF: ученик "
                      "на странице)", {"class_group_id": UUID, "week_of": DATE, "student_id": UUID},
                      _weekly_diaries_request, kinds=("pdf",)),
    *report_endpoints("student-progress", "StudentProgress",
                      "Отчёт об успеваемости и посещаемости ученика за период: текущие отметки, взвешенный средний "
                      "балл, отметка за период и пропуски уроков по причинам по каждому предмету",
                      {"class_group_id": UUID, "period_id": string(), "student_id": UUID}, renamed()),
    # the letters are POSTed: the form teacher's text (2000 Cyrillic characters) does not fit in an address
    Endpoint("POST", f"{S}/reports/guardian-letters", "reporting", "GetGuardianLetters", LETTERS, body=LETTERS_BODY),
    Endpoint("POST", f"{S}/reports/guardian-letters.pdf", "reporting", "RenderGuardianLettersPdf", f"{LETTERS} (PDF)",
             body=LETTERS_BODY, file="application/pdf", deadline=FILE_DEADLINE),
    # --- schoolrep: the school-wide period reports of a year and a period (a term id or "year"; the managers only)
    Endpoint("GET", f"{S}/reports/school-periods", "reporting", "ListSchoolPeriods",
             "Периоды учебного года для отчётов по школе: четверти (полугодия) с параллелями, затем год (id «year»); "
             "срок сдачи отчётов — 2 рабочих дня после окончания периода (status: open, due, late)",
             query={"academic_year_id": UUID}),
    *report_endpoints("knowledge-quality", "KnowledgeQuality",
                      "Итоги успеваемости и качество знаний за период: по классам (отличники, хорошисты, с одной «3», "
                      "троечники, неуспевающие, не аттестованы, качество знаний, успеваемость, средний балл), "
                      "параллелям, предметам и школе; классы, не аттестуемые в периоде, названы",
                      {"academic_year_id": UUID, "period_id": string()}, renamed()),
    *report_endpoints("school-summary", "SchoolSummary",
                      "Отчёт о всей школе за период: наполняемость на последний день периода, итоги, пропуски уроков "
                      "по причинам, уроки по плану и проведённые — по классам и по школе",
                      {"academic_year_id": UUID, "period_id": string()}, renamed()),
    *report_endpoints("progress-summary", "ProgressSummary",
                      "Сводный отчёт об успеваемости за период: качество знаний и успеваемость по параллелям и школе "
                      "в сравнении с предыдущим периодом года (изменение в процентных пунктах)",
                      {"academic_year_id": UUID, "period_id": string()}, renamed()),
    # sheetrep: curriculum fulfilment (R4)
    *report_endpoints("curriculum", "CurriculumFulfilment",
                      "Выполнение учебного плана школы за учебный год: по каждому классу и предмету часы по плану, "
                      "уроки по расписанию за год и на сегодня, проведённые, отставание и процент выполнения "
                      "(руководство школы)", {"academic_year_id": UUID}, renamed()),
    # activity: the weekly user-activity report (the managers)
    *report_endpoints("user-activity", "UserActivity",
                      "Активность пользователей за неделю (с понедельника по воскресенье, содержащую week_of; по "
                      "умолчанию — последняя полная неделя): по каждому сотруднику дни со входом и входы, уроки с темой, "
                      "отметки, посещаемость, домашние задания, четвертные и итоговые отметки; не входившие в систему; "
                      "итоги школы (руководство школы)", {"week_of": DATE}, renamed()),
    Endpoint("GET", f"{S}/reports/periods", "reporting", "ListReportPeriods",
             "Периоды отчётов класса: четверти (полугодия) его года для его параллели и учебный год (id «year»)",
             query={"class_group_id": UUID}),
    Endpoint("GET", f"{S}/people/{{person_id}}/record", "identity", "GetPersonalRecord",
             "Личное дело ученика: классы по годам с датами, приказы, исправления личных данных. Администратор "
             "школы (вне ведения книги движения и классного руководства) указывает причину (reason: жалоба, проверка "
             "нарушения) — она записывается в журнал аудита; без неё 422", query={"reason": string()}),
    Endpoint("POST", f"{S}/people/{{person_id}}/corrections", "identity", "CorrectPerson",
             "Исправить фамилию, имя, отчество, пол или дату рождения с указанием причины (прежние значения "
             "сохраняются)",
             body=obj({"reason": string()}, {"last_name": string(), "first_name": string(), "middle_name": string(),
                                             "gender": enum(*GENDERS), "birth_date": DATE}),
             to_request=_correction_request),
    Endpoint("POST", f"{S}/year-transitions/{{source_year_id}}/preview", "identity", "PreviewYearTransition",
             "Предпросмотр перехода на новый учебный год: по классам — кто переведён, условно переведён, оставлен, "
             "выпущен (ничего не записывается)", body=TRANSITION),
    Endpoint("POST", f"{S}/year-transitions/{{source_year_id}}", "identity", "TransitionYear",
             "Перейти на новый учебный год (всё или ничего): новые классы, приказы о переводе и выпуске; повторный "
             "переход того же года — 409", body=TRANSITION, status=201, deadline=BULK_DEADLINE),
    Endpoint("GET", f"{S}/year-transitions/{{source_year_id}}", "identity", "GetYearTransition",
             "Выполненный переход учебного года: приказы и новые классы (404 — переход ещё не выполнен)"),
    Endpoint("POST", f"{S}/academic-years", "schedule", "CreateAcademicYear", "Создать учебный год с периодами",
             body=obj({"name": string(), "start_date": DATE, "end_date": DATE}, {"terms": array(TERM)}), status=201),
    Endpoint("PUT", f"{S}/academic-years/{{academic_year_id}}/terms", "schedule", "ChangeTerms",
             "Изменить учебные периоды года: весь новый список (с id — изменить, без id — добавить, не указанный — "
             "удалить); уроки после сегодняшнего дня пересчитываются, прошедшие не меняются",
             body=obj({"terms": array(obj(TERM_FIELDS, {"id": UUID, **TERM_GRADES}))}, {"keep_recorded_lessons": BOOLEAN}),
             deadline=YEAR_DEADLINE),
    Endpoint("GET", f"{S}/academic-years", "schedule", "ListAcademicYears", "Учебные годы школы с периодами"),
    Endpoint("GET", f"{S}/subjects", "schedule", "ListSubjects", "Предметы школы"),
    Endpoint("GET", f"{S}/class-groups/{{class_group_id}}/teaching-assignments", "schedule", "ListTeachingAssignments",
             "Нагрузка класса: кто какой предмет ведёт (в классе или подгруппе)"),
    Endpoint("GET", f"{S}/schedule-policy", "schedule", "GetSchedulePolicy",
             "Настройки расписания школы (сроки предупреждений, учебного плана и первого расписания)"),
    Endpoint("PUT", f"{S}/schedule-policy", "schedule", "SetSchedulePolicy",
             "Изменить настройки расписания (дни уведомления о каникулах и переносах, сроки ММ-ДД)",
             body=obj({}, {"holiday_notice_days": INTEGER, "transfer_notice_working_days": INTEGER,
                           "curriculum_due": string(), "timetable_due": string()})),
    Endpoint("POST", f"{S}/academic-years/{{academic_year_id}}/copy", "schedule", "CopyAcademicYear",
             "Создать следующий учебный год по образцу этого (периоды, классы, подгруппы, учебный план, нагрузка)",
             body=obj({"name": string()}), status=201, to_request=renamed(academic_year_id="source_year_id"),
             deadline=YEAR_DEADLINE),
    Endpoint("POST", f"{S}/academic-years/{{academic_year_id}}/close", "schedule", "CloseAcademicYear",
             "Закрыть учебный год (запускает архивирование)", deadline=YEAR_DEADLINE),
    Endpoint("POST", f"{S}/class-groups", "schedule", "CreateClassGroup", "Создать класс",
             body=obj({"academic_year_id": UUID, "grade": INTEGER, "name": string()}), status=201),
    Endpoint("GET", f"{S}/class-groups", "schedule", "ListClassGroups", "Список классов",
             query={"academic_year_id": UUID}),
    Endpoint("POST", f"{S}/subjects", "schedule", "CreateSubject", "Создать предмет",
             body=obj({"name": string()}), status=201),
    Endpoint("POST", f"{S}/teaching-assignments", "schedule", "AssignTeacher",
             "Назначить учителя (нагрузка) в классе или в подгруппе",
             body=obj({"teacher_id": UUID, "subject_id": UUID, "class_group_id": UUID}, {"subgroup_id": UUID}), status=201),
    Endpoint("POST", f"{S}/timetable", "schedule", "CreateTimetableEntry",
             "Добавить урок в расписание (создаёт уроки по датам); время — из расписания звонков, если не указано",
             body=TIMETABLE_LINE, status=201, to_request=_timetable_request),
    Endpoint("POST", f"{S}/timetable/import", "schedule", "ImportTimetable",
             "Загрузить расписание целиком (до 2000 строк, всё или ничего; ошибки по строкам lines[i])",
             body=obj({"lines": array(TIMETABLE_LINE)}), status=201, deadline=BULK_DEADLINE),
    Endpoint("POST", f"{S}/academic-years/{{academic_year_id}}/timetable-draft/publish", "schedule",
             "PublishTimetableDraft", "Утвердить черновик расписания нового учебного года (перенесённый при переходе): "
             "строки становятся расписанием и создают уроки по датам", deadline=BULK_DEADLINE),
    Endpoint("POST", f"{S}/teaching-load/import", "schedule", "ImportTeachingLoad",
             "Загрузить нагрузку учителей и учебный план сразу (всё или ничего; уже загруженное не дублируется)",
             body=obj({}, {"assignments": array(obj({"teacher_id": UUID, "subject_id": UUID, "class_group_id": UUID},
                                                    {"subgroup_id": UUID})),
                           "hours": array(obj({"class_group_id": UUID, "subject_id": UUID,
                                               "hours_per_week": string()}))}),
             deadline=BULK_DEADLINE),
    Endpoint("GET", f"{S}/class-groups/{{class_group_id}}/timetable", "schedule", "ListTimetableEntries",
             "Расписание класса на неделю (date — действующее в этот день)", query={"date": DATE}),
    Endpoint("PUT", f"{S}/timetable/{{entry_id}}", "schedule", "ReplaceTimetableEntry",
             "Заменить урок расписания с даты (уроки с записями в журнале сохраняются)",
             body=obj({"effective_from": DATE, "subject_id": UUID, "teacher_id": UUID, "weekday": INTEGER,
                       "lesson_number": INTEGER},
                      {"starts_at": string(), "ends_at": string(), "room": string(), "subgroup_id": UUID,
                       "room_id": UUID, "bell_schedule_id": UUID}),
             to_request=_replace_entry_request),
    Endpoint("DELETE", f"{S}/timetable/{{entry_id}}", "schedule", "DeleteTimetableEntry",
             "Убрать урок из расписания с даты (уроки с записями в журнале сохраняются)",
             query={"effective_from": DATE}),
    Endpoint("POST", f"{S}/class-groups/{{class_group_id}}/subgroups", "schedule", "CreateSubgroup",
             "Создать подгруппу класса с её учениками", body=obj({"name": string(), "student_ids": array(UUID)}),
             status=201),
    Endpoint("GET", f"{S}/class-groups/{{class_group_id}}/subgroups", "schedule", "ListSubgroups",
             "Подгруппы класса с их учениками"),
    Endpoint("PUT", f"{S}/subgroups/{{subgroup_id}}/students", "schedule", "SetSubgroupStudents",
             "Заменить список учеников подгруппы", body=obj({"student_ids": array(UUID)})),
    Endpoint("PUT", f"{S}/subgroups/{{subgroup_id}}", "schedule", "RenameSubgroup", "Переименовать подгруппу",
             body=obj({"name": string()})),
    Endpoint("DELETE", f"{S}/subgroups/{{subgroup_id}}", "schedule", "DeleteSubgroup",
             "Удалить подгруппу с её уроками и нагрузкой (нельзя, если в журнале есть записи)"),
    Endpoint("POST", f"{S}/rooms", "schedule", "CreateRoom", "Добавить кабинет", body=obj({"name": string()}),
             status=201),
    Endpoint("GET", f"{S}/rooms", "schedule", "ListRooms", "Кабинеты школы"),
    Endpoint("POST", f"{S}/bell-schedules", "schedule", "CreateBellSchedule",
             "Добавить расписание звонков (смену): время каждого урока",
             body=obj({"name": string(), "periods": array(obj({"lesson_number": INTEGER, "starts_at": string(),
                                                               "ends_at": string()}))}), status=201),
    Endpoint("GET", f"{S}/bell-schedules", "schedule", "ListBellSchedules", "Расписания звонков школы"),
    Endpoint("PUT", f"{S}/rooms/{{room_id}}", "schedule", "RenameRoom",
             "Переименовать кабинет (в расписании и будущих уроках)", body=obj({"name": string()})),
    Endpoint("DELETE", f"{S}/rooms/{{room_id}}", "schedule", "DeleteRoom",
             "Удалить кабинет, которого нет в действующем расписании"),
    Endpoint("PUT", f"{S}/bell-schedules/{{bell_schedule_id}}", "schedule", "UpdateBellSchedule",
             "Изменить расписание звонков: уроки расписания и будущие уроки без записей в журнале получают новое время",
             body=obj({"name": string(), "periods": array(obj({"lesson_number": INTEGER, "starts_at": string(),
                                                               "ends_at": string()}))})),
    Endpoint("DELETE", f"{S}/bell-schedules/{{bell_schedule_id}}", "schedule", "DeleteBellSchedule",
             "Удалить расписание звонков, по которому нет уроков в расписании"),
    Endpoint("POST", f"{S}/lessons/{{lesson_id}}/cancel", "schedule", "CancelLesson", "Отменить урок (с причиной)",
             body=obj({"reason": string()})),
    Endpoint("POST", f"{S}/lessons/{{lesson_id}}/move", "schedule", "MoveLesson",
             "Перенести урок на другую дату или другой номер урока",
             body=obj({"date": DATE, "lesson_number": INTEGER, "reason": string()},
                      {"starts_at": string(), "ends_at": string()})),
    Endpoint("PUT", f"{S}/lessons/{{lesson_id}}/substitute", "schedule", "AssignSubstitute",
             "Назначить замену на урок (без teacher_id — отменить замену)",
             body=obj({}, {"teacher_id": UUID, "reason": string()})),
    Endpoint("POST", f"{S}/substitutions", "schedule", "SubstituteTeacher",
             "Замена отсутствующего учителя на все его уроки за период (больничный, курсы)",
             body=obj({"teacher_id": UUID, "substitute_teacher_id": UUID, "reason": string(), **PERIOD}),
             to_request=PERIOD_NAMES),
    Endpoint("POST", f"{S}/lessons/{{lesson_id}}/mismatch-reports", "schedule", "ReportMismatch",
             "Сообщить о расхождении дат плана и журнала по уроку", body=obj({"message": string()}), status=201),
    Endpoint("GET", f"{S}/mismatch-reports", "schedule", "ListMismatchReports",
             "Сообщения о расхождении дат (сначала неразобранные)", query={"status": enum("open", "resolved")}),
    Endpoint("POST", f"{S}/mismatch-reports/{{report_id}}/resolve", "schedule", "ResolveMismatchReport",
             "Разобрать сообщение о расхождении дат", body=obj({"resolution": string()})),
    Endpoint("GET", f"{S}/lessons", "schedule", "ListLessons", "Уроки по классу или учителю за период",
             query={"class_group_id": UUID, "teacher_id": UUID, **PERIOD, "include_cancelled": enum("true", "false")},
             to_request=_lessons_request),
    Endpoint("POST", f"{S}/academic-years/{{academic_year_id}}/holidays", "schedule", "AddHoliday",
             "Внести каникулы или нерабочий день (отменяет уроки в эти дни)",
             body=obj({"name": string(), "start_date": DATE, "end_date": DATE}), status=201, deadline=YEAR_DEADLINE),
    Endpoint("GET", f"{S}/academic-years/{{academic_year_id}}/holidays", "schedule", "ListHolidays",
             "Каникулы учебного года"),
    Endpoint("POST", f"{S}/academic-years/{{academic_year_id}}/day-transfers", "schedule", "AddDayTransfer",
             "Перенести учебный день: дата работает по расписанию другого дня недели (0 — выходной)",
             body=obj({"date": DATE, "works_as_weekday": INTEGER}), status=201, deadline=YEAR_DEADLINE),
    Endpoint("GET", f"{S}/academic-years/{{academic_year_id}}/day-transfers", "schedule", "ListDayTransfers",
             "Переносы учебных дней"),
    Endpoint("PUT", f"{S}/holidays/{{holiday_id}}", "schedule", "UpdateHoliday",
             "Изменить каникулы: название и даты (уроки освободившихся и занятых дат после сегодняшнего пересчитываются)",
             body=obj({"name": string(), "start_date": DATE, "end_date": DATE}), deadline=YEAR_DEADLINE),
    Endpoint("DELETE", f"{S}/holidays/{{holiday_id}}", "schedule", "DeleteHoliday",
             "Удалить каникулы (уроки в их дни после сегодняшнего возвращаются)", deadline=YEAR_DEADLINE),
    Endpoint("DELETE", f"{S}/day-transfers/{{day_transfer_id}}", "schedule", "DeleteDayTransfer",
             "Удалить перенос учебного дня (уроки этой даты, если она впереди, пересчитываются)", deadline=YEAR_DEADLINE),
    Endpoint("POST", f"{S}/calendar-feeds", "schedule", "CreateCalendarFeed",
             "Личная ссылка на календарь уроков (iCalendar) класса или своих уроков учителя",
             body=obj({}, {"class_group_id": UUID, "teacher_id": UUID}), status=201),
    Endpoint("DELETE", f"{S}/calendar-feeds/{{feed_id}}", "schedule", "RevokeCalendarFeed",
             "Отключить ссылку на календарь"),
    # the school's event calendar (S4)
    Endpoint("POST", f"{S}/school-events", "schedule", "CreateSchoolEvent",
             "Новое школьное мероприятие (завуч, директор, администратор): вид (kind — из списка GET …/school-events), "
             "дата и время, место, для кого (audience: scope school | grades | class_groups, people everyone | "
             "families | staff)", body=SCHOOL_EVENT, status=201, to_request=_school_event_request),
    Endpoint("GET", f"{S}/school-events", "schedule", "ListSchoolEvents",
             "Школьные мероприятия за период (не больше 400 дней; class_group_id — только мероприятия этого класса: "
             "всей школы, его параллели и его самого; ученикам и родителям — только для семей) и виды мероприятий",
             query={**PERIOD, "class_group_id": UUID, "include_cancelled": enum("true", "false")},
             to_request=_school_events_request),
    Endpoint("GET", f"{S}/school-events/{{school_event_id}}", "schedule", "GetSchoolEvent", "Школьное мероприятие"),
    Endpoint("PUT", f"{S}/school-events/{{school_event_id}}", "schedule", "UpdateSchoolEvent",
             "Изменить мероприятие (все поля заменяются; отменённое не изменяется)", body=SCHOOL_EVENT,
             to_request=_school_event_request),
    Endpoint("POST", f"{S}/school-events/{{school_event_id}}/cancel", "schedule", "CancelSchoolEvent",
             "Отменить мероприятие с указанием причины (мероприятия не удаляются)", body=obj({"reason": string()})),
    Endpoint("PUT", f"{S}/class-groups/{{class_group_id}}/curriculum/{{subject_id}}", "schedule", "SetCurriculumHours",
             "Задать часы предмета в неделю по учебному плану класса (от 0,5 до 10)",
             body=obj({"hours_per_week": string()})),
    Endpoint("GET", f"{S}/class-groups/{{class_group_id}}/curriculum", "schedule", "GetCurriculum",
             "Учебный план класса: часы в неделю по предметам"),
    Endpoint("POST", f"{S}/academic-years/{{academic_year_id}}/profiles", "schedule", "CreateProfile",
             "Создать профиль учебного плана для параллелей (например, физико-математический, 10–11)",
             body=obj({"name": string(), "grade_from": INTEGER, "grade_to": INTEGER}), status=201),
    Endpoint("GET", f"{S}/academic-years/{{academic_year_id}}/profiles", "schedule", "ListProfiles",
             "Профили учебного плана года с часами предметов"),
    Endpoint("PUT", f"{S}/profiles/{{profile_id}}/hours/{{subject_id}}", "schedule", "SetProfileHours",
             "Задать часы предмета в неделю в профиле (от 0,5 до 10)", body=obj({"hours_per_week": string()})),
    Endpoint("PUT", f"{S}/class-groups/{{class_group_id}}/profile", "schedule", "ApplyProfile",
             "Назначить классу профиль: часы предметов профиля записываются в учебный план класса "
             "(без profile_id — класс без профиля, часы остаются)", body=obj({}, {"profile_id": UUID})),
    Endpoint("GET", f"{S}/academic-years/{{academic_year_id}}/curriculum-warnings", "schedule", "CurriculumWarnings",
             "Что не заполнено в учебном плане года"),
    Endpoint("POST", f"{S}/class-groups/{{class_group_id}}/thematic-plans/{{subject_id}}/import", "schedule",
             "ImportThematicPlan", "Загрузить тематический план из CSV или XLSX (order;title;hours; dry_run — проверка)",
             body=obj({"filename": string(), "content_base64": string(contentEncoding="base64")}, {"dry_run": BOOLEAN}),
             to_request=_import_request, deadline=FILE_DEADLINE),
    Endpoint("GET", f"{S}/class-groups/{{class_group_id}}/thematic-plans/{{subject_id}}", "schedule", "ListPlanTopics",
             "Темы тематического плана по порядку"),
    Endpoint("GET", f"{S}/class-groups/{{class_group_id}}/thematic-plans/{{subject_id}}/progress", "schedule",
             "PlanProgress", "Часы по плану и уроки в расписании (всего и по сегодняшний день)"),
    Endpoint("PUT", f"{S}/lessons/{{lesson_id}}/record", "journal", "SaveLesson",
             "Сохранить урок целиком: тема, домашнее задание, отметки, посещаемость", body=obj({}, LESSON_RECORD)),
    Endpoint("PUT", f"{S}/lessons/records", "journal", "SaveLessons",
             "Сохранить несколько уроков целиком (до 50) одной транзакцией: все или ни одного",
             body=obj({"lessons": array(obj({"lesson_id": UUID}, LESSON_RECORD))}), deadline=FILE_DEADLINE),
    Endpoint("GET", f"{S}/lessons/{{lesson_id}}/record", "journal", "GetLessonRecord", "Запись урока в журнале"),
    Endpoint("GET", f"{S}/lessons/{{lesson_id}}/plan-topics", "journal", "ListLessonTopics",
             "Темы тематического плана для урока: по порядку, пройденные отмечены, следующая предложена"),
    Endpoint("GET", f"{S}/students/{{student_id}}/diary", "journal", "GetDiary",
             "Дневник ученика за период (пока журнал недоступен — последние сохранённые недели из отчётов: "
             "\"stale\": true и заголовок X-Otmetka-Stale)",
             query=PERIOD, to_request=PERIOD_NAMES, when_unavailable=stale_diary.when_unavailable),
    Endpoint("GET", f"{S}/students/{{student_id}}/diary-results", "journal", "GetDiaryResults",
             "Успеваемость ученика за учебный год: оценки за периоды, годовые, экзаменационные и итоговые, средний балл "
             "по предметам и его динамика, посещаемость (academic_year_id — другой год ученика)",
             query={"academic_year_id": UUID}),
    Endpoint("POST", f"{S}/marks/{{mark_id}}/flags", "journal", "FlagMark",
             "Сообщить учителю об ошибочной отметке (ученик или родитель — о своей; одно открытое обращение на отметку)",
             body=obj({"text": string()}), status=201),
    Endpoint("GET", f"{S}/mark-flags", "journal", "ListMarkFlags",
             "Обращения по отметкам: семье — по своему ребёнку (student_id), учителю — по его отметкам и его классу, "
             "администрации — все",
             query={"status": enum("open", "answered"), "teacher_id": UUID, "class_group_id": UUID, "student_id": UUID,
                    "lesson_id": UUID}),
    Endpoint("POST", f"{S}/mark-flags/{{flag_id}}/answer", "journal", "AnswerMarkFlag",
             "Ответ на обращение по отметке (один раз): explained — объяснено, corrected — отметка исправлена "
             "(сначала через сохранение урока)",
             body=obj({"answer": string(), "outcome": enum("explained", "corrected")})),
    Endpoint("GET", f"{S}/journal-policy", "journal", "GetJournalPolicy", "Настройки журнала школы"),
    Endpoint("PUT", f"{S}/journal-policy", "journal", "SetJournalPolicy",
             "Изменить настройки журнала (сроки закрытия уроков, минимум отметок, часовой пояс)",
             body=obj({}, {"edit_lock_days": INTEGER, "unlock_hours": INTEGER, "min_marks_1h": INTEGER,
                           "min_marks_2h": INTEGER, "school_timezone": string(), "anomaly_bulk_changes": INTEGER,
                           "anomaly_bulk_minutes": INTEGER, "night_start": string(), "night_end": string(),
                           "attendance_correction_days": INTEGER, "homework_deadline_minutes": INTEGER,
                           "written_work_days": INTEGER, "written_work_types": string(), "mark_scale": string(),
                           "outage_days": INTEGER, "double_lessons": enum("separately", "together")})),
    Endpoint("POST", f"{S}/lessons/{{lesson_id}}/unlock-requests", "journal", "RequestUnlock",
             "Попросить открыть закрытый урок для исправления", body=obj({"reason": string()}), status=201),
    Endpoint("GET", f"{S}/unlock-requests", "journal", "ListUnlockRequests", "Запросы на открытие уроков",
             query={"status": enum("pending", "approved", "refused")}),
    Endpoint("POST", f"{S}/unlock-requests/{{request_id}}/decision", "journal", "DecideUnlock",
             "Одобрить или отклонить запрос на открытие урока",
             body=obj({"decision": enum("approve", "refuse")}, {"comment": string()})),
    Endpoint("PUT", f"{S}/term-marks", "journal", "SetTermMark", "Выставить оценку за учебный период",
             body=obj({"student_id": UUID, "subject_id": UUID, "term_id": UUID, "value": string()},
                      {"reason": string()})),
    Endpoint("GET", f"{S}/term-marks", "journal", "ListTermMarks", "Оценки класса за учебный период",
             query={"class_group_id": UUID, "term_id": UUID}),
    Endpoint("GET", f"{S}/work-types", "journal", "ListWorkTypes", "Виды работ школы и их веса"),
    Endpoint("PUT", f"{S}/work-types", "journal", "SetWorkType", "Добавить или изменить вид работы и его вес",
             body=obj({"code": string(), "name": string(), "weight": string()})),
    Endpoint("GET", f"{S}/grid", "journal", "GetGrid", "Журнал класса по предмету: уроки, отметки, средние баллы",
             query={"class_group_id": UUID, "subject_id": UUID, "term_id": UUID, "subgroup_id": UUID, **PERIOD},
             to_request=PERIOD_NAMES),
    Endpoint("GET", f"{S}/anomalies", "journal", "ListAnomalies", "Подозрительные изменения в журнале за период",
             query=PERIOD, to_request=PERIOD_NAMES),
    Endpoint("PUT", f"{S}/lessons/{{lesson_id}}/attendance/{{student_id}}/reason", "journal", "CorrectAttendance",
             "Причина пропуска по документу (классный руководитель)",
             body=obj({"status": enum("ill", "excused", "unexcused", "absent"), "reason": string()},
                      {"document_date": DATE})),
    Endpoint("GET", f"{S}/absences", "journal", "ListAbsences", "Пропуски уроков класса за период (для исправления причин)",
             query={"class_group_id": UUID, **PERIOD}, to_request=PERIOD_NAMES),
    Endpoint("PUT", f"{S}/students/{{student_id}}/plan", "journal", "SetStudentPlan",
             "Индивидуальный план ученика: домашнее обучение, неизучаемые предметы",
             body=obj({}, {"home_schooled": BOOLEAN, "excluded_subject_ids": array(UUID), "reason": string()})),
    Endpoint("GET", f"{S}/student-plans", "journal", "ListStudentPlans", "Индивидуальные планы учеников школы"),
    Endpoint("PUT", f"{S}/final-marks", "journal", "SetFinalMark", "Годовая, экзаменационная или итоговая оценка",
             body=obj({"student_id": UUID, "subject_id": UUID, "kind": enum("annual", "exam", "final"),
                       "value": string()}, {"reason": string(), "academic_year_id": UUID})),
    Endpoint("GET", f"{S}/final-marks", "journal", "ListFinalMarks", "Годовые, экзаменационные и итоговые оценки класса",
             query={"class_group_id": UUID}),
    Endpoint("GET", f"{S}/late-entries", "journal", "ListLateEntries",
             "Записи в журнале позже срока: по учителю, классу и дате урока",
             query={**PERIOD, "teacher_id": UUID, "class_group_id": UUID}, to_request=PERIOD_NAMES),
    Endpoint("GET", f"{S}/unfilled-lessons", "journal", "ListUnfilledLessons",
             "Прошедшие уроки без темы или без отметок посещаемости (урок не сохранён)",
             query={**PERIOD, "teacher_id": UUID, "class_group_id": UUID}, to_request=PERIOD_NAMES),
    Endpoint("GET", f"{S}/missing-homework", "journal", "ListMissingHomework",
             "Прошедшие уроки с темой, но без домашнего задания",
             query={**PERIOD, "teacher_id": UUID, "class_group_id": UUID}, to_request=PERIOD_NAMES),
    Endpoint("GET", f"{S}/mark-shortfalls", "journal", "ListMarkShortfalls",
             "Ученики с недостаточным числом текущих отметок перед концом учебного периода (days — за сколько дней "
             "до конца периода, по умолчанию 14)",
             query={"days": enum(*SHORTFALL_DAYS), "class_group_id": UUID}),
    Endpoint("POST", f"{S}/control-remarks", "journal", "AddControlRemark",
             "Замечание учителю по ведению журнала (заместитель директора, директор, администратор школы)",
             body=obj({"teacher_id": UUID, "text": string()},
                      {"class_group_id": UUID, "subject_id": UUID, "lesson_id": UUID}), status=201),
    Endpoint("GET", f"{S}/control-remarks", "journal", "ListControlRemarks",
             "Замечания по ведению журнала и ответы учителей (учителю — адресованные ему)",
             query={"teacher_id": UUID, "status": enum("open", "answered")}),
    Endpoint("POST", f"{S}/control-remarks/{{remark_id}}/answer", "journal", "AnswerControlRemark",
             "Ответ учителя на замечание (один раз, без изменений)", body=obj({"answer": string()})),
    Endpoint("GET", f"{S}/compromised-accounts", "journal", "ListCompromisedAccounts",
             "Взломанные учётные записи и их изменения в журнале (window_hours — окно до сообщения, по умолчанию 72)",
             query={"window_hours": enum("24", "72", "168", "720")}),
    Endpoint("GET", f"{S}/people/{{person_id}}/journal-changes", "journal", "ListActorChanges",
             "Все изменения журнала, сделанные человеком после указанного времени (взлом учётной записи)",
             query={"since": string()}, to_request=renamed(person_id="actor_person_id")),
    Endpoint("POST", f"{S}/people/{{person_id}}/journal-changes/revert", "journal", "RevertActorChanges",
             "Отменить изменения журнала, сделанные человеком после указанного времени (конфликты — в ответе)",
             body=obj({"since": string(), "reason": string()}, {"ledger_ids": array(UUID)}),
             to_request=renamed(person_id="actor_person_id")),
    Endpoint("POST", f"{S}/class-groups/{{class_group_id}}/paper-journal/import", "journal", "ImportPaperJournal",
             "Перенести уроки из бумажного журнала (CSV или XLSX: date;lesson_number;subject;student;mark;work_type;"
             "attendance;topic; dry_run — проверка)",
             body=obj({"filename": string(), "content_base64": string(contentEncoding="base64"), "reason": string()},
                      {"dry_run": BOOLEAN}),
             to_request=_import_request, deadline=FILE_DEADLINE),
    Endpoint("PUT", f"{S}/lessons/{{lesson_id}}/students/{{student_id}}/homework", "journal", "SetStudentHomework",
             "Индивидуальное домашнее задание ученика (пустое — убрать)",
             body=obj({"homework": string()}, {"reason": string()})),
    Endpoint("POST", f"{S}/lessons/{{lesson_id}}/homework-files", "journal", "AddHomeworkAttachment",
             "Прикрепить файл к домашнему заданию (PDF, DOCX, XLSX, PPTX, ODT, TXT, JPG, PNG до 1,5 МБ; student_id — "
             "только этому ученику)",
             body=obj({"filename": string(), "content_base64": string(contentEncoding="base64")},
                      {"student_id": UUID}), to_request=_import_request, status=201, deadline=FILE_DEADLINE),
    Endpoint("GET", f"{S}/lessons/{{lesson_id}}/homework-files", "journal", "ListHomeworkAttachments",
             "Файлы домашнего задания урока"),
    Endpoint("GET", f"{S}/homework-files/{{attachment_id}}", "journal", "GetHomeworkAttachment",
             "Скачать файл домашнего задания (ученику и родителю — с student_id)", query={"student_id": UUID},
             file="application/octet-stream", deadline=FILE_DEADLINE),
    Endpoint("GET", f"{S}/class-groups/{{class_group_id}}/summary-sheet", "reporting", "GetSummarySheet",
             SUMMARY_SHEET, query=REPORT_PERIOD),
    Endpoint("GET", f"{S}/class-groups/{{class_group_id}}/summary-sheet.pdf", "reporting", "RenderSummarySheetPdf",
             f"{SUMMARY_SHEET} (PDF)", query=REPORT_PERIOD, file="application/pdf", deadline=FILE_DEADLINE),
    Endpoint("GET", f"{S}/class-groups/{{class_group_id}}/summary-sheet.xlsx", "reporting", "RenderSummarySheetXlsx",
             f"{SUMMARY_SHEET} (XLSX)", query=REPORT_PERIOD, file=XLSX, deadline=FILE_DEADLINE),
    Endpoint("GET", f"{S}/class-groups/{{class_group_id}}/journal", "reporting", "GetClassJournal", CLASS_JOURNAL,
             query=CLASS_JOURNAL_QUERY),
    Endpoint("GET", f"{S}/class-groups/{{class_group_id}}/journal.pdf", "reporting", "RenderClassJournalPdf",
             f"{CLASS_JOURNAL} (PDF/A для печати, прошивки и архива: титульный лист, листы, заверительный лист)",
             query=CLASS_JOURNAL_QUERY, file="application/pdf", deadline=FILE_DEADLINE),
    Endpoint("GET", f"{S}/class-groups/{{class_group_id}}/journal.json", "reporting", "RenderClassJournalJson",
             f"{CLASS_JOURNAL} (JSON)", query=CLASS_JOURNAL_QUERY, file="application/json", deadline=FILE_DEADLINE),
    Endpoint("GET", f"{S}/archives", "archive", "ListArchives", "Годовые архивы школы"),
    Endpoint("GET", f"{S}/archives/{{archive_id}}", "archive", "GetArchive", "Годовой архив"),
    Endpoint("GET", f"{S}/archives/{{archive_id}}/package", "archive", "DownloadArchive",
             "Скачать подписанный пакет архива (ZIP)", file="application/zip", deadline=FILE_DEADLINE),
    Endpoint("POST", f"{S}/archives/{{archive_id}}/retry", "archive", "RetryArchive",
             "Повторить формирование архива, которое не удалось"),
    Endpoint("POST", f"{S}/archives/{{archive_id}}/sign", "archive", "SignArchive",
             "Директор подписывает архивный пакет, ожидающий подписи: пакет формируется и запечатывается"),
    Endpoint("POST", f"{S}/archives/{{archive_id}}/check", "archive", "CheckArchive",
             "Проверить копии архива сейчас: контрольная сумма и подписи, повреждённая копия восстанавливается"),
    Endpoint("GET", f"{S}/disposal-acts", "archive", "ListDisposalActs", "Акты о выделении архивов к уничтожению"),
    Endpoint("GET", f"{S}/archive-policy", "archive", "GetArchivePolicy", "Порядок архивирования школы"),
    Endpoint("PUT", f"{S}/archive-policy", "archive", "SetArchivePolicy",
             "Архивировать журналы также по семестрам (колледжи): semester_packages",
             body=obj({"semester_packages": BOOLEAN})),
    Endpoint("POST", f"{S}/disposal-acts", "archive", "ProposeDisposal",
             "Составить акт о выделении к уничтожению архивов с истёкшим сроком хранения (утверждает орган управления)"),
    # messaging (J13): threads with families, complaints, the answer control, notices, the policy
    Endpoint("GET", f"{S}/message-contacts", "messaging", "ListContacts",
             "Кому родитель (ученик) может написать: учителя класса ребёнка, классный руководитель, директор и его "
             "заместители (student_id — об одном ребёнке)", query={"student_id": UUID}),
    Endpoint("GET", f"{S}/threads", "messaging", "ListThreads", "Мои переписки и число непрочитанных сообщений"),
    Endpoint("POST", f"{S}/threads", "messaging", "StartThread",
             "Начать переписку: семья — сотруднику (staff_id) о своём ребёнке (student_id); сотрудник — семье ученика "
             "(student_id) или каждой семье класса отдельно (class_group_id); файлы PDF, DOCX, XLSX, PPTX, ODT, TXT, "
             "JPG, PNG до 1,5 МБ (не больше 5)",
             body=obj({"subject": string(), "text": string()},
                      {"student_id": UUID, "class_group_id": UUID, "staff_id": UUID, "without_student": BOOLEAN,
                       "files": MESSAGE_FILES}), to_request=_files_request, status=201, deadline=FILE_DEADLINE),
    Endpoint("GET", f"{S}/threads/{{thread_id}}", "messaging", "GetThread",
             "Переписка с сообщениями, файлами и отметками о прочтении (только участникам)"),
    Endpoint("POST", f"{S}/threads/{{thread_id}}/read", "messaging", "MarkThreadRead",
             "Отметить сообщения переписки прочитанными"),
    Endpoint("POST", f"{S}/threads/{{thread_id}}/messages", "messaging", "PostMessage", "Написать в переписку",
             body=obj({"text": string()}, {"files": MESSAGE_FILES}), to_request=_files_request, status=201,
             deadline=FILE_DEADLINE),
    Endpoint("POST", f"{S}/messages/{{message_id}}/withdrawal", "messaging", "WithdrawMessage",
             "Отозвать своё сообщение (оно сохраняется, участники видят, что оно отозвано)"),
    Endpoint("GET", f"{S}/message-files/{{file_id}}", "messaging", "GetMessageFile", "Скачать файл сообщения",
             file="application/octet-stream", deadline=FILE_DEADLINE),
    Endpoint("POST", f"{S}/threads/{{thread_id}}/complaints", "messaging", "FileComplaint",
             "Пожаловаться на переписку: администратор школы сможет её прочитать", body=obj({"reason": string()}),
             status=201),
    Endpoint("GET", f"{S}/complaints", "messaging", "ListComplaints",
             "Жалобы на переписку (участнику — его жалобы)"),
    Endpoint("GET", f"{S}/complaints/{{complaint_id}}/thread", "messaging", "ReadComplaintThread",
             "Переписка по жалобе целиком (администратор школы; каждое чтение записывается)"),
    Endpoint("GET", f"{S}/complaint-readings", "messaging", "ListComplaintReadings",
             "Журнал чтения переписки по жалобам"),
    Endpoint("GET", f"{S}/overdue-threads", "messaging", "ListOverdueThreads",
             "Переписки, где семье не ответили в срок (рабочие дни по политике школы) на дату on_date "
             "(по умолчанию сегодня)", query={"on_date": DATE}),
    Endpoint("POST", f"{S}/notices", "messaging", "SendNotice",
             "Объявление классу, параллели, всем семьям школы или сотрудникам (requires_ack — с подтверждением "
             "«ознакомлен»)",
             body=obj({"audience": enum("class", "grade", "families", "staff"), "title": string(), "text": string()},
                      {"class_group_id": UUID, "grade": INTEGER, "requires_ack": BOOLEAN}), status=201),
    Endpoint("GET", f"{S}/notices", "messaging", "ListNotices",
             "Мои объявления и уведомления (box=sent — отправленные объявления школы)",
             query={"box": enum("received", "sent")}),
    Endpoint("POST", f"{S}/notices/{{notice_id}}/acknowledgement", "messaging", "AcknowledgeNotice",
             "Подтвердить: ознакомлен"),
    Endpoint("GET", f"{S}/notices/{{notice_id}}/recipients", "messaging", "ListNoticeRecipients",
             "Кому ушло объявление и кто ознакомился"),
    Endpoint("GET", f"{S}/messaging-policy", "messaging", "GetMessagingPolicy",
             "Настройки сообщений школы: срок ответа, время уведомлений о пропусках, автоматические уведомления"),
    Endpoint("PUT", f"{S}/messaging-policy", "messaging", "SetMessagingPolicy", "Изменить настройки сообщений школы",
             body=obj({}, MESSAGING_POLICY)),
    Endpoint("GET", f"{S}/notice-preferences", "messaging", "GetNoticePreferences",
             "Какие автоматические уведомления о детях я получаю"),
    Endpoint("PUT", f"{S}/notice-preferences", "messaging", "SetNoticePreferences",
             "Выбрать, какие автоматические уведомления о детях получать",
             body=obj({"preferences": array(obj({"kind": enum(*NOTICE_KINDS), "channel": enum("in_app", "email"),
                                                 "enabled": BOOLEAN}))})),
    Endpoint("GET", f"{S}/mail-settings", "messaging", "GetMailSettings",
             "Моя электронная почта: адрес (подтверждён ли) и сводка дневника"),
    Endpoint("PUT", f"{S}/mail-settings", "messaging", "SetMailSettings",
             "Указать адрес электронной почты (на новый адрес придёт ссылка для подтверждения) и выбрать сводку",
             body=obj({}, {"address": string(), "digest": enum("none", "daily", "weekly")})),
    Endpoint("POST", f"{S}/mail-settings/digest", "messaging", "SendDigestNow",
             "Прислать сводку за день (или его неделю; по умолчанию — сегодня) на подтверждённый адрес сейчас",
             body=obj({}, {"on_date": DATE})),
)
