"""The periods a class's period reports are asked for (its year's terms for its grade, then the year): the school's
staff read them (a subject teacher's page picks one as a deputy head's does)."""
from services.common.db import parse_uuid
from services.common.errors import NotFound
from services.common.scope import Scope
from services.reporting.domain.period_results import Period
from services.reporting.service_layer.unit_of_work import ReportingUnitOfWork


def list_report_periods(class_group_id: str, scope: Scope, uow: ReportingUnitOfWork) -> tuple[str, tuple[Period, ...]]:
    """The class's name and its periods."""
    class_group_id = parse_uuid(class_group_id, "class_group_id")
    scope.require("lesson.read")
    with uow:
        group = uow.period_results.class_group(class_group_id)
        periods = () if group is None else uow.period_results.periods(group.academic_year_id, group.grade,
                                                                       group.year_name)
    if group is None:
        raise NotFound("Класс не найден", {"class_group_id": "нет такого класса"})
    return group.name, periods
