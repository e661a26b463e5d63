"""gRPC IdentityService: protobuf in, a command to the service layer with the call's scope and unit of work,
protobuf out."""
import datetime as dt
from collections.abc import Callable

from proto.identity.v1 import identity_pb2 as pb
from proto.identity.v1 import identity_pb2_grpc
from services.common.context import current_caller
from services.common.dates import parse_date
from services.common.errors import Invalid
from services.common.scope import Scope
from services.identity.domain.contacts import Contacts
from services.identity.domain.movement_order import Debt, Line
from services.identity.domain.movement_policy import KEYS as MOVEMENT_POLICY_KEYS
from services.identity.domain.person import PersonName
from services.identity.domain.school_card import DETAILS, SchoolCard
from services.identity.domain.staff_card import StaffCard
from services.identity.domain.year_transition import Decision
from services.identity.service_layer import (
    activation,
    audit_log,
    consents,
    families,
    federated_accounts,
    import_jobs,
    movement_orders,
    movement_policy,
    pending_matches,
    people,
    people_import,
    personal_records,
    principals,
    schools,
    sign_ins,
    year_transitions,
)
from services.identity.service_layer.ports import Ports, UnitsOfWork
from services.identity.service_layer.unit_of_work import IdentityUnitOfWork


def _name(message: pb.PersonName) -> PersonName:
    return PersonName(message.last_name, message.first_name, message.middle_name)


def _staff(message: pb.StaffCard) -> StaffCard:
    return StaffCard.cleaned(position=message.position, qualification_category=message.qualification_category,
                             functions=message.functions, diploma_specialty=message.diploma_specialty)


def _contacts(message: pb.Contacts) -> Contacts:
    return Contacts.cleaned(phone=message.phone, email=message.email, address=message.address)


def _card(name: str, short_name: str, details: pb.SchoolDetails) -> SchoolCard:
    return SchoolCard.cleaned(name=name, short_name=short_name, **{field: getattr(details, field) for field in DETAILS})


def _kind(value: int) -> str:
    """'staff' | 'student' | 'guardian', or '' when unspecified."""
    if value not in pb.PersonKind.values():
        raise Invalid("kind", "неизвестный вид записи")
    return pb.PersonKind.Name(value).lower() if value else ""


def _debts(debts, field: str) -> tuple[Debt, ...]:
    """Academic debts as asked (field: "lines[0]"): each needs its subject and a valid deadline."""
    def debt(j: int, d: pb.AcademicDebt) -> Debt:
        if not d.subject_id:
            raise Invalid(f"{field}.debts[{j}].subject_id", "укажите предмет")
        return Debt(d.subject_id, d.subject_name, parse_date(d.deadline, f"{field}.debts[{j}].deadline"))
    return tuple(debt(j, d) for j, d in enumerate(debts))


def _lines(lines) -> list[Line]:
    return [Line(line.student_id, line.to_class_group_id, _debts(line.debts, f"lines[{i}]"), line.document,
                 line.destination) for i, line in enumerate(lines)]


def _transition(request: pb.YearTransitionRequest) -> year_transitions.TransitionAsked:
    decisions = [Decision(d.student_id, d.outcome, _debts(d.debts, f"decisions[{i}]"), d.document)
                 for i, d in enumerate(request.decisions)]
    new_classes = [(c.grade, c.name.strip()) for c in request.new_classes] or None
    return year_transitions.TransitionAsked(request.source_year_id, request.name, decisions, new_classes,
                                            request.order_date)


SERVICE = pb.DESCRIPTOR.services_by_name["IdentityService"].full_name
# called without a user token (the gateway's public activation page): the activation code is the secret
PUBLIC_METHODS = frozenset({f"/{SERVICE}/ActivateAccount"})


