"""Topics from the thematic plan (J1, S3): the lesson's class group's plan for its subject, in plan order, each
marked covered when another lesson of the class group (the same subgroup or the whole class) in the subject chose
it; the lesson's own topic, else the first uncovered one, is suggested. A save may name a plan topic: it must be in
that plan, and an empty topic text takes its title."""
from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from proto.journal.v1 import journal_pb2 as pb
from proto.schedule.v1 import schedule_pb2
from services.common.db import parse_uuid
from services.common.errors import Invalid
from services.common.scope import Scope

if TYPE_CHECKING:

    from services.journal.service_layer.unit_of_work import JournalUnitOfWork


def suggested(topics: Iterable[schedule_pb2.PlanTopic], covered: set[str], own: str) -> str:
    """The lesson's own plan topic if it has one, else the first topic in plan order nobody covered yet."""
    ids = [topic.id for topic in topics]
    if own in ids:
        return own
    return next((topic_id for topic_id in ids if topic_id not in covered), "")


def chosen(topics: Iterable[schedule_pb2.PlanTopic], plan_topic_id: str, topic: str) -> tuple[str | None, str]:
    """(plan topic id or None, topic text) of a save: the id must be one of the plan's; no text = its title."""
    if not plan_topic_id:
        return None, topic
    plan_topic_id = parse_uuid(plan_topic_id, "plan_topic_id")
    found = next((t for t in topics if t.id == plan_topic_id), None)
    if found is None:
        raise Invalid("plan_topic_id", "этой темы нет в тематическом плане класса по предмету")
    return plan_topic_id, topic or found.title


def plan_of(uow: JournalUnitOfWork, lesson: schedule_pb2.Lesson) -> list[schedule_pb2.PlanTopic]:
    return uow.schedule.list_plan_topics(lesson.school_id, lesson.class_group_id, lesson.subject_id)


def list_lesson_topics(scope: Scope, uow: JournalUnitOfWork, lesson_id: str) -> pb.ListLessonTopicsResponse:
    school_id = scope.school_id
    scope.require("lesson.read")
    lesson = uow.schedule.get_lesson(school_id, parse_uuid(lesson_id, "lesson_id"))
    topics = plan_of(uow, lesson)
    with uow:
        done = uow.lessons.covered_plan_topics(lesson)
        own = uow.lessons.plan_topic_of(lesson.id)
    return pb.ListLessonTopicsResponse(
        topics=[pb.LessonTopic(plan_topic_id=t.id, position=t.position, title=t.title, hours=t.hours,
                               covered=t.id in done) for t in topics],
        suggested_topic_id=suggested(topics, done, own or ""))
