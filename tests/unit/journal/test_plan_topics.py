"""Topics from the thematic plan: which one is suggested, and what a save with a plan topic stores."""
import uuid

import pytest

from proto.schedule.v1 import schedule_pb2
from services.common.errors import Invalid
from services.journal.service_layer import plan_topics

PLAN = [schedule_pb2.PlanTopic(id=str(uuid.uuid4()), position=n, title=title, hours="1")
        for n, title in enumerate(["Дроби", "Сложение дробей", "Вычитание дробей"], start=1)]
FIRST, SECOND, THIRD = (topic.id for topic in PLAN)


@pytest.mark.parametrize("covered, own, expected", [
    (set(), "", FIRST),
    ({FIRST}, "", SECOND),
    ({SECOND}, "", FIRST),            # a skipped topic comes first again
    ({FIRST, SECOND, THIRD}, "", ""),  # the plan is done
    ({FIRST}, THIRD, THIRD),          # the lesson's own choice stays
])
def test_the_lesson_own_topic_else_the_next_uncovered(covered, own, expected):
    assert plan_topics.suggested(PLAN, covered, own) == expected


def test_a_plan_topic_gives_its_title_to_an_empty_topic():
    assert plan_topics.chosen(PLAN, SECOND, "") == (SECOND, "Сложение дробей")
    assert plan_topics.chosen(PLAN, SECOND, "Сложение дробей с разными знаменателями") == (
        SECOND, "Сложение дробей с разными знаменателями")
    assert plan_topics.chosen([], "", "Повторение") == (None, "Повторение")


@pytest.mark.parametrize("plan_topic_id", [str(uuid.uuid4()), "topic-1"])
def test_a_topic_not_in_the_plan_is_refused(plan_topic_id):
    with pytest.raises(Invalid) as err:
        plan_topics.chosen(PLAN, plan_topic_id, "")
    assert list(err.value.fields) == ["plan_topic_id"]
