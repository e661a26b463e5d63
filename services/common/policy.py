"""The one place that decides "may this person do this action here", used by every service.

Role grants are per school (from the identity service); object scope (own lesson, own child,
oneself, own class) is checked by the caller of require() passing what it knows about the object:
- student_id: students and guardians pass only for themselves and their children;
- teacher_id: teachers pass only for objects they teach: one id, or several (the lesson's teacher and
  its substitute);
- class_group_id (with teacher_id): a form teacher also passes for any object of the class they lead.
"""
from collections.abc import Collection
from dataclasses import dataclass, field

from services.common.context import current_caller
from services.common.errors import Forbidden, NotFound

STAFF_ROLES = frozenset({"school_admin", "director", "deputy_head", "secretary", "hr_specialist",
                         "subject_teacher", "form_teacher"})
MANAGERS = frozenset({"school_admin", "director", "deputy_head"})
TEACHERS = frozenset({"subject_teacher", "form_teacher"})

# action -> roles (within the school) that may perform it
RULES: dict[str, frozenset[str]] = {
    "person.manage": frozenset({"school_admin", "secretary", "hr_specialist"}),
    "person.read": STAFF_ROLES,
    "person.card": STAFF_ROLES | {"student", "guardian"},  # one person's card: family only their own
    "schedule.manage": frozenset({"school_admin", "deputy_head"}),
    "schedule.read": STAFF_ROLES | {"student", "guardian"},
    "school_event.manage": MANAGERS,  # the school's event calendar (S4): created, changed, cancelled
    "lesson.record": TEACHERS | {"deputy_head"},  # teachers their own lessons; the deputy head corrects any (004 §7.6)
    "lesson.read": STAFF_ROLES,
    "diary.read": STAFF_ROLES | {"student", "guardian"},
    "mark.flag": frozenset({"student", "guardian"}),  # flag a mark as wrong: family only, their own (student_id)
    "journal_policy.manage": frozenset({"school_admin", "director"}),
    "unlock.request": TEACHERS,  # own lesson only (teacher_id scope)
    "unlock.decide": frozenset({"director", "deputy_head"}),
    "term_mark.set": TEACHERS,  # the journal also checks that the teacher teaches the subject in the class
    "work_type.manage": frozenset({"school_admin", "deputy_head"}),
    "student_plan.manage": frozenset({"school_admin", "deputy_head"}),
    "journal.control": MANAGERS,  # late entries (the deputy head's control view)
    "journal.changes.read": frozenset({"school_admin", "director"}),  # one person's changes (compromised account)
    "journal.revert": frozenset({"school_admin"}),
    "report.read": MANAGERS | {"form_teacher"},
    "teacher_report.read": MANAGERS | TEACHERS,  # a subject teacher's report: teachers only their own (teacher_id)
    "year.close": MANAGERS,
    "movement.manage": MANAGERS | {"secretary"},
    "year.transition": MANAGERS,
    "movement.read": MANAGERS | {"secretary"},  # the register and personal records (form teachers: their class's)
    "movement_policy.manage": frozenset({"school_admin", "director"}),  # the school's deadlines of movement orders
    "archive.read": MANAGERS,
    "archive.sign": frozenset({"director"}),  # the director signs the year-end packages (000 §5.2)
    "archive.dispose": frozenset({"school_admin", "director"}),  # an act of destruction, approved by the authority
    "archive_policy.manage": frozenset({"school_admin", "director"}),  # semester packages (colleges) or not
    "report_schedule.manage": frozenset({"school_admin", "director"}),  # when the school's reports are formed
    "mark_shortfall.read": MANAGERS,  # too few marks before a term ends (the control view; messaging's notices)
    # messaging (J13): threads with families (families only about their own children), notices, the answer control
    "message.write": TEACHERS | {"director", "deputy_head", "student", "guardian"},
    "notice.read": STAFF_ROLES | {"student", "guardian"},
    "notice.send": MANAGERS | {"form_teacher"},  # a form teacher to the class they lead only (messaging checks)
    "messaging.control": MANAGERS,  # unanswered threads past the answer deadline (no message text)
    "complaint.read": frozenset({"school_admin"}),  # a thread a participant complained about, every reading audited
    "messaging_policy.manage": frozenset({"school_admin", "director"}),
}
# what the other services may do on their own behalf (service accounts)
SERVICE_ACTIONS = frozenset({"person.read", "person.card", "schedule.read", "lesson.read", "report.read",
                             "mark_shortfall.read", "diary.read"})  # diary.read: messaging's e-mail digests
FAMILY_ROLES = frozenset({"student", "guardian"})
OPERATOR = "authority_operator"  # the realm role of the municipal authority's operator (no role in any school)


def require_operator(refusal: str) -> None:
    """The caller's token carries the realm role authority_operator (school staff are refused)."""
    if OPERATOR not in current_caller().realm_roles:
        raise Forbidden(refusal)


@dataclass(frozen=True)
class Principal:
    subject: str
    school_id: str
    person_id: str = ""
    roles: frozenset[str] = frozenset()
    student_ids: frozenset[str] = field(default_factory=frozenset)
    is_service: bool = False
    form_class_group_ids: frozenset[str] = field(default_factory=frozenset)


def allowed(principal: Principal, action: str, *, student_id: str | None = None,
            teacher_id: str | Collection[str] | None = None, class_group_id: str | None = None) -> bool:
    if principal.is_service:
        return action in SERVICE_ACTIONS
    roles = principal.roles & RULES[action]
    if not roles:
        return False
    if student_id is not None and not (roles - FAMILY_ROLES):
        return student_id in principal.student_ids
    if teacher_id is not None and not (roles - TEACHERS):
        teachers = {teacher_id} if isinstance(teacher_id, str) else set(teacher_id)
        leads_class = "form_teacher" in roles and class_group_id in principal.form_class_group_ids
        return principal.person_id in teachers - {""} or leads_class
    return True


def require(principal: Principal, action: str, refusal: str | None = None, **scope) -> None:
    """Raises unless allowed; `refusal` says in Russian who may do it instead of the general message."""
    if not principal.roles and not principal.is_service:
        raise NotFound("Школа не найдена")  # a school where the caller has no role does not exist for them
    if not allowed(principal, action, **scope):
        raise Forbidden(refusal) if refusal else Forbidden()
