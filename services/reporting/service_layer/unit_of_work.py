"""Reporting's unit of work: the school's transaction with the read-model, movement-register and year-closing stores
on it, the period results' and the curriculum fulfilment's reads, the reports formed in the background, the user
activity's read models, form ОШ-1's reads, the municipal authority's aggregates, the weekly diaries and the class
journals."""
from typing import Protocol

from services.common.unit_of_work import HasSchool, UnitOfWork
from services.reporting.adapters.activity_store import ActivityStore
from services.reporting.adapters.class_journal_store import ClassJournalStore
from services.reporting.adapters.curriculum_store import CurriculumStore
from services.reporting.adapters.form_osh1_store import FormOsh1Store
from services.reporting.adapters.movement_register_store import MovementRegisterStore
from services.reporting.adapters.period_results_store import PeriodResultsStore
from services.reporting.adapters.read_model_store import ReadModelStore
from services.reporting.adapters.report_job_store import ReportJobStore
from services.reporting.adapters.school_aggregate_store import SchoolAggregateStore
from services.reporting.adapters.weekly_diary_store import WeeklyDiaryStore
from services.reporting.adapters.year_closing_store import YearClosingStore


class ReportingUnitOfWork(UnitOfWork):
    read_models: ReadModelStore
    movement_register: MovementRegisterStore
    year_closings: YearClosingStore
    period_results: PeriodResultsStore
    report_jobs: ReportJobStore
    curriculum: CurriculumStore
    activity: ActivityStore
    form_osh1: FormOsh1Store
    aggregates: SchoolAggregateStore
    weekly_diaries: WeeklyDiaryStore
    class_journals: ClassJournalStore

    def opened(self) -> None:
        self.read_models = ReadModelStore(self.session, self.school_id)
        self.movement_register = MovementRegisterStore(self.session, self.school_id)
        self.year_closings = YearClosingStore(self.session, self.school_id)
        self.period_results = PeriodResultsStore(self.session, self.school_id)
        self.report_jobs = ReportJobStore(self.session, self.school_id)
        self.curriculum = CurriculumStore(self.session, self.school_id)
        self.activity = ActivityStore(self.session, self.school_id)
        self.form_osh1 = FormOsh1Store(self.session, self.school_id)
        self.aggregates = SchoolAggregateStore(self.session, self.school_id)
        self.weekly_diaries = WeeklyDiaryStore(self.session, self.school_id)
        self.class_journals = ClassJournalStore(self.session, self.school_id)


class UnitsOfWork(Protocol):
    """Makes the unit of work of a call for its school scope (services.reporting.bootstrap wires it)."""

    def __call__(self, scope: HasSchool) -> ReportingUnitOfWork: ...
