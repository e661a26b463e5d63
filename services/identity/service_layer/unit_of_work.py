"""Identity's unit of work: the common one (one school's transaction with the outbox) with identity's stores opened
on it, today's date at the school (an injectable clock), and the principal of any login in that school (the issuer
of a code, say)."""
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from services.common.dates import school_today
from services.common.db import Database
from services.common.outbox import Outbox
from services.common.policy import Principal
from services.common.unit_of_work import HasSchool, UnitOfWork
from services.identity.adapters.activation_code_store import ActivationCodeStore
from services.identity.adapters.audit_log import AuditLog
from services.identity.adapters.class_membership_store import ClassMembershipStore
from services.identity.adapters.consent_store import ConsentStore
from services.identity.adapters.import_job_store import ImportJobStore
from services.identity.adapters.movement_order_store import MovementOrderStore
from services.identity.adapters.movement_policy_store import MovementPolicyStore
from services.identity.adapters.pending_match_store import PendingMatchStore
from services.identity.adapters.person_correction_store import PersonCorrectionStore
from services.identity.adapters.person_store import PersonStore
from services.identity.adapters.principals import principal_in
from services.identity.adapters.school_store import SchoolStore
from services.identity.adapters.sign_in_store import SignInStore
from services.identity.adapters.year_transition_store import YearTransitionStore


@dataclass(frozen=True)
class School:
    """The school of a unit of work that is not the call's scope (the school of a code, of a directory row)."""

    school_id: str


class IdentityUnitOfWork(UnitOfWork):
    people: PersonStore
    memberships: ClassMembershipStore
    orders: MovementOrderStore
    movement_policy: MovementPolicyStore
    transitions: YearTransitionStore
    corrections: PersonCorrectionStore
    schools: SchoolStore
    codes: ActivationCodeStore
    matches: PendingMatchStore
    jobs: ImportJobStore
    audit: AuditLog
    sign_ins: SignInStore
    consents: ConsentStore

    def __init__(self, db: Database | None, outbox: Outbox, scope: HasSchool,
                 today: Callable[[], dt.date] = school_today):
        super().__init__(db, outbox, scope)
        self.today = today

    def opened(self) -> None:
        school_id = self.school_id
        self.people = PersonStore(self.session, school_id, self.today())
        self.memberships = ClassMembershipStore(self.session, school_id)
        self.orders = MovementOrderStore(self.session, school_id)
        self.movement_policy = MovementPolicyStore(self.session, school_id)
        self.transitions = YearTransitionStore(self.session, school_id)
        self.corrections = PersonCorrectionStore(self.session, school_id)
        self.schools = SchoolStore(self.session, school_id)
        self.codes = ActivationCodeStore(self.session, school_id)
        self.matches = PendingMatchStore(self.session, school_id)
        self.jobs = ImportJobStore(self.session, school_id)
        self.audit = AuditLog(self.session, school_id)
        self.sign_ins = SignInStore(self.session, school_id)
        self.consents = ConsentStore(self.session, school_id)

    def principal_of(self, subject: str) -> Principal:
        """The login's roles and children in this school (empty if none)."""
        return principal_in(self.session, subject, self.school_id)
