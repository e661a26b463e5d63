"""RecordSignIn: the gateway's login callback tells identity that the caller signed in; every school where the caller
has a role keeps a sign_ins row and publishes PersonSignedIn in the same transaction (the weekly user-activity
report counts them). Service accounts and the authority operator have no school: nothing is recorded for them."""
import datetime as dt

from proto.identity.v1 import identity_pb2 as pb
from services.common.context import Caller
from services.common.policy import OPERATOR
from services.identity.domain.person import PersonName
from services.identity.service_layer.ports import Directory, UnitsOfWork


def record_sign_in(uows: UnitsOfWork, directory: Directory, caller: Caller, now: dt.datetime) -> list[str]:
    """The schools where the sign-in was recorded."""
    if caller.is_service or OPERATOR in caller.realm_roles:
        return []
    recorded = []
    for school_id in directory.schools_of(caller.subject):
        with uows(school_id) as uow:
            principal = uow.principal_of(caller.subject)
            if not principal.roles:
                continue
            person = uow.people.row(principal.person_id)
            uow.sign_ins.add(principal.person_id, caller.subject, now)
            uow.publish(pb.PersonSignedIn(
                school_id=school_id, person_id=principal.person_id, subject=caller.subject,
                signed_in_at=now.isoformat(), roles=sorted(principal.roles),
                full_name=PersonName(person.last_name, person.first_name, person.middle_name).full))
        recorded.append(school_id)
    return sorted(recorded)
