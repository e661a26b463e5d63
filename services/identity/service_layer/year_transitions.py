"""The year transition (A2): its preview (nothing written), the transition itself (schedule opens the next year's
structure, then in one identity transaction the orders, the memberships, the form teachers carried and the record
of the transition, with their events) and reading a transition done. A refusal writes nothing."""
import dataclasses
import datetime as dt
from collections import defaultdict

from proto.identity.v1 import identity_pb2 as pb
from services.common.dates import parse_date
from services.common.db import parse_uuid
from services.common.errors import Conflict, FailedPrecondition, Invalid, NotFound
from services.common.scope import Scope
from services.identity.domain.class_groups import AcademicYear, ClassGroup, NextYear
from services.identity.domain.class_membership import DAY
from services.identity.domain.movement_order import Line, transition_deadline
from services.identity.domain.person import PersonName
from services.identity.domain.year_transition import (
    DOCUMENTS,
    GRADUATED,
    ORDER_KINDS,
    REPEATING,
    Decision,
    decision_problems,
    default_new_classes,
    default_outcome,
    new_year_classes,
    successor,
    target_name,
)
from services.identity.service_layer.movement_orders import Classes, check_order, write_order
from services.identity.service_layer.ports import ClassGroups
from services.identity.service_layer.unit_of_work import IdentityUnitOfWork


@dataclasses.dataclass(frozen=True)
class TransitionAsked:
    """A YearTransitionRequest as asked: new_classes None = the default (the 1st classes of the source's letters)."""

    source_year_id: str
    name: str
    decisions: list[Decision]
    new_classes: list[tuple[int, str]] | None
    order_date: str


@dataclasses.dataclass(frozen=True)
class Plan:
    """The transition as it would go: the message (without orders) and each student's class and decision."""

    message: pb.YearTransition
    groups: list[ClassGroup]
    class_of: dict[str, ClassGroup]
    decisions: dict[str, Decision]
    new_classes: list[tuple[int, str]]
    signed_on: dt.date


def preview_year_transition(scope: Scope, uow: IdentityUnitOfWork, class_groups: ClassGroups,
                            asked: TransitionAsked) -> pb.YearTransition:
    """What the transition would do, refused as the transition would be; nothing is written."""
    source, groups, asked = _source(scope, class_groups, asked)
    with uow:
        return _plan(uow, source, groups, asked).message


def transition_year(scope: Scope, uow: IdentityUnitOfWork, class_groups: ClassGroups,
                    asked: TransitionAsked) -> pb.YearTransition:
    """Checks everything, asks schedule to open the next year (idempotent per source year: a transition that failed
    after it resumes), then signs the orders of every class, moves the students, carries the form teachers and
    records the transition in one transaction."""
    source, groups, asked = _source(scope, class_groups, asked)
    with uow:
        plan = _plan(uow, source, groups, asked)
    opened = class_groups.open_next_year(scope.school_id, source.id, plan.message.name, plan.new_classes)
    successors = set(opened.successions.values())  # a resumed transition: as schedule opened it the first time
    asked = dataclasses.replace(asked, name=opened.academic_year.name, new_classes=[
        (group.grade, group.name) for group in opened.class_groups if group.id not in successors])
    classes = Classes(class_groups, scope.school_id)
    classes.add([*groups, *opened.class_groups])
    with uow:
        uow.transitions.lock(source.id)
        uow.orders.lock()
        plan = _plan(uow, source, groups, asked)
        message = plan.message
        message.target_year_id = opened.academic_year.id
        due = transition_deadline(opened.academic_year.start, uow.movement_policy.get())
        message.deadline, message.late = due.isoformat(), plan.signed_on > due
        for order in _orders(scope, uow, classes, source, opened, plan):
            message.orders.append(write_order(uow, order))
        for source_id, class_group_id in sorted(opened.successions.items()):
            _carry_form_teacher(uow, source_id, class_group_id)
        uow.transitions.add(message)
        uow.publish(pb.YearTransitioned(transition=message))
        uow.audit.record("year.transition", source.id, target_year_id=message.target_year_id,
                         orders=[order.id for order in message.orders])
        return message


def get_year_transition(scope: Scope, uow: IdentityUnitOfWork, source_year_id: str) -> pb.YearTransition:
    source_year_id = parse_uuid(source_year_id, "source_year_id")
    scope.require("movement.read")
    with uow:
        done = uow.transitions.get(source_year_id)
        if not done:
            raise NotFound("Переход этого учебного года ещё не выполнен", {"source_year_id": "перехода не было"})
        return done


def _source(scope: Scope, class_groups: ClassGroups,
            asked: TransitionAsked) -> tuple[AcademicYear, list[ClassGroup], TransitionAsked]:
    """The source year, its class groups by grade and name, and the request with its debts' subject names."""
    source_year_id = parse_uuid(asked.source_year_id, "source_year_id")
    scope.require("year.transition")
    source = next((y for y in class_groups.academic_years(scope.school_id) if y.id == source_year_id), None)
    if not source:
        raise NotFound("Учебный год не найден", {"source_year_id": "не найден"})
    groups = sorted(class_groups.class_groups(scope.school_id, source.id), key=lambda g: (g.grade, g.name))
    if any(d.debts for d in asked.decisions):
        subjects = class_groups.subjects(scope.school_id)
        unknown = {f"decisions[{i}].debts[{j}].subject_id": "в этой школе нет такого предмета"
                   for i, d in enumerate(asked.decisions) for j, debt in enumerate(d.debts)
                   if debt.subject_id not in subjects}
        if unknown:
            raise Invalid(message="Проверьте решения об обучающихся", fields=unknown)
        asked = dataclasses.replace(asked, decisions=[dataclasses.replace(d, debts=tuple(
            dataclasses.replace(debt, subject_name=subjects[debt.subject_id]) for debt in d.debts))
            for d in asked.decisions])
    return source, groups, asked


