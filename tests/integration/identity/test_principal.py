"""Who the caller is in a school, read in one statement: a login with a staff card (subject and form teacher of a
class) and a guardian's card (two children) in the same school gets the roles, children and led class of both, and
the school's status; someone with no card there gets nothing. A person's card comes with its roles in one statement
too."""
import uuid

import pytest
from sqlalchemy import event as sqlalchemy_event
from sqlalchemy import insert, update

from services.common.dates import school_today
from services.common.errors import Forbidden
from services.identity.adapters import principals
from services.identity.adapters.person_store import PersonStore
from services.identity.adapters.tables import form_classes, guardianships, persons, role_grants, schools

pytestmark = pytest.mark.stack


class Undo(Exception):
    """Leaves the test's transaction, rolling back what it wrote."""


def test_a_login_with_two_cards_gets_both_in_one_statement_and_a_card_is_one_statement(identity, school):
    subject, staff, guardian = f"subject-{uuid.uuid4()}", str(uuid.uuid4()), str(uuid.uuid4())
    children, led = sorted(str(uuid.uuid4()) for _ in range(2)), str(uuid.uuid4())
    statements = []

    def seen(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)
    with pytest.raises(Undo), identity.db.tenant_session(school.id) as session:
        people = [dict(id=staff, kind="staff", subject=subject), dict(id=guardian, kind="guardian", subject=subject),
                  *(dict(id=child, kind="student", subject=None) for child in children)]
        session.execute(insert(persons), [dict(p, school_id=school.id, last_name="Иванова", first_name="Мария")
                                          for p in people])
        session.execute(insert(role_grants), [dict(school_id=school.id, person_id=p, role=r) for p, r in (
            (staff, "subject_teacher"), (staff, "form_teacher"), (guardian, "guardian"))])
        session.execute(insert(guardianships), [dict(school_id=school.id, guardian_id=guardian, student_id=child,
                                                     relation="mother") for child in children])
        session.execute(insert(form_classes).values(school_id=school.id, class_group_id=led, person_id=staff))
        sqlalchemy_event.listen(identity.db.engine, "before_cursor_execute", seen)
        try:
            principal = principals.active_principal(session, subject, school.id)
            nobody = principals.active_principal(session, "nobody", school.id)
        finally:
            sqlalchemy_event.remove(identity.db.engine, "before_cursor_execute", seen)
        assert len(statements) == 2  # one for each caller
        assert (principal.person_id, principal.roles, principal.student_ids, principal.form_class_group_ids) == (
            staff, {"subject_teacher", "form_teacher", "guardian"}, set(children), {led})
        assert (nobody.person_id, nobody.roles, nobody.student_ids) == ("", set(), set())
        statements.clear()
        sqlalchemy_event.listen(identity.db.engine, "before_cursor_execute", seen)
        try:
            card = PersonStore(session, school.id, school_today()).card(staff)
        finally:
            sqlalchemy_event.remove(identity.db.engine, "before_cursor_execute", seen)
        assert len(statements) == 1  # the card with its roles, led classes and pending code
        assert (list(card.roles), list(card.form_class_group_ids), card.access) == (
            ["form_teacher", "subject_teacher"], [led], "account")
        session.execute(update(schools).values(status="suspended"))
        with pytest.raises(Forbidden):
            principals.active_principal(session, subject, school.id)
        assert not principals.active_principal(session, "nobody", school.id).roles
        raise Undo  # the school and its people as they were
