"""Families and the school (issue 14) on the real PostgreSQL and Keycloak: the consent to the processing of personal
data asked of a guardian and an adult student (not of a minor or staff) and kept append-only with its version; a
school whose guardians get access only through Gosuslugi (no codes for them, their slips say how to log in); a
guardian's wish for a printed weekly diary, set by the school, the form teacher or the guardian, listed with the
class's families."""
import datetime as dt
import uuid

import grpc
import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import ProgrammingError

from proto.identity.v1 import identity_pb2 as pb
from services.identity.adapters.tables import consents
from services.identity.domain.consent import CURRENT_VERSION
from tests.integration.identity.conftest import onboard, staff_login
from tests.integration.identity.test_activation import activate, card, issue, person, refused
from tests.integration.identity.test_movement_register import events
from tests.support import stack

pytestmark = pytest.mark.stack


@pytest.fixture
def school(identity):
    return onboard(identity, "Школа семей")


def family(identity, school, class_id: str, birth_date: str = "2014-02-02"):
    """A student of the class with a mother (no logins yet)."""
    tag = "".join("абвгдежзийклмноп"[int(c, 16)] for c in uuid.uuid4().hex[:4])
    pupil = person(identity, school, pb.STUDENT, f"Семьёва{tag}", gender="female",
                   birth_date=birth_date, class_group_id=class_id)
    mother = person(identity, school, pb.GUARDIAN, "Семьёва-мама")
    identity.call("LinkGuardian", pb.LinkGuardianRequest(school_id=school.id, guardian_id=mother.id,
                                                         student_id=pupil.id, relation="mother"), school.admin_token)
    return pupil, mother


def login_of(identity, school, person_id: str) -> str:
    """The person's token after the school issued a code and they activated it."""
    [slip] = issue(identity, school, school.admin_token, [person_id])
    password = f"Pw-{uuid.uuid4().hex}"
    activate(identity, slip.code, password)
    return stack.password_token(slip.username, password)


def form_teacher(identity, school, class_id: str) -> tuple[pb.CreatePersonResponse, str]:
    teacher = identity.call("CreatePerson", pb.CreatePersonRequest(
        school_id=school.id, kind=pb.STAFF, name=pb.PersonName(last_name="Классная", first_name="Инна"),
        roles=["form_teacher"], create_account=True), school.admin_token)
    identity.call("AssignFormTeacher", pb.AssignFormTeacherRequest(
        school_id=school.id, class_group_id=class_id, person_id=teacher.person.id), school.admin_token)
    return teacher, staff_login(identity, teacher)


