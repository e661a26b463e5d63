"""The one table of REST endpoints: path, the gRPC call behind it, its input schemas and how JSON maps
to the request message. Request validation, routing and the OpenAPI document are all generated from it."""
import base64
import binascii
from collections.abc import Callable
from dataclasses import dataclass, field

from gateway.errors import BadRequest
from gateway.schema import BOOLEAN, DATE, INTEGER, UUID, array, enum, obj, string
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
            "admin_email": admin["email"]}


def _onboard_response(data: dict) -> dict:
    return {"school": data.get("school", {}), "admin": {
        "person": data.get("admin", {}), "username": data["admin_username"],
        "initial_password": data["admin_initial_password"]}}


def _onboard_schema(ref: Callable) -> dict:
    admin = obj({"person": ref(identity_pb2.Person), "username": string(), "initial_password": string()})
    return obj({"school": ref(identity_pb2.School), "admin": admin})


def _timetable_request(values: dict) -> dict:
    return {"entry": values}


PERIOD = {"from": DATE, "to": DATE}
PERIOD_NAMES = renamed(**{"from": "date_from", "to": "date_to"})


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
FILE_DEADLINE = 30.0
S = "/schools/{school_id}"

ENDPOINTS: tuple[Endpoint, ...] = (
    Endpoint("POST", "/schools", "identity", "OnboardSchool", "Подключить школу и создать её администратора",
             body=obj({"name": string(), "short_name": string(),
                       "admin": obj({**NAME, "email": string()}, {"middle_name": string()})}),
             status=201, to_request=_onboard_request, to_response=_onboard_response, response_schema=_onboard_schema),
    Endpoint("GET", "/schools", "identity", "ListSchools", "Список школ"),
    Endpoint("GET", "/me", "identity", "GetMe", "Текущий пользователь: школы и роли"),
    Endpoint("POST", "/me/federated-link", "identity", "LinkFederatedAccount",
             "Связать учётную запись Госуслуг с карточками законного представителя"),
    Endpoint("POST", f"{S}/people", "identity", "CreatePerson", "Создать личную карту (сотрудник, ученик, родитель)",
             body=obj({"kind": enum("staff", "student", "guardian"), **NAME},
                      {"middle_name": string(), "gender": enum("male", "female"), "birth_date": DATE,
                       "snils": string(), "roles": array(string()), "class_group_id": UUID, "create_account": BOOLEAN}),
             status=201, to_request=_nest_name),
    Endpoint("GET", f"{S}/people", "identity", "ListPeople", "Список людей школы",
             query={"kind": enum("staff", "student", "guardian"), "class_group_id": UUID}),
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
    Endpoint("POST", f"{S}/academic-years", "schedule", "CreateAcademicYear", "Создать учебный год с периодами",
             body=obj({"name": string(), "start_date": DATE, "end_date": DATE},
                      {"terms": array(obj({"name": string(), "kind": enum("quarter", "half_year", "trimester", "semester"),
                                           "start_date": DATE, "end_date": DATE}))}),
             status=201),
    Endpoint("POST", f"{S}/academic-years/{{academic_year_id}}/close", "schedule", "CloseAcademicYear",
             "Закрыть учебный год (запускает архивирование)"),
    Endpoint("POST", f"{S}/class-groups", "schedule", "CreateClassGroup", "Создать класс",
             body=obj({"academic_year_id": UUID, "grade": INTEGER, "name": string()}), status=201),
    Endpoint("GET", f"{S}/class-groups", "schedule", "ListClassGroups", "Список классов",
             query={"academic_year_id": UUID}),
    Endpoint("POST", f"{S}/subjects", "schedule", "CreateSubject", "Создать предмет",
             body=obj({"name": string()}), status=201),
    Endpoint("POST", f"{S}/teaching-assignments", "schedule", "AssignTeacher", "Назначить учителя (нагрузка)",
             body=obj({"teacher_id": UUID, "subject_id": UUID, "class_group_id": UUID}), status=201),
    Endpoint("POST", f"{S}/timetable", "schedule", "CreateTimetableEntry",
             "Добавить урок в расписание (создаёт уроки по датам)",
             body=obj({"class_group_id": UUID, "subject_id": UUID, "teacher_id": UUID, "weekday": INTEGER,
                       "lesson_number": INTEGER, "starts_at": string(), "ends_at": string()}, {"room": string()}),
             status=201, to_request=_timetable_request),
    Endpoint("GET", f"{S}/lessons", "schedule", "ListLessons", "Уроки по классу или учителю за период",
             query={"class_group_id": UUID, "teacher_id": UUID, **PERIOD, "include_cancelled": enum("true", "false")},
             to_request=_lessons_request),
    Endpoint("POST", f"{S}/academic-years/{{academic_year_id}}/holidays", "schedule", "AddHoliday",
             "Внести каникулы или нерабочий день (отменяет уроки в эти дни)",
             body=obj({"name": string(), "start_date": DATE, "end_date": DATE}), status=201),
    Endpoint("GET", f"{S}/academic-years/{{academic_year_id}}/holidays", "schedule", "ListHolidays",
             "Каникулы учебного года"),
    Endpoint("POST", f"{S}/academic-years/{{academic_year_id}}/day-transfers", "schedule", "AddDayTransfer",
             "Перенести учебный день: дата работает по расписанию другого дня недели (0 — выходной)",
             body=obj({"date": DATE, "works_as_weekday": INTEGER}), status=201),
    Endpoint("GET", f"{S}/academic-years/{{academic_year_id}}/day-transfers", "schedule", "ListDayTransfers",
             "Переносы учебных дней"),
    Endpoint("POST", f"{S}/calendar-feeds", "schedule", "CreateCalendarFeed",
             "Личная ссылка на календарь уроков (iCalendar) класса или своих уроков учителя",
             body=obj({}, {"class_group_id": UUID, "teacher_id": UUID}), status=201),
    Endpoint("DELETE", f"{S}/calendar-feeds/{{feed_id}}", "schedule", "RevokeCalendarFeed",
             "Отключить ссылку на календарь"),
    Endpoint("PUT", f"{S}/class-groups/{{class_group_id}}/curriculum/{{subject_id}}", "schedule", "SetCurriculumHours",
             "Задать часы предмета в неделю по учебному плану класса (от 0,5 до 10)",
             body=obj({"hours_per_week": string()})),
    Endpoint("GET", f"{S}/class-groups/{{class_group_id}}/curriculum", "schedule", "GetCurriculum",
             "Учебный план класса: часы в неделю по предметам"),
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
             "Сохранить урок целиком: тема, домашнее задание, отметки, посещаемость",
             body=obj({}, {"topic": string(), "homework": string(), "reason": string(),
                           "marks": array(obj({"student_id": UUID, "value": string()},
                                              {"work_type": string(), "comment": string()})),
                           "attendance": array(obj({"student_id": UUID, "status": string()}))})),
    Endpoint("GET", f"{S}/lessons/{{lesson_id}}/record", "journal", "GetLessonRecord", "Запись урока в журнале"),
    Endpoint("GET", f"{S}/students/{{student_id}}/diary", "journal", "GetDiary", "Дневник ученика за период",
             query=PERIOD, to_request=PERIOD_NAMES),
    Endpoint("GET", f"{S}/journal-policy", "journal", "GetJournalPolicy", "Настройки журнала школы"),
    Endpoint("PUT", f"{S}/journal-policy", "journal", "SetJournalPolicy",
             "Изменить настройки журнала (сроки закрытия уроков, минимум отметок, часовой пояс)",
             body=obj({}, {"edit_lock_days": INTEGER, "unlock_hours": INTEGER, "min_marks_1h": INTEGER,
                           "min_marks_2h": INTEGER, "school_timezone": string(), "anomaly_bulk_changes": INTEGER,
                           "anomaly_bulk_minutes": INTEGER, "night_start": string(), "night_end": string(),
                           "attendance_correction_days": INTEGER, "homework_deadline_minutes": INTEGER,
                           "written_work_days": INTEGER, "written_work_types": string()})),
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
    Endpoint("PUT", f"{S}/students/{{student_id}}/plan", "journal", "SetStudentPlan",
             "Индивидуальный план ученика: домашнее обучение, неизучаемые предметы",
             body=obj({}, {"home_schooled": BOOLEAN, "excluded_subject_ids": array(UUID), "reason": string()})),
    Endpoint("GET", f"{S}/student-plans", "journal", "ListStudentPlans", "Индивидуальные планы учеников школы"),
    Endpoint("PUT", f"{S}/final-marks", "journal", "SetFinalMark", "Годовая, экзаменационная или итоговая оценка",
             body=obj({"student_id": UUID, "subject_id": UUID, "kind": enum("annual", "exam", "final"),
                       "value": string()}, {"reason": string()})),
    Endpoint("GET", f"{S}/final-marks", "journal", "ListFinalMarks", "Годовые, экзаменационные и итоговые оценки класса",
             query={"class_group_id": UUID}),
    Endpoint("GET", f"{S}/late-entries", "journal", "ListLateEntries",
             "Записи в журнале позже срока: по учителю, классу и дате урока",
             query={**PERIOD, "teacher_id": UUID, "class_group_id": UUID}, to_request=PERIOD_NAMES),
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
             "Сводная ведомость учёта успеваемости"),
    Endpoint("GET", f"{S}/class-groups/{{class_group_id}}/summary-sheet.pdf", "reporting", "RenderSummarySheetPdf",
             "Сводная ведомость учёта успеваемости (PDF)", file="application/pdf", deadline=FILE_DEADLINE),
    Endpoint("GET", f"{S}/archives", "archive", "ListArchives", "Годовые архивы школы"),
    Endpoint("GET", f"{S}/archives/{{archive_id}}", "archive", "GetArchive", "Годовой архив"),
    Endpoint("GET", f"{S}/archives/{{archive_id}}/package", "archive", "DownloadArchive",
             "Скачать подписанный пакет архива (ZIP)", file="application/zip", deadline=FILE_DEADLINE),
    Endpoint("POST", f"{S}/archives/{{archive_id}}/retry", "archive", "RetryArchive",
             "Повторить формирование архива, которое не удалось"),
)
