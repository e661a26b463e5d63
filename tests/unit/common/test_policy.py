"""The policy table: role × action × scope."""
import pytest

from services.common.errors import Forbidden, NotFound
from services.common.policy import Principal, allowed, require

CHILD, OTHER_CHILD, TEACHER, OTHER_TEACHER = "child", "other-child", "teacher", "other-teacher"
OWN_CLASS, OTHER_CLASS = "own-class", "other-class"


def who(*roles: str, person_id: str = TEACHER, students: tuple[str, ...] = (),
        leads: tuple[str, ...] = ()) -> Principal:
    return Principal(subject="s", school_id="school", person_id=person_id, roles=frozenset(roles),
                     student_ids=frozenset(students), form_class_group_ids=frozenset(leads))


@pytest.mark.parametrize(("principal", "action", "scope", "expected"), [
    (who("guardian", students=(CHILD,)), "diary.read", {"student_id": CHILD}, True),
    (who("guardian", students=(CHILD,)), "diary.read", {"student_id": OTHER_CHILD}, False),
    (who("student", students=(CHILD,)), "diary.read", {"student_id": CHILD}, True),
    (who("student", students=(CHILD,)), "diary.read", {"student_id": OTHER_CHILD}, False),
    (who("form_teacher"), "diary.read", {"student_id": OTHER_CHILD}, True),
    (who("guardian", students=(CHILD,)), "mark.flag", {"student_id": CHILD}, True),
    (who("student", students=(CHILD,)), "mark.flag", {"student_id": CHILD}, True),
    (who("guardian", students=(CHILD,)), "mark.flag", {"student_id": OTHER_CHILD}, False),
    (who("form_teacher"), "mark.flag", {"student_id": CHILD}, False),  # staff answer flags, they do not raise them
    (who("subject_teacher"), "lesson.record", {"teacher_id": TEACHER}, True),
    (who("subject_teacher"), "lesson.record", {"teacher_id": OTHER_TEACHER}, False),
    (who("deputy_head"), "lesson.record", {"teacher_id": TEACHER}, True),  # corrects any lesson (004 §7.6)
    (who("secretary"), "lesson.record", {"teacher_id": TEACHER}, False),
    (who("guardian", students=(CHILD,)), "lesson.record", {"teacher_id": TEACHER}, False),
    # a substitute: the lesson names its teacher and the substitute
    (who("subject_teacher"), "lesson.record", {"teacher_id": (OTHER_TEACHER, TEACHER)}, True),
    (who("subject_teacher"), "lesson.record", {"teacher_id": (OTHER_TEACHER, "")}, False),
    (who("subject_teacher", person_id=""), "lesson.record", {"teacher_id": (OTHER_TEACHER, "")}, False),
    # own class: the form teacher passes for any subject of the class they lead, not another class
    (who("form_teacher", leads=(OWN_CLASS,)), "term_mark.set",
     {"teacher_id": OTHER_TEACHER, "class_group_id": OWN_CLASS}, True),
    (who("form_teacher", leads=(OWN_CLASS,)), "term_mark.set",
     {"teacher_id": OTHER_TEACHER, "class_group_id": OTHER_CLASS}, False),
    (who("subject_teacher", leads=(OWN_CLASS,)), "term_mark.set",
     {"teacher_id": OTHER_TEACHER, "class_group_id": OWN_CLASS}, False),
    (who("school_admin"), "schedule.manage", {}, True),
    (who("subject_teacher"), "schedule.manage", {}, False),
    (who("deputy_head"), "year.close", {}, True),
    (who("deputy_head"), "student_plan.manage", {}, True),
    (who("form_teacher"), "student_plan.manage", {}, False),
    (who("deputy_head"), "journal.control", {}, True),
    (who("subject_teacher"), "journal.control", {}, False),
    (who("director"), "journal.changes.read", {}, True),
    (who("director"), "journal.revert", {}, False),
    (who("school_admin"), "journal.revert", {}, True),
    (who("subject_teacher"), "year.close", {}, False),
    (who("guardian"), "report.read", {}, False),
    (who("director"), "archive.read", {}, True),
    (who("secretary"), "person.manage", {}, True),
    (who("subject_teacher"), "person.manage", {}, False),
    (Principal(subject="svc", school_id="school", is_service=True), "report.read", {}, True),
    (Principal(subject="svc", school_id="school", is_service=True), "lesson.record", {}, False),
])
def test_policy(principal, action, scope, expected):
    assert allowed(principal, action, **scope) is expected


def test_no_role_in_the_school_looks_like_no_school():
    with pytest.raises(NotFound):
        require(who(), "diary.read", student_id=CHILD)


def test_forbidden_when_the_role_does_not_allow():
    with pytest.raises(Forbidden):
        require(who("guardian", students=(CHILD,)), "diary.read", student_id=OTHER_CHILD)