def test_a_guardian_is_asked_once_for_the_current_text_and_every_decision_is_kept(identity, school):
    pupil, mother = family(identity, school, str(uuid.uuid4()))
    token = login_of(identity, school, mother.id)
    status = identity.call("GetConsent", pb.GetConsentRequest(), token)
    assert status.version == CURRENT_VERSION
    [asked] = status.pending
    assert (asked.school_id, list(asked.person_ids)) == (school.id, [mother.id])
    assert school.onboarded.school.name in asked.text and "152-ФЗ" in asked.text

    code, message, fields = refused(identity, "RecordConsent", pb.RecordConsentRequest(version="2000-1", accept=True),
                                    token)
    assert (code, fields) == (grpc.StatusCode.FAILED_PRECONDITION, {"version": "не текущая редакция"})
    declined = identity.call("RecordConsent", pb.RecordConsentRequest(version=CURRENT_VERSION), token)
    assert (list(declined.school_ids), declined.decision) == ([school.id], "declined")
    assert len(identity.call("GetConsent", pb.GetConsentRequest(), token).pending) == 1  # asked again next time
    assert card(identity, school, mother.id).consent.decision == "declined"
    accepted = identity.call("RecordConsent", pb.RecordConsentRequest(version=CURRENT_VERSION, accept=True), token)
    assert accepted.decision == "accepted"
    assert list(identity.call("GetConsent", pb.GetConsentRequest(), token).pending) == []
    again = identity.call("RecordConsent", pb.RecordConsentRequest(version=CURRENT_VERSION, accept=True), token)
    assert list(again.school_ids) == []  # nothing waits: nothing recorded

    state = card(identity, school, mother.id).consent
    assert (state.version, state.decision, state.current) == (CURRENT_VERSION, "accepted", True)
    assert card(identity, school, pupil.id).consent == pb.ConsentState()  # a minor is not asked
    with identity.db.tenant_session(school.id) as session:
        rows = session.execute(select(consents).order_by(consents.c.id)).all()
    assert [(r.person_id, r.decision, r.version) for r in rows] == [
        (mother.id, "declined", CURRENT_VERSION), (mother.id, "accepted", CURRENT_VERSION)]
    assert rows[0].text_sha256 == rows[1].text_sha256 and len(rows[0].text_sha256) == 64
    assert rows[0].client_address == identity.client_address
    assert [(e.person_id, e.decision) for e in events(identity, school, pb.ConsentRecorded)] == [
        (mother.id, "declined"), (mother.id, "accepted")]
    for statement in ("UPDATE consents SET decision = 'accepted'", "DELETE FROM consents"):  # append-only
        with pytest.raises(ProgrammingError, match="permission denied"), identity.db.tenant_session(school.id) as s:
            s.execute(text(statement))


def test_an_adult_student_is_asked_and_staff_are_not(identity, school):
    eighteen = dt.date.today().replace(year=dt.date.today().year - 18) - dt.timedelta(days=1)
    adult, _ = family(identity, school, str(uuid.uuid4()), eighteen.isoformat())
    token = login_of(identity, school, adult.id)
    assert [list(p.person_ids) for p in identity.call("GetConsent", pb.GetConsentRequest(), token).pending] == [
        [adult.id]]
    minor, _ = family(identity, school, str(uuid.uuid4()))
    assert list(identity.call("GetConsent", pb.GetConsentRequest(), login_of(identity, school, minor.id)).pending) == []
    assert list(identity.call("GetConsent", pb.GetConsentRequest(), school.admin_token).pending) == []
    assert list(identity.call("GetConsent", pb.GetConsentRequest(), stack.service_token()).pending) == []


def test_a_gosuslugi_only_school_issues_no_codes_to_guardians(identity, school):
    class_id = str(uuid.uuid4())
    pupil, mother = family(identity, school, class_id)
    [early] = issue(identity, school, school.admin_token, [mother.id])  # issued before the school decided
    teacher, teacher_token = form_teacher(identity, school, class_id)
    assert refused(identity, "SetGuardianAccess", pb.SetGuardianAccessRequest(
        school_id=school.id, gosuslugi_only=True), teacher_token)[0] == grpc.StatusCode.PERMISSION_DENIED
    set_on = identity.call("SetGuardianAccess", pb.SetGuardianAccessRequest(school_id=school.id, gosuslugi_only=True),
                           school.admin_token)
    assert set_on.guardians_gosuslugi_only
    assert events(identity, school, pb.SchoolUpdated)[-1].school.guardians_gosuslugi_only

    answer = identity.call("IssueActivation", pb.IssueActivationRequest(school_id=school.id, class_group_id=class_id),
                           teacher_token)
    assert [s.person_id for s in answer.slips] == [pupil.id] and answer.gosuslugi_only
    assert [(s.person_id, s.full_name) for s in answer.gosuslugi_slips] == [(mother.id, "Семьёва-мама Тест")]
    code, message, fields = refused(identity, "IssueActivation", pb.IssueActivationRequest(
        school_id=school.id, person_ids=[mother.id]), school.admin_token)
    assert code == grpc.StatusCode.FAILED_PRECONDITION and "только через Госуслуги" in message
    assert fields == {"person_ids": "родители входят только через Госуслуги"}
    code, message, _ = refused(identity, "ActivateAccount", pb.ActivateAccountRequest(
        code=early.code, password=f"Pw-{uuid.uuid4().hex}"), stack.service_token())
    assert code == grpc.StatusCode.FAILED_PRECONDITION and "Код не подходит" in message  # dropped when set on
    assert card(identity, school, mother.id).access == "none"

    identity.call("SetGuardianAccess", pb.SetGuardianAccessRequest(school_id=school.id), school.admin_token)
    assert [s.person_id for s in issue(identity, school, school.admin_token, [mother.id])] == [mother.id]


