"""A class's families as the form teacher sees them (T9, T6, 152-FZ): each student with their guardians — whether
they have access, their decision on the consent, and whether they asked the school for a printed weekly diary — and
that wish set on a guardian's record (by the school's person managers, the form teacher of one of the guardian's
children, or the guardian themself)."""
from proto.identity.v1 import identity_pb2 as pb
from services.common.dates import parse_date
from services.common.db import parse_uuid
from services.common.errors import Forbidden, Invalid, NotFound
from services.common.scope import Scope
from services.identity.service_layer.ports import ClassGroups
from services.identity.service_layer.unit_of_work import IdentityUnitOfWork

NOT_A_GUARDIAN = "печатный дневник заказывает родитель (законный представитель)"
WHO_SETS = ("Печатный дневник для родителя отмечает администрация школы, классный руководитель его ребёнка или сам "
            "родитель")


def set_paper_diary(scope: Scope, uow: IdentityUnitOfWork, person_id: str, wanted: bool) -> pb.Person:
    """The guardian's wish for a printed weekly diary; the same wish again changes nothing."""
    person_id = parse_uuid(person_id, "person_id")
    principal = scope.require("person.card")
    with uow:
        person = uow.people.row(person_id)
        if person is None:
            raise NotFound("Человек не найден в этой школе", {"person_id": "не найден"})
        if person.kind != "guardian":
            raise Invalid("person_id", NOT_A_GUARDIAN)
        own = bool(person.subject) and person.subject == principal.subject
        if not (own or scope.allowed("person.manage") or uow.people.in_led_class(principal, person)):
            raise Forbidden(WHO_SETS)
        if person.paper_diary != wanted:
            uow.people.update(person_id, paper_diary=wanted)
            uow.publish(pb.PaperDiarySet(guardian_id=person_id, wanted=wanted))
            uow.audit.record("guardian.paper_diary", person_id, wanted=wanted)
        return uow.people.card(person_id)


def list_class_families(scope: Scope, uow: IdentityUnitOfWork, class_groups: ClassGroups, class_group_id: str,
                        on_date: str) -> list[pb.ClassFamily]:
    """The class's students that day (today when none), by name, each with their guardians; a class group of
    another school is refused (schedule is asked, after the policy)."""
    class_group_id = parse_uuid(class_group_id, "class_group_id")
    day = parse_date(on_date, "on_date") if on_date else None
    scope.require("person.read")
    if class_groups.class_group(scope.school_id, class_group_id) is None:
        raise Invalid("class_group_id", "в этой школе нет такого класса")
    with uow:
        students, guardians = uow.people.class_families(class_group_id, day or uow.today())
    return [pb.ClassFamily(student=student, guardians=[pb.FamilyGuardian(guardian=card, relation=relation)
                                                       for card, relation in guardians[student.id]])
            for student in students]
