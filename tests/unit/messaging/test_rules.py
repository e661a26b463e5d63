"""Who may write to whom, threads' texts and withdrawals, notices (which events make one, the cut-off of absences,
the texts that name the child, the choices) and the school's messaging policy."""
import datetime as dt

import pytest

from services.common.dates import SCHOOL_ZONE
from services.common.errors import FailedPrecondition, Forbidden, Invalid, NotFound
from services.common.policy import Principal
from services.messaging.domain import messaging_policy, notice, recipients, thread
from services.messaging.domain.recipients import StaffMember

CLASS, OTHER = "class-5a", "class-6b"
STAFF = [StaffMember("form", "Кузнецов Андрей", frozenset({"form_teacher", "subject_teacher"}), frozenset({CLASS})),
         StaffMember("maths", "Орлова Нина", frozenset({"subject_teacher"}), frozenset()),
         StaffMember("stranger", "Чужов Олег", frozenset({"subject_teacher"}), frozenset({OTHER})),
         StaffMember("deputy", "Волкова Елена", frozenset({"deputy_head"}), frozenset()),
         StaffMember("secretary", "Секретарь", frozenset({"secretary"}), frozenset())]


def test_a_family_may_write_to_the_teachers_and_the_leaders_of_the_childs_class():
    contacts = recipients.contacts_of_student("son", "Иванов Пётр", CLASS, STAFF,
                                              {"maths": ["Математика"], "form": ["Физика"]})
    assert [(c.person_id, c.reasons) for c in contacts] == [
        ("form", ("классный руководитель", "учитель: Физика")), ("deputy", ("заместитель директора",)),
        ("maths", ("учитель: Математика",))]
    recipients.check_family_may_write(contacts, "maths")
    for nobody in ("stranger", "secretary", "another-student"):
        with pytest.raises(Forbidden) as refused:
            recipients.check_family_may_write(contacts, nobody)
        assert refused.value.fields == {"staff_id": "этот сотрудник не ведёт уроки и не руководит классом ребёнка"}


def test_a_child_without_a_class_reaches_only_the_schools_leaders():
    contacts = recipients.contacts_of_student("son", "Иванов Пётр", "", STAFF, {})
    assert [c.person_id for c in contacts] == ["deputy"]


@pytest.mark.parametrize("roles, leads, teachers, allowed", [
    ({"subject_teacher"}, set(), ["me"], True),           # teaches the class
    ({"form_teacher"}, {CLASS}, [], True),                 # leads it
    ({"subject_teacher"}, set(), ["someone"], False),      # neither
    ({"director"}, set(), [], True),                       # leads the school
])
def test_staff_write_to_the_families_of_classes_they_teach_or_lead(roles, leads, teachers, allowed):
    assert recipients.staff_may_write(frozenset(roles), "me", frozenset(leads), CLASS, teachers) is allowed


def test_roles_in_a_thread():
    def role(*roles):
        return thread.role_of(Principal("s", "school", "p", frozenset(roles)))
    assert role("form_teacher") == "staff" and role("guardian") == "guardian" and role("student") == "student"
    assert role("guardian", "subject_teacher") == "staff"
    with pytest.raises(Forbidden):
        role("secretary")


def test_texts_files_participants_and_withdrawals():
    assert thread.text("  Здравствуйте  ") == "Здравствуйте"
    with pytest.raises(Invalid):
        thread.text(" ")
    with pytest.raises(Invalid):
        thread.subject("т" * 201)
    with pytest.raises(Invalid):
        thread.files_count(6)
    with pytest.raises(NotFound):
        thread.check_participant({"a", "b"}, "c")
    with pytest.raises(NotFound):
        thread.check_participant({"a", ""}, "")
    with pytest.raises(Forbidden):
        thread.check_withdrawable("author", "other", False)
    with pytest.raises(FailedPrecondition):
        thread.check_withdrawable("author", "author", True)
    thread.check_withdrawable("author", "author", False)


def test_which_events_make_a_notice():
    assert notice.newly_two("2") and notice.newly_two("2", "3") and not notice.newly_two("2", "2")
    assert not notice.newly_two("3") and not notice.newly_two("22")
    assert [s for s in ("absent", "unexcused", "ill", "excused", "late", "") if notice.is_absence(s)] == [
        "absent", "unexcused"]
    assert notice.failing_term_mark("2", "") == "2" and notice.failing_term_mark("", "not_assessed") == "Н/А"
    assert notice.failing_term_mark("Н/А", "") == "Н/А" and notice.failing_term_mark("3", "") == ""
    assert notice.failing_term_mark("ОСВ", "exempt") == ""


def test_an_absence_is_told_after_the_days_cut_off_in_the_schools_time():
    due = notice.absence_due(dt.date(2026, 3, 2), "15:00", SCHOOL_ZONE)
    assert due == dt.datetime(2026, 3, 2, 12, 0, tzinfo=dt.UTC)


def test_every_automatic_notice_names_the_child():
    for title, text in (notice.mark_text("Иванов Пётр", "Математика", "2026-03-02"),
                        notice.absence_text("Иванов Пётр", "2026-03-02", 2, "unexcused"),
                        notice.few_marks_text("Иванов Пётр", "Физика", "3 четверть", "2026-03-20", 1, 3),
                        notice.term_mark_text("Иванов Пётр", "Физика", "3 четверть", "Н/А")):
        assert title.startswith("Иванов Пётр") and "Иванов Пётр" in text
    assert "без уважительной причины" in notice.absence_text("Иванов Пётр", "2026-03-02", 1, "unexcused")[1]
    assert "без уважительной" not in notice.absence_text("Иванов Пётр", "2026-03-02", 1, "absent")[1]


def test_a_guardians_choices():
    assert notice.wanted({}, "mark_2", "in_app")
    assert not notice.wanted({("mark_2", "in_app"): False}, "mark_2", "in_app")
    with pytest.raises(Invalid):
        notice.preference("school", "in_app")
    with pytest.raises(Invalid):
        notice.preference("mark_2", "pigeon")


def test_a_school_notice_names_its_audience():
    assert notice.school_notice("class", CLASS, 0, " Собрание ", "Текст") == ("Собрание", "Текст")
    for audience, class_id, grade, field in (("class", "", 0, "class_group_id"), ("grade", "", 12, "grade"),
                                             ("everyone", "", 0, "audience")):
        with pytest.raises(Invalid) as refused:
            notice.school_notice(audience, class_id, grade, "Т", "Т")
        assert field in refused.value.fields


def test_the_policy():
    policy = messaging_policy.MessagingPolicy()
    assert (policy.answer_days, policy.working_week_days, policy.sends("absence")) == (3, 5, True)
    changed = messaging_policy.changed(policy, answer_days=5, notify_absence=False, few_marks_days=None)
    assert (changed.answer_days, changed.sends("absence"), changed.few_marks_days) == (5, False, 14)
    with pytest.raises(Invalid) as refused:
        messaging_policy.changed(policy, answer_days=0, working_week_days=7, absence_notice_time="9:00",
                                 few_marks_days=10)
    assert set(refused.value.fields) == {"answer_days", "working_week_days", "absence_notice_time", "few_marks_days"}
