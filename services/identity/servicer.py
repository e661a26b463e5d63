"""gRPC IdentityService: protobuf in, a handler call, protobuf out."""
from concurrent.futures import ThreadPoolExecutor

from proto.identity.v1 import identity_pb2 as pb
from proto.identity.v1 import identity_pb2_grpc
from services.common.context import current_caller
from services.common.db import Database
from services.common.errors import Invalid
from services.common.outbox import Outbox
from services.identity import activation_handler, handlers, import_handler, match_handler, schools_handler
from services.identity.activation import CodeKey
from services.identity.domain import Contacts, PersonName, StaffCard
from services.identity.keycloak_accounts import KeycloakAccounts
from services.identity.school_card import card_from


def _name(message: pb.PersonName) -> PersonName:
    return PersonName(message.last_name, message.first_name, message.middle_name)


def _staff(message: pb.StaffCard) -> StaffCard:
    return StaffCard.cleaned(position=message.position, qualification_category=message.qualification_category,
                             functions=message.functions, diploma_specialty=message.diploma_specialty)


def _contacts(message: pb.Contacts) -> Contacts:
    return Contacts.cleaned(phone=message.phone, email=message.email, address=message.address)


def _kind(value: int) -> str:
    """'staff' | 'student' | 'guardian', or '' when unspecified."""
    if value not in pb.PersonKind.values():
        raise Invalid("kind", "неизвестный вид записи")
    return pb.PersonKind.Name(value).lower() if value else ""

SERVICE = pb.DESCRIPTOR.services_by_name["IdentityService"].full_name
# called without a user token (the gateway's public activation page): the activation code is the secret
PUBLIC_METHODS = frozenset({f"/{SERVICE}/ActivateAccount"})


