"""Corrections of a person and the personal record on the real PostgreSQL: the old values kept with the reason
(append-only), the audit entry and the event, who may correct, and the record with memberships, orders and
corrections."""
import datetime as dt
import json

import grpc
import pytest
from sqlalchemy import text

from proto.identity.v1 import identity_pb2 as pb
from tests.integration.identity.conftest import staff_login
from tests.integration.identity.test_movement_register import add_class, events, sign, student
from tests.integration.identity.test_movement_register import school as register_school
from tests.support.grpc_harness import rpc_error

pytestmark = pytest.mark.stack
school = register_school


def correct(identity, school, token, person_id, **fields):
    return identity.call("CorrectPerson", pb.CorrectPersonRequest(school_id=school.id, person_id=person_id,
                                                                  **fields), token)


def staff(identity, school, roles):
    created = identity.call("CreatePerson", pb.CreatePersonRequest(
        school_id=school.id, kind=pb.STAFF, name=pb.PersonName(last_name="Сотрудница", first_name="Анна"),
        roles=roles, create_account=True), school.admin_token)
    return created.person, staff_login(identity, created)


def test_a_correction_keeps_the_old_values_and_the_record_shows_everything(identity, school):
    fifth, other = (add_class(identity, school, school.this_year, 5, name) for name in ("5А", "5Б"))
    anna = student(identity, school, fifth, "Иванова")
    secretary, secretary_token = staff(identity, school, ["secretary"])
    corrected = correct(identity, school, secretary_token, anna.id, reason="смена фамилии",
                        name=pb.PersonName(last_name="Петрова", first_name="Анна"), birth_date="2014-03-02")
    assert (corrected.name.last_name, corrected.birth_date) == ("Петрова", "2014-03-02")
    [event] = events(identity, school, pb.PersonCorrected)
    assert [(c.field, c.old_value, c.new_value, c.reason, c.corrected_by) for c in event.corrections] == [
        ("last_name", "Иванова", "Петрова", "смена фамилии", secretary.id),
        ("birth_date", "2014-03-01", "2014-03-02", "смена фамилии", secretary.id)]
    with pytest.raises(grpc.RpcError) as refused:  # a reason is required
        correct(identity, school, secretary_token, anna.id, gender="male")
    assert rpc_error(refused)[2].keys() == {"reason"}
    order = sign(identity, school, pb.TRANSFER, school.this_year.start + dt.timedelta(days=20),
                 pb.OrderLine(student_id=anna.id, to_class_group_id=other))
    record = identity.call("GetPersonalRecord", pb.GetPersonalRecordRequest(school_id=school.id, person_id=anna.id),
                           secretary_token)
    assert record.person.name.last_name == "Петрова" and len(record.person.memberships) == 2
    assert [o.id for o in record.orders] == [order.id] and list(record.corrections) == list(event.corrections)
    with identity.db.tenant_session(school.id) as session:  # append-only for the app role (migrate's grants)
        with pytest.raises(Exception, match="permission denied"):
            session.execute(text("DELETE FROM person_corrections"))


def test_a_form_teacher_corrects_the_students_of_their_class_only(identity, school):
    fifth, other = (add_class(identity, school, school.this_year, 5, name) for name in ("5А", "5Б"))
    own, stranger = student(identity, school, fifth, "Своя"), student(identity, school, other, "Чужая")
    teacher, token = staff(identity, school, ["form_teacher"])
    identity.call("AssignFormTeacher", pb.AssignFormTeacherRequest(
        school_id=school.id, class_group_id=fifth, person_id=teacher.id), school.admin_token)
    assert correct(identity, school, token, own.id, gender="male", reason="опечатка").gender == "male"
    with pytest.raises(grpc.RpcError) as refused:
        correct(identity, school, token, stranger.id, gender="male", reason="опечатка")
    assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED
    assert [e.action for e in identity.call("ListAuditLog", pb.ListAuditLogRequest(
        school_id=school.id, limit=50), school.admin_token).entries].count("person.correct") == 1


def test_the_record_is_read_by_the_register_keepers_and_the_students_form_teacher(identity, school):
    fifth, other = (add_class(identity, school, school.this_year, 5, name) for name in ("5А", "5Б"))
    own, stranger = student(identity, school, fifth, "Своя"), student(identity, school, other, "Чужая")
    teacher, token = staff(identity, school, ["form_teacher", "subject_teacher"])
    identity.call("AssignFormTeacher", pb.AssignFormTeacherRequest(
        school_id=school.id, class_group_id=fifth, person_id=teacher.id), school.admin_token)
    _, secretary = staff(identity, school, ["secretary"])
    _, subject_teacher = staff(identity, school, ["subject_teacher"])

    def record(token, person_id) -> pb.PersonalRecord:
        return identity.call("GetPersonalRecord", pb.GetPersonalRecordRequest(school_id=school.id,
                                                                              person_id=person_id), token)

    assert record(token, own.id).person.id == own.id and record(secretary, stranger.id).person.id == stranger.id
    for reader, person_id in ((token, stranger.id), (subject_teacher, own.id)):
        with pytest.raises(grpc.RpcError) as refused:
            record(reader, person_id)
        assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED
    with pytest.raises(grpc.RpcError) as refused:  # the register is the secretary's and the managers'
        identity.call("ListOrders", pb.ListOrdersRequest(school_id=school.id), subject_teacher)
    assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED


def test_nobody_of_another_school_corrects(identity, school, other_school):
    anna = student(identity, school, add_class(identity, school, school.this_year, 5, "5А"))
    with pytest.raises(grpc.RpcError) as refused:
        correct(identity, other_school, other_school.admin_token, anna.id, gender="male", reason="опечатка")
    assert refused.value.code() == grpc.StatusCode.NOT_FOUND


def test_the_school_administrator_reads_a_record_only_with_a_reason_kept_in_the_audit_log(identity, school):
    """Outside the ordinary duties (the register keepers', the form teacher's): a reason, or INVALID_ARGUMENT; the
    reading with its reason, reader and address in the audit log. The secretary's readings are not asked nor logged."""
    anna = student(identity, school, add_class(identity, school, school.this_year, 5, "5А"), "Причинная")
    _, secretary = staff(identity, school, ["secretary"])

    def record(token, reason=""):
        return identity.call("GetPersonalRecord", pb.GetPersonalRecordRequest(
            school_id=school.id, person_id=anna.id, reason=reason), token)

    def readings():
        entries = identity.call("ListAuditLog", pb.ListAuditLogRequest(school_id=school.id, limit=100),
                                school.admin_token).entries
        return [(e.actor_username, json.loads(e.details_json)) for e in entries
                if e.action == "person.record.read" and e.object_id == anna.id]

    for reason, said in (("", "только с указанием причины"), ("   ", "только с указанием причины"),
                         ("x" * 501, "Причина слишком длинная")):
        with pytest.raises(grpc.RpcError) as refused:
            record(school.admin_token, reason)
        code, message, fields = rpc_error(refused)
        assert code == grpc.StatusCode.INVALID_ARGUMENT and fields.keys() == {"reason"} and said in message
    assert readings() == []
    assert record(school.admin_token, " жалоба родителя от 01.12 ").person.id == anna.id
    [(reader, details)] = readings()
    assert details == {"reason": "жалоба родителя от 01.12"} and reader
    assert record(secretary).person.id == anna.id and len(readings()) == 1