class IdentityServicer(identity_pb2_grpc.IdentityServiceServicer):
    def __init__(self, unit_of_work: Callable[[Scope], IdentityUnitOfWork], units_of_work: UnitsOfWork, ports: Ports,
                 scope: Callable[[], Scope]):
        self.uow, self.uows, self.ports, self.scope = unit_of_work, units_of_work, ports, scope

    def _call(self) -> tuple[Scope, IdentityUnitOfWork]:
        """The call's scope and a new unit of work of its school."""
        scope = self.scope()
        return scope, self.uow(scope)

    def OnboardSchool(self, request: pb.OnboardSchoolRequest, context) -> pb.OnboardSchoolResponse:
        card = _card(request.name, request.short_name, request.details)
        return schools.onboard_school(self.uows, self.ports.accounts, self.ports.code_key,
                                      current_caller(), card, _name(request.admin_name), request.admin_email)

    def ListSchools(self, request: pb.ListSchoolsRequest, context) -> pb.ListSchoolsResponse:
        return pb.ListSchoolsResponse(schools=schools.list_schools(self.ports.directory, current_caller()))

    def CreatePerson(self, request: pb.CreatePersonRequest, context) -> pb.CreatePersonResponse:
        return people.create_person(
            *self._call(), self.ports.class_groups, self.ports.code_key, _kind(request.kind),
            _name(request.name), request.gender, request.birth_date, request.snils, list(request.roles),
            request.class_group_id, request.create_account, _staff(request.staff), _contacts(request.contacts))

    def GetPerson(self, request: pb.GetPersonRequest, context) -> pb.Person:
        return people.get_person(*self._call(), request.person_id)

    def ListPeople(self, request: pb.ListPeopleRequest, context) -> pb.ListPeopleResponse:
        return pb.ListPeopleResponse(people=people.list_people(*self._call(), _kind(request.kind),
                                                               request.class_group_id, request.on_date))

    def LinkGuardian(self, request: pb.LinkGuardianRequest, context) -> pb.LinkGuardianResponse:
        people.link_guardian(*self._call(), request.guardian_id, request.student_id, request.relation)
        return pb.LinkGuardianResponse()

    def LinkFederatedAccount(self, request: pb.LinkFederatedAccountRequest, context) -> pb.LinkFederatedAccountResponse:
        return pb.LinkFederatedAccountResponse(guardians=federated_accounts.link_or_match(
            self.uows, self.ports.directory, self.ports.accounts, current_caller()))

    def GetPrincipal(self, request: pb.GetPrincipalRequest, context) -> pb.Principal:
        return principals.get_principal(self.scope())

    def GetMe(self, request: pb.GetMeRequest, context) -> pb.Me:
        return principals.get_me(self.uows, self.ports.directory, current_caller())

    def ListAuditLog(self, request: pb.ListAuditLogRequest, context) -> pb.ListAuditLogResponse:
        return audit_log.list_audit_log(*self._call(), request.limit, request.before)

    def ImportPeople(self, request: pb.ImportPeopleRequest, context) -> pb.ImportPeopleResponse:
        return people_import.import_people(*self._call(), self.ports.class_groups, request.filename,
                                           request.content, request.dry_run)

    def ReportCompromised(self, request: pb.ReportCompromisedRequest, context) -> pb.ReportCompromisedResponse:
        return audit_log.report_compromised(self._call()[1], self.ports.accounts, current_caller(),
                                            request.person_id)

    def AssignFormTeacher(self, request: pb.AssignFormTeacherRequest, context) -> pb.AssignFormTeacherResponse:
        people.assign_form_teacher(*self._call(), self.ports.class_groups, request.class_group_id,
                                   request.person_id)
        return pb.AssignFormTeacherResponse()

    def GetSchool(self, request: pb.GetSchoolRequest, context) -> pb.School:
        return schools.get_school(*self._call(), current_caller())

    def UpdateSchool(self, request: pb.UpdateSchoolRequest, context) -> pb.School:
        return schools.update_school(*self._call(), current_caller(),
                                     _card(request.name, request.short_name, request.details))

    def SetSchoolStatus(self, request: pb.SetSchoolStatusRequest, context) -> pb.School:
        return schools.set_school_status(self._call()[1], current_caller(), request.status)

    def IssueActivation(self, request: pb.IssueActivationRequest, context) -> pb.IssueActivationResponse:
        return activation.issue_activation(*self._call(), self.ports.directory, self.ports.code_key,
                                           list(request.person_ids), request.class_group_id)

    def ActivateAccount(self, request: pb.ActivateAccountRequest, context) -> pb.ActivateAccountResponse:
        return activation.activate_account(self.uows, self.ports.directory, self.ports.accounts,
                                           self.ports.code_key, request.code, request.password)

    def ListPendingMatches(self, request: pb.ListPendingMatchesRequest, context) -> pb.ListPendingMatchesResponse:
        return pb.ListPendingMatchesResponse(matches=pending_matches.list_pending_matches(*self._call()))

    def DecideMatch(self, request: pb.DecideMatchRequest, context) -> pb.PendingMatch:
        return pending_matches.decide_match(*self._call(), self.ports.accounts, request.match_id, request.confirm)

    def ClaimActivation(self, request: pb.ClaimActivationRequest, context) -> pb.ActivateAccountResponse:
        return activation.claim_activation(self.uows, self.ports.directory, self.ports.accounts,
                                           self.ports.code_key, current_caller(), request.code)

    def UpdateStaffCard(self, request: pb.UpdateStaffCardRequest, context) -> pb.Person:
        return people.update_staff_card(*self._call(), request.person_id, _staff(request.staff))

    def SetStaffRoles(self, request: pb.SetStaffRolesRequest, context) -> pb.Person:
        return people.set_staff_roles(*self._call(), request.person_id, list(request.roles))

    def SetContactFields(self, request: pb.SetContactFieldsRequest, context) -> pb.School:
        return schools.set_contact_fields(*self._call(), current_caller(), list(request.fields))

    def UpdateContacts(self, request: pb.UpdateContactsRequest, context) -> pb.Person:
        return people.update_contacts(*self._call(), request.person_id, _contacts(request.contacts))

    def StartPeopleImport(self, request: pb.ImportPeopleRequest, context) -> pb.ImportJob:
        return import_jobs.start_import(self.scope(), self.uows, self.ports.principals,
                                        self.ports.class_groups, self.ports.import_jobs, request.filename,
                                        request.content, request.dry_run)

    def GetImportJob(self, request: pb.GetImportJobRequest, context) -> pb.ImportJob:
        return import_jobs.get_import_job(*self._call(), request.job_id)

    def SignOrder(self, request: pb.SignOrderRequest, context) -> pb.MovementOrder:
        return movement_orders.sign_order(
            *self._call(), self.ports.class_groups, movement_orders.kind_of(request.kind), request.number,
            request.order_date, request.effective_date, request.reason, _lines(request.lines), request.cancels_order_id)

    def GetOrder(self, request: pb.GetOrderRequest, context) -> pb.MovementOrder:
        return movement_orders.get_order(*self._call(), request.order_id)

    def ListOrders(self, request: pb.ListOrdersRequest, context) -> pb.ListOrdersResponse:
        return pb.ListOrdersResponse(orders=movement_orders.list_orders(*self._call(), request.academic_year_id,
                                                                        request.student_id))

    def PreviewYearTransition(self, request: pb.YearTransitionRequest, context) -> pb.YearTransition:
        return year_transitions.preview_year_transition(*self._call(), self.ports.class_groups, _transition(request))

    def TransitionYear(self, request: pb.YearTransitionRequest, context) -> pb.YearTransition:
        return year_transitions.transition_year(*self._call(), self.ports.class_groups, _transition(request))

    def GetYearTransition(self, request: pb.GetYearTransitionRequest, context) -> pb.YearTransition:
        return year_transitions.get_year_transition(*self._call(), request.source_year_id)

    def CorrectPerson(self, request: pb.CorrectPersonRequest, context) -> pb.Person:
        return personal_records.correct_person(
            *self._call(), request.person_id, _name(request.name) if request.HasField("name") else None,
            request.gender, request.birth_date, request.reason)

    def GetPersonalRecord(self, request: pb.GetPersonalRecordRequest, context) -> pb.PersonalRecord:
        return personal_records.get_personal_record(*self._call(), request.person_id, request.reason)

    def GetMovementPolicy(self, request: pb.GetMovementPolicyRequest, context) -> pb.MovementPolicy:
        return movement_policy.get_movement_policy(*self._call())

    def SetMovementPolicy(self, request: pb.SetMovementPolicyRequest, context) -> pb.MovementPolicy:
        changes = {key: getattr(request, key) for key in MOVEMENT_POLICY_KEYS if request.HasField(key)}
        return movement_policy.set_movement_policy(*self._call(), changes)

    def RecordSignIn(self, request: pb.RecordSignInRequest, context) -> pb.RecordSignInResponse:
        return pb.RecordSignInResponse(school_ids=sign_ins.record_sign_in(
            self.uows, self.ports.directory, current_caller(), dt.datetime.now(dt.UTC)))

    def SetGuardianAccess(self, request: pb.SetGuardianAccessRequest, context) -> pb.School:
        return schools.set_guardian_access(*self._call(), current_caller(), request.gosuslugi_only)

    def GetConsent(self, request: pb.GetConsentRequest, context) -> pb.ConsentStatus:
        return consents.get_consent(self.uows, self.ports.directory, current_caller())

    def RecordConsent(self, request: pb.RecordConsentRequest, context) -> pb.RecordConsentResponse:
        return consents.record_consent(self.uows, self.ports.directory, current_caller(), request.version,
                                       request.accept, dt.datetime.now(dt.UTC))

    def SetPaperDiary(self, request: pb.SetPaperDiaryRequest, context) -> pb.Person:
        return families.set_paper_diary(*self._call(), request.person_id, request.wanted)

    def ListClassFamilies(self, request: pb.ListClassFamiliesRequest, context) -> pb.ListClassFamiliesResponse:
        return pb.ListClassFamiliesResponse(families=families.list_class_families(
            *self._call(), self.ports.class_groups, request.class_group_id, request.on_date))
