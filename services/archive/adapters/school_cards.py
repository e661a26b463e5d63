"""The school's card and the signing director's name from the identity service, asked on the archive's own behalf
(a service token)."""
from proto.identity.v1 import identity_pb2
from services.archive.adapters.bagit_package import SchoolCard
from services.common.auth import ServiceTokens
from services.common.grpc_client import Peer


class IdentitySchools:
    def __init__(self, identity: Peer, tokens: ServiceTokens):
        self.identity = identity
        self.tokens = tokens

    def card(self, school_id: str) -> SchoolCard:
        school = self.identity.call("GetSchool", identity_pb2.GetSchoolRequest(school_id=school_id),
                                    token=self.tokens.token())
        return SchoolCard(id=school.id, full_name=school.name, short_name=school.short_name, inn=school.details.inn,
                          ogrn=school.details.ogrn, address=school.details.address)

    def person_name(self, school_id: str, person_id: str) -> str:
        person = self.identity.call("GetPerson", identity_pb2.GetPersonRequest(school_id=school_id,
                                                                               person_id=person_id),
                                    token=self.tokens.token())
        return " ".join(part for part in (person.name.last_name, person.name.first_name, person.name.middle_name)
                        if part)
