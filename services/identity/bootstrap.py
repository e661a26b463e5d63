"""Wiring of the identity service: the adapters behind the service layer's ports, built once per process from the
runtime's settings (tests build it with their own parts)."""
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import dataclass, field

from services.common.db import Database
from services.common.outbox import Outbox
from services.common.runtime import Runtime
from services.common.scope import Scope
from services.common.settings import env
from services.identity.adapters.class_groups import ScheduleClassGroups
from services.identity.adapters.directory import Directory
from services.identity.adapters.keycloak_accounts import KeycloakAccounts
from services.identity.adapters.principals import TablePrincipals
from services.identity.domain.activation_code import CodeKey
from services.identity.service_layer import ports
from services.identity.service_layer.unit_of_work import IdentityUnitOfWork, School


@dataclass
class Identity:
    """What identity's commands are given: its database and outbox (as units of work), Keycloak, the schedule's
    class groups, the cross-school directory, the activation code key and the pool of import jobs."""

    db: Database
    outbox: Outbox
    accounts: ports.Accounts
    class_groups: ports.ClassGroups
    code_key: CodeKey
    import_jobs: Executor = field(default_factory=lambda: ThreadPoolExecutor(max_workers=2,
                                                                             thread_name_prefix="import"))

    def __post_init__(self):
        self.directory: ports.Directory = Directory(self.db)
        # the PrincipalSource of identity's own calls (runtime.serve(principals=...)): its tables, never itself
        self.principals = TablePrincipals(self.db)

    def uow(self, scope: Scope) -> IdentityUnitOfWork:
        """The unit of work of the call's school."""
        return IdentityUnitOfWork(self.db, self.outbox, scope)

    def uows(self, school_id: str) -> IdentityUnitOfWork:
        """The unit of work of another school (a code's, a directory row's, a new one's): ports.UnitsOfWork."""
        return IdentityUnitOfWork(self.db, self.outbox, School(school_id))


def code_key() -> CodeKey:
    """The installation's activation code key (OTMETKA_ACTIVATION_KEY)."""
    return CodeKey(env("OTMETKA_ACTIVATION_KEY").encode())


def bootstrap(runtime: Runtime) -> Identity:
    return Identity(runtime.db, runtime.outbox, KeycloakAccounts.from_settings(runtime.settings),
                    ScheduleClassGroups(runtime.settings.peers["schedule"]), code_key())
