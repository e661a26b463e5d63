"""Who the caller is: in one school (GetPrincipal, which every other service asks, read from identity's own tables
by the scope's PrincipalSource) and in every school where they have a record (GetMe)."""
from proto.identity.v1 import identity_pb2 as pb
from services.common.context import Caller
from services.common.scope import Scope
from services.identity.adapters.protobuf import principal_message, school_message
from services.identity.domain.person import PersonName
from services.identity.service_layer.ports import Directory, UnitsOfWork


def get_principal(scope: Scope) -> pb.Principal:
    return principal_message(scope.principal)


def get_me(uows: UnitsOfWork, directory: Directory, caller: Caller) -> pb.Me:
    me = pb.Me(subject=caller.subject, username=caller.username, realm_roles=sorted(caller.realm_roles))
    for school_id in directory.schools_of(caller.subject):
        with uows(school_id) as uow:
            school = uow.schools.row()
            principal = uow.principal_of(caller.subject)
            person = uow.people.row(principal.person_id)
        full_name = PersonName(person.last_name, person.first_name, person.middle_name).full
        me.memberships.add(school=school_message(school), principal=principal_message(principal), full_name=full_name)
    me.memberships.sort(key=lambda m: m.school.short_name)
    return me
