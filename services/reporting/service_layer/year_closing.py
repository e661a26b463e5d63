"""The year-end barrier's handler (services.reporting.domain.year_closing): the half that completes a year's
closing writes ReportingYearReady through the outbox in the same transaction, once per school and year."""
from proto.reporting.v1 import reporting_pb2
from services.reporting.domain.year_closing import YearClosingHalf
from services.reporting.service_layer.unit_of_work import ReportingUnitOfWork


def record_year_closing(half: YearClosingHalf, uow: ReportingUnitOfWork) -> bool:
    """Records one half of the barrier; True if this completed it and ReportingYearReady was written."""
    with uow:
        closing = uow.year_closings.record(half)
        if not closing.completed:
            return False
        uow.year_closings.mark_ready(closing.academic_year_id)
        uow.publish(reporting_pb2.ReportingYearReady(
            school_id=uow.school_id, academic_year_id=closing.academic_year_id,
            academic_year_name=closing.name, class_group_ids=list(closing.class_group_ids)))
        return True