def test_a_printed_diary_is_asked_for_and_listed_with_the_class_families(identity, school, other_school):
    year = identity.class_groups.year(school.id, dt.date(2025, 9, 1))
    class_id = identity.class_groups.add_class(school.id, year, 5, "5А").id
    pupil, mother = family(identity, school, class_id)
    _, father = family(identity, school, str(uuid.uuid4()))  # a guardian of another class
    teacher, teacher_token = form_teacher(identity, school, class_id)
    wanted = identity.call("SetPaperDiary", pb.SetPaperDiaryRequest(school_id=school.id, person_id=mother.id,
                                                                    wanted=True), teacher_token)
    assert wanted.paper_diary
    identity.call("SetPaperDiary", pb.SetPaperDiaryRequest(school_id=school.id, person_id=mother.id, wanted=True),
                  teacher_token)  # the same wish again: nothing new
    assert [(e.guardian_id, e.wanted) for e in events(identity, school, pb.PaperDiarySet)] == [(mother.id, True)]
    for request, token, code in (
            (pb.SetPaperDiaryRequest(school_id=school.id, person_id=father.id, wanted=True), teacher_token,
             grpc.StatusCode.PERMISSION_DENIED),
            (pb.SetPaperDiaryRequest(school_id=school.id, person_id=pupil.id, wanted=True), school.admin_token,
             grpc.StatusCode.INVALID_ARGUMENT),
            (pb.SetPaperDiaryRequest(school_id=other_school.id, person_id=mother.id, wanted=True),
             other_school.admin_token, grpc.StatusCode.NOT_FOUND)):
        assert refused(identity, "SetPaperDiary", request, token)[0] == code
    mother_token = login_of(identity, school, mother.id)
    assert not identity.call("SetPaperDiary", pb.SetPaperDiaryRequest(school_id=school.id, person_id=mother.id),
                             mother_token).paper_diary
    identity.call("SetPaperDiary", pb.SetPaperDiaryRequest(school_id=school.id, person_id=mother.id, wanted=True),
                  school.admin_token)

    [listed] = identity.call("ListClassFamilies", pb.ListClassFamiliesRequest(
        school_id=school.id, class_group_id=class_id), teacher_token).families
    assert listed.student.id == pupil.id
    [guardian] = listed.guardians
    assert (guardian.guardian.id, guardian.relation, guardian.guardian.paper_diary, guardian.guardian.access) == (
        mother.id, "mother", True, "activated")
    assert refused(identity, "ListClassFamilies", pb.ListClassFamiliesRequest(
        school_id=other_school.id, class_group_id=class_id), other_school.admin_token)[0] == \
        grpc.StatusCode.INVALID_ARGUMENT  # not a class of that school
    assert refused(identity, "ListClassFamilies", pb.ListClassFamiliesRequest(
        school_id=school.id, class_group_id=class_id), mother_token)[0] == grpc.StatusCode.PERMISSION_DENIED
    missing = str(uuid.uuid4())  # schedule knows no such class of the school
    code, _, fields = refused(identity, "ListClassFamilies", pb.ListClassFamiliesRequest(
        school_id=school.id, class_group_id=missing), school.admin_token)
    assert (code, list(fields)) == (grpc.StatusCode.INVALID_ARGUMENT, ["class_group_id"])
