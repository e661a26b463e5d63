"""JournalSettingsChanged on the real PostgreSQL: a work type set and a policy changed each put the school's mark scale
and effective work types after the change in the outbox, in the change's transaction; a call that changes nothing
publishes nothing."""
import pytest

from proto.journal.v1 import journal_pb2 as pb
from tests.integration.journal.test_policy_and_locks import act_as
from tests.integration.journal.test_service import published

pytestmark = pytest.mark.stack

DEFAULT_WORK_TYPES = [("classwork", "1"), ("homework", "1"), ("test", "2"), ("independent", "1.5"), ("oral", "1")]


def settings_events(journal, school_id: str) -> list[pb.JournalSettingsChanged]:
    return published(journal, school_id, pb.JournalSettingsChanged)


def weights(event: pb.JournalSettingsChanged) -> list[tuple[str, str]]:
    return [(w.code, w.weight) for w in event.work_types]


def set_work_type(journal, school_id: str, code: str, name: str, weight: str) -> pb.WorkType:
    return journal.call("SetWorkType", pb.SetWorkTypeRequest(school_id=school_id, code=code, name=name, weight=weight))


def test_a_work_type_set_announces_the_schools_work_types_after_it(journal, today_lesson):
    school_id = today_lesson.school_id
    act_as(journal, today_lesson, "deputy_head")
    set_work_type(journal, school_id, "test", "Контрольная работа", "3")
    (event,) = settings_events(journal, school_id)
    assert (event.school_id, event.mark_scale) == (school_id, "five_point")
    assert weights(event) == [("classwork", "1"), ("homework", "1"), ("independent", "1.5"), ("oral", "1"),
                              ("test", "3")]
    set_work_type(journal, school_id, "test", "Контрольная работа", "3.00")  # the same: nothing changes
    assert len(settings_events(journal, school_id)) == 1
    set_work_type(journal, school_id, "project", "Проект", "2.5")
    assert weights(settings_events(journal, school_id)[-1])[4] == ("project", "2.5")  # stored ones by code
    assert len(settings_events(journal, school_id)) == 2


def test_a_policy_change_announces_the_scale_with_the_default_work_types(journal, today_lesson):
    school_id = today_lesson.school_id
    act_as(journal, today_lesson, "director")
    journal.call("SetJournalPolicy", pb.SetJournalPolicyRequest(school_id=school_id, mark_scale="ten_point"))
    (event,) = settings_events(journal, school_id)
    assert (event.school_id, event.mark_scale, weights(event)) == (school_id, "ten_point", DEFAULT_WORK_TYPES)
    journal.call("SetJournalPolicy", pb.SetJournalPolicyRequest(school_id=school_id, mark_scale="ten_point"))
    assert len(settings_events(journal, school_id)) == 1  # nothing changed
    journal.call("SetJournalPolicy", pb.SetJournalPolicyRequest(school_id=school_id, edit_lock_days=3))
    events = settings_events(journal, school_id)
    assert len(events) == 2 and events[-1].mark_scale == "ten_point"
