"""What the service layer needs from outside, as typed ports: the Keycloak accounts, the schedule's class groups,
the cross-school directory, the units of work by school, and `Ports`, all a command is given besides its unit of
work. bootstrap.py wires the adapters to them; tests pass fakes."""
import datetime as dt
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass
from typing import Protocol

from services.common.scope import PrincipalSource
from services.identity.adapters.keycloak_accounts import NewAccount
from services.identity.domain.activation_code import CodeKey
from services.identity.domain.class_groups import AcademicYear, ClassGroup, NextYear
from services.identity.service_layer.unit_of_work import IdentityUnitOfWork


class Accounts(Protocol):
    """Keycloak as identity uses it (adapters.keycloak_accounts.KeycloakAccounts)."""

    def create_organization(self, school_id: str, short_name: str) -> str: ...

    def delete_organization(self, organization_id: str) -> None: ...

    def create_account(self, account: NewAccount) -> str: ...

    def delete_account(self, user_id: str) -> None: ...

    def ensure_realm_role(self, user_id: str, role: str) -> None: ...

    def set_password(self, user_id: str, password: str) -> None: ...

    def join_organization(self, user_id: str, organization_id: str) -> None: ...

    def lock_account(self, user_id: str) -> None: ...


class ClassGroups(Protocol):
    """The schedule's class groups, years and subjects (adapters.class_groups.ScheduleClassGroups)."""

    def require(self, school_id: str, class_group_id: str) -> None: ...  # Invalid: not the school's, or year closed

    def class_group(self, school_id: str, class_group_id: str) -> ClassGroup | None: ...

    def class_groups(self, school_id: str, academic_year_id: str) -> list[ClassGroup]: ...

    def academic_years(self, school_id: str) -> list[AcademicYear]: ...

    def subjects(self, school_id: str) -> dict[str, str]: ...  # name by id

    def open_next_year(self, school_id: str, source_year_id: str, name: str,
                       new_classes: list[tuple[int, str]]) -> NextYear: ...


class Directory(Protocol):
    """Reads across schools (adapters.directory.Directory)."""

    def guardians_by_snils(self, snils: str) -> list: ...

    def unlinked_by_match_key(self, key: str) -> list: ...

    def schools_of(self, subject: str) -> list[str]: ...

    def shared_logins(self, school_id: str, subjects: list[str]) -> set[str]: ...

    def schools(self) -> list: ...

    def code(self, lookups: tuple[str, ...], well_formed: bool, address: str): ...

    def stale_jobs(self, older_than: dt.timedelta) -> list: ...


UnitsOfWork = Callable[[str], IdentityUnitOfWork]  # the unit of work of a school, by its id


@dataclass(frozen=True)
class Ports:
    """The ports of identity's commands, with the activation code key and the pool that runs import jobs."""

    accounts: Accounts
    class_groups: ClassGroups
    directory: Directory
    principals: PrincipalSource  # identity's own callers, from its tables (adapters.principals.TablePrincipals)
    code_key: CodeKey
    import_jobs: Executor