class IdentityServicer(identity_pb2_grpc.IdentityServiceServicer):
    def __init__(self, db: Database, outbox: Outbox, accounts: KeycloakAccounts, class_groups, code_key: CodeKey):
        self.db = db
        self.outbox = outbox
        self.accounts = accounts
        self.code_key = code_key
        self.class_groups = class_groups
        self.import_jobs = ThreadPoolExecutor(max_workers=2, thread_name_prefix="import")  # StartPeopleImport

    def OnboardSchool(self, request: pb.OnboardSchoolRequest, context) -> pb.OnboardSchoolResponse:
        card = card_from(request.name, request.short_name, request.details)
        return handlers.onboard_school(self.db, self.outbox, self.accounts, self.code_key, current_caller(), card,
                                       _name(request.admin_name), request.admin_email)

    def ListSchools(self, request: pb.ListSchoolsRequest, context) -> pb.ListSchoolsResponse:
        return pb.ListSchoolsResponse(schools=handlers.list_schools(self.db, current_caller()))

    def CreatePerson(self, request: pb.CreatePersonRequest, context) -> pb.CreatePersonResponse:
        return handlers.create_person(
            self.db, self.outbox, self.class_groups, self.code_key, current_caller(), request.school_id,
            _kind(request.kind), _name(request.name), request.gender, request.birth_date, request.snils,
            list(request.roles), request.class_group_id, request.create_account, _staff(request.staff),
            _contacts(request.contacts))

    def GetPerson(self, request: pb.GetPersonRequest, context) -> pb.Person:
        return handlers.get_person(self.db, current_caller(), request.school_id, request.person_id)

    def ListPeople(self, request: pb.ListPeopleRequest, context) -> pb.ListPeopleResponse:
        return pb.ListPeopleResponse(people=handlers.list_people(
            self.db, current_caller(), request.school_id, _kind(request.kind), request.class_group_id))

    def LinkGuardian(self, request: pb.LinkGuardianRequest, context) -> pb.LinkGuardianResponse:
        handlers.link_guardian(self.db, self.outbox, current_caller(), request.school_id, request.guardian_id,
                               request.student_id, request.relation)
        return pb.LinkGuardianResponse()

    def LinkFederatedAccount(self, request: pb.LinkFederatedAccountRequest, context) -> pb.LinkFederatedAccountResponse:
        return pb.LinkFederatedAccountResponse(guardians=match_handler.link_or_match(
            self.db, self.outbox, self.accounts, current_caller()))

    def GetPrincipal(self, request: pb.GetPrincipalRequest, context) -> pb.Principal:
        return handlers.get_principal(self.db, current_caller(), request.school_id)

    def GetMe(self, request: pb.GetMeRequest, context) -> pb.Me:
        return handlers.get_me(self.db, current_caller())

    def ListAuditLog(self, request: pb.ListAuditLogRequest, context) -> pb.ListAuditLogResponse:
        return handlers.list_audit_log(self.db, current_caller(), request.school_id, request.limit, request.before)

    def ImportPeople(self, request: pb.ImportPeopleRequest, context) -> pb.ImportPeopleResponse:
        return import_handler.import_people(self.db, self.outbox, self.class_groups, current_caller(),
                                            request.school_id, request.filename, request.content, request.dry_run)

    def ReportCompromised(self, request: pb.ReportCompromisedRequest, context) -> pb.ReportCompromisedResponse:
        return handlers.report_compromised(self.db, self.outbox, self.accounts, current_caller(), request.school_id,
                                           request.person_id)

    def AssignFormTeacher(self, request: pb.AssignFormTeacherRequest, context) -> pb.AssignFormTeacherResponse:
        handlers.assign_form_teacher(self.db, self.outbox, self.class_groups, current_caller(), request.school_id,
                                     request.class_group_id, request.person_id)
        return pb.AssignFormTeacherResponse()

    def GetSchool(self, request: pb.GetSchoolRequest, context) -> pb.School:
        return schools_handler.get_school(self.db, current_caller(), request.school_id)

    def UpdateSchool(self, request: pb.UpdateSchoolRequest, context) -> pb.School:
        return schools_handler.update_school(self.db, self.outbox, current_caller(), request.school_id,
                                             card_from(request.name, request.short_name, request.details))

    def SetSchoolStatus(self, request: pb.SetSchoolStatusRequest, context) -> pb.School:
        return schools_handler.set_school_status(self.db, self.outbox, current_caller(), request.school_id,
                                                 request.status)

    def IssueActivation(self, request: pb.IssueActivationRequest, context) -> pb.IssueActivationResponse:
        return activation_handler.issue_activation(self.db, self.code_key, current_caller(), request.school_id,
                                                   list(request.person_ids), request.class_group_id)

    def ActivateAccount(self, request: pb.ActivateAccountRequest, context) -> pb.ActivateAccountResponse:
        return activation_handler.activate_account(self.db, self.outbox, self.accounts, self.code_key, request.code,
                                                   request.password)

    def ListPendingMatches(self, request: pb.ListPendingMatchesRequest, context) -> pb.ListPendingMatchesResponse:
        return pb.ListPendingMatchesResponse(matches=match_handler.list_pending_matches(
            self.db, current_caller(), request.school_id))

    def DecideMatch(self, request: pb.DecideMatchRequest, context) -> pb.PendingMatch:
        return match_handler.decide_match(self.db, self.outbox, self.accounts, current_caller(), request.school_id,
                                          request.match_id, request.confirm)

    def ClaimActivation(self, request: pb.ClaimActivationRequest, context) -> pb.ActivateAccountResponse:
        return activation_handler.claim_activation(self.db, self.outbox, self.accounts, self.code_key,
                                                   current_caller(), request.code)

    def UpdateStaffCard(self, request: pb.UpdateStaffCardRequest, context) -> pb.Person:
        return handlers.update_staff_card(self.db, self.outbox, current_caller(), request.school_id, request.person_id,
                                          _staff(request.staff))

    def SetStaffRoles(self, request: pb.SetStaffRolesRequest, context) -> pb.Person:
        return handlers.set_staff_roles(self.db, self.outbox, current_caller(), request.school_id, request.person_id,
                                        list(request.roles))

    def SetContactFields(self, request: pb.SetContactFieldsRequest, context) -> pb.School:
        return schools_handler.set_contact_fields(self.db, self.outbox, current_caller(), request.school_id,
                                                  list(request.fields))

    def UpdateContacts(self, request: pb.UpdateContactsRequest, context) -> pb.Person:
        return handlers.update_contacts(self.db, self.outbox, current_caller(), request.school_id, request.person_id,
                                        _contacts(request.contacts))

    def StartPeopleImport(self, request: pb.ImportPeopleRequest, context) -> pb.ImportJob:
        return import_handler.start_import(self.db, self.outbox, self.class_groups, self.import_jobs, current_caller(),
                                           request.school_id, request.filename, request.content, request.dry_run)

    def GetImportJob(self, request: pb.GetImportJobRequest, context) -> pb.ImportJob:
        return import_handler.get_import_job(self.db, current_caller(), request.school_id, request.job_id)
