"""Disposal of packages whose retention has ended (A4), never silently: the school proposes an act of destruction
listing them (school_admin, director), the municipal authority's operator approves it, then the worker deletes every
version of every copy and marks the packages disposed; the act stays, with what it listed."""
import logging
from collections.abc import Callable

from sqlalchemy import Row

from services.archive.domain import disposal
from services.archive.domain.archive_package import RECORD_CLASS_NAMES
from services.archive.service_layer.copies import reason_of
from services.archive.service_layer.packaging import Packaging
from services.archive.service_layer.unit_of_work import ArchiveUnitOfWork
from services.common.context import current_caller
from services.common.db import parse_uuid
from services.common.errors import FailedPrecondition, NotFound
from services.common.policy import require_operator
from services.common.scope import Scope

log = logging.getLogger(__name__)
APPROVALS_OPERATOR_ONLY = "Акты об уничтожении архивов утверждает только оператор муниципалитета"


def propose_disposal(scope: Scope, uow: ArchiveUnitOfWork, packaging: Packaging) -> Row:
    """An act listing every sealed package of the school whose retention has ended and that no act lists yet."""
    scope.require("archive.dispose")
    today = packaging.clock().date()
    with uow:
        ended = uow.packages.sealed_until(today)  # locked first: what another proposal just listed is seen next
        listed = uow.disposals.listed_package_ids()
        due = [row for row in ended if disposal.expired(row.status, row.retain_until, today) and row.id not in listed]
        if not due:
            raise FailedPrecondition("Нет архивов с истёкшим сроком хранения, которые ещё не включены в акт",
                                     {"school_id": "нечего выделять к уничтожению"})
        number = uow.disposals.next_number()
        school = packaging.schools.card(scope.school_id)
        content = disposal.act_content(school.full_name, number, [
            {"archive_id": row.id, "academic_year": row.academic_year_name, "record_class": row.record_class,
             "record_class_name": RECORD_CLASS_NAMES[row.record_class], "retain_until": row.retain_until.isoformat(),
             "sha256": row.sha256} for row in due])
        return uow.disposals.add([row.id for row in due], content, number, scope.principal.person_id,
                                 packaging.clock())


def list_disposal_acts(scope: Scope, uow: ArchiveUnitOfWork) -> list[Row]:
    scope.require("archive.read")
    with uow:
        return uow.disposals.all()


def acts_to_approve(read: Callable[[], list[Row]]) -> list[Row]:
    """Every school's proposed acts: the municipal operator's to approve."""
    require_operator(APPROVALS_OPERATOR_ONLY)
    return read()


def approve_disposal(act_id: str, uow: ArchiveUnitOfWork, packaging: Packaging) -> Row:
    """The municipal operator approves a proposed act of the school: the worker destroys what it lists."""
    require_operator(APPROVALS_OPERATOR_ONLY)
    with uow:
        act = uow.disposals.get(parse_uuid(act_id, "act_id"))
        if act is None:
            raise NotFound("Акт не найден", {"act_id": "нет такого акта"})
        approved = uow.disposals.approve(act.id, current_caller().username, packaging.clock())
        if approved is None:
            raise FailedPrecondition("Утвердить можно только акт, который ожидает утверждения",
                                     {"act_id": f"состояние: {act.status}"})
        return approved


def execute_disposal(act_id: str, uow: ArchiveUnitOfWork, packaging: Packaging) -> None:
    """Deletes every version of every copy of the approved act's packages, then marks them disposed and the act
    executed; a store that refuses or is down leaves the act approved with the reason, tried again later."""
    with uow:
        act = uow.disposals.get(act_id)
        copies = uow.copies.of_packages(list(act.package_ids)) if act and act.status == disposal.APPROVED else {}
    if not copies:
        return
    try:
        for package_copies in copies.values():
            for copy in package_copies:
                packaging.stores[copy.store].remove_all_versions(copy.object_key)
    except Exception as exc:
        log.warning("disposal act %s: %s", act_id, reason_of(exc))
        with uow:
            uow.disposals.failed(act_id, f"Не удалось уничтожить архивы: {reason_of(exc)}")
        return
    with uow:
        uow.packages.dispose(list(act.package_ids))
        uow.disposals.executed(act_id, packaging.clock())
    log.info("disposal act %s executed: %d packages destroyed", act_id, len(copies))
