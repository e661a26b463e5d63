"""The movement register (книга движения учащихся) of a school's academic year from the read models, as a PDF."""
from services.common.db import parse_uuid
from services.common.errors import NotFound
from services.common.scope import Scope
from services.reporting.adapters import movement_register_pdf
from services.reporting.domain.movement_register import MovementRegister
from services.reporting.service_layer.unit_of_work import ReportingUnitOfWork


def get_movement_register(academic_year_id: str, scope: Scope, uow: ReportingUnitOfWork) -> MovementRegister:
    academic_year_id = parse_uuid(academic_year_id, "academic_year_id")
    scope.require("movement.read")  # the school's staff, as identity's register (ListOrders)
    with uow:
        register = uow.movement_register.register(academic_year_id)
    if register is None:
        raise NotFound("Учебный год не найден", {"academic_year_id": "нет такого учебного года"})
    return register


def render_movement_register_pdf(academic_year_id: str, scope: Scope, uow: ReportingUnitOfWork) -> bytes:
    return movement_register_pdf.movement_register_pdf(get_movement_register(academic_year_id, scope, uow))