def _plan(uow: IdentityUnitOfWork, source: AcademicYear, groups: list[ClassGroup], asked: TransitionAsked) -> Plan:
    if uow.transitions.get(source.id):
        raise Conflict("Переход этого учебного года уже выполнен", {"source_year_id": "переход уже выполнен"})
    today = uow.today()
    if source.open and source.end >= today:
        raise FailedPrecondition("Учебный год ещё не окончен", {"source_year_id": "год не окончен и не закрыт"})
    signed_on = parse_date(asked.order_date, "order_date") if asked.order_date else today
    new_classes = asked.new_classes if asked.new_classes is not None else default_new_classes(groups)
    by_id = {group.id: group for group in groups}
    students = uow.memberships.students_on(list(by_id), source.end, staying=True)  # not who left over the summer
    class_of = {row.id: by_id[row.class_group_id] for row in students}
    problems = decision_problems(asked.decisions, class_of, new_year_classes(groups, new_classes))
    if problems:
        raise Invalid(message="Проверьте решения об обучающихся", fields=problems)
    decisions = {d.student_id: d for d in asked.decisions}
    listed = defaultdict(list)
    for row in students:
        group = class_of[row.id]
        decision = decisions.get(row.id) or Decision(row.id, default_outcome(group.grade))
        listed[group.id].append(pb.TransitionStudent(
            student_id=row.id, full_name=PersonName(row.last_name, row.first_name, row.middle_name).full,
            outcome=decision.outcome, to_class_name=target_name(group, decision.outcome),
            debts=[pb.AcademicDebt(subject_id=d.subject_id, subject_name=d.subject_name,
                                   deadline=d.deadline.isoformat()) for d in decision.debts]))
        decisions[row.id] = decision
    start = source.start.replace(year=source.start.year + 1)  # as schedule shifts the terms by whole years
    due = transition_deadline(start, uow.movement_policy.get())
    message = pb.YearTransition(
        source_year_id=source.id, name=asked.name.strip() or f"{source.start.year + 1}/{source.end.year + 1}",
        new_classes=[pb.NewClass(grade=grade, name=name) for grade, name in new_classes],
        deadline=due.isoformat(), late=signed_on > due,
        classes=[_class_message(uow, group, listed[group.id]) for group in groups])
    return Plan(message, groups, class_of, decisions, new_classes, signed_on)


def _class_message(uow: IdentityUnitOfWork, group: ClassGroup, students: list[pb.TransitionStudent]):
    counts = {outcome: sum(s.outcome == outcome for s in students) for outcome in ORDER_KINDS}  # by field name
    return pb.TransitionClass(class_group_id=group.id, name=group.name, grade=group.grade,
                              successor_name=successor(group), students=students,
                              form_teacher_id=uow.people.form_teacher(group.id) or "", **counts)


def _orders(scope: Scope, uow: IdentityUnitOfWork, classes: Classes, source: AcademicYear, opened: NextYear,
            plan: Plan):
    """The orders of the transition, each checked and written before the next is numbered: per class one
    PROMOTION, one CONDITIONAL_PROMOTION and one REPETITION order; one GRADUATION order per graduating grade."""
    by_name = {(g.grade, g.name): g.id for g in opened.class_groups}
    reason = f"Итоги учебного года {source.name}"
    batches: dict[tuple, list[Line]] = defaultdict(list)
    for student_id, group in plan.class_of.items():
        decision = plan.decisions[student_id]
        if decision.outcome == GRADUATED:
            document = decision.document.strip() or DOCUMENTS[group.grade]
            batches[GRADUATED, group.grade].append(Line(student_id, document=document))
            continue
        target = (by_name.get((group.grade, group.name), "") if decision.outcome == REPEATING
                  else opened.successions.get(group.id, ""))
        batches[decision.outcome, group.grade, group.name].append(Line(student_id, target, decision.debts))
    for key in sorted(batches, key=lambda k: (k[1], k[2:], list(ORDER_KINDS).index(k[0]))):
        outcome = key[0]
        effective = source.end + DAY if outcome == GRADUATED else opened.academic_year.start
        order = check_order(scope, uow, classes, ORDER_KINDS[outcome], "", plan.signed_on, effective, reason,
                            batches[key])
        yield order


def _carry_form_teacher(uow: IdentityUnitOfWork, source_id: str, class_group_id: str) -> None:
    teacher = uow.people.form_teacher(source_id)
    if teacher and not uow.people.form_teacher(class_group_id):
        uow.people.set_form_teacher(class_group_id, teacher)
        uow.publish(pb.FormTeacherAssigned(class_group_id=class_group_id, person_id=teacher))

