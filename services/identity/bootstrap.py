"""The one place identity's parts are wired: the adapters behind the service layer's ports (Keycloak, the schedule's
class groups, the cross-school directory, its own tables as the principal source), the units of work (the call's
school, or any school by id) and the servicer. `__main__` wires the real adapters; the integration tests wire
their own Keycloak view and a fake of the class groups through the same functions."""
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from services.common import scope as scopes
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
from services.identity.entrypoints.servicer import IdentityServicer
from services.identity.service_layer.ports import Accounts, ClassGroups, Ports, UnitsOfWork
from services.identity.service_layer.unit_of_work import IdentityUnitOfWork, School


def code_key() -> CodeKey:
    """The installation's activation code key (OTMETKA_ACTIVATION_KEY)."""
    return CodeKey(env("OTMETKA_ACTIVATION_KEY").encode())


def ports(db: Database, accounts: Accounts, class_groups: ClassGroups, key: CodeKey) -> Ports:
    """The ports on identity's database: the directory, the principal source (its own tables, never a call to
    itself) and two workers for import jobs, with the given Keycloak accounts and class groups."""
    return Ports(accounts=accounts, class_groups=class_groups, directory=Directory(db), principals=TablePrincipals(db),
                 code_key=key, import_jobs=ThreadPoolExecutor(max_workers=2, thread_name_prefix="import"))


def runtime_ports(runtime: Runtime) -> Ports:
    """The real adapters, from the runtime's settings."""
    return ports(runtime.db, KeycloakAccounts.from_settings(runtime.settings),
                 ScheduleClassGroups(runtime.settings.peers["schedule"], runtime.service_tokens), code_key())


def unit_of_work(db: Database, outbox: Outbox) -> Callable[[Scope], IdentityUnitOfWork]:
    """A new unit of work of the call's school."""
    return lambda scope: IdentityUnitOfWork(db, outbox, scope)


def units_of_work(db: Database, outbox: Outbox) -> UnitsOfWork:
    """A new unit of work of a school by its id (a code's, a directory row's, a new school's)."""
    return lambda school_id: IdentityUnitOfWork(db, outbox, School(school_id))


def servicer(db: Database, outbox: Outbox, ports: Ports,
             scope: Callable[[], Scope] = scopes.current) -> IdentityServicer:
    """The gRPC servicer: each call gets the scope the interceptor bound and a new unit of work."""
    return IdentityServicer(unit_of_work(db, outbox), units_of_work(db, outbox), ports, scope)
