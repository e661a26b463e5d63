"""Curriculum fulfilment for the whole school (выполнение учебного плана, R4): per class and subject of a school year
the curriculum's weekly hours and hours for the year (weekly hours × study weeks of the class's terms), the year's
lessons planned (not cancelled), planned up to the day the report is formed, given (the journal recorded a topic),
the lag (planned to date − given; > 0 is behind) and the fulfilment (given / planned for the year × 100).

A subgroup (two English groups of a class) has the class's hours: each count is the one of the subgroup (or the
whole class) with the most lessons, as schedule's plan progress counts them. The study weeks are the Monday-to-Sunday
weeks with a day Monday..Saturday in the class's terms (services/common/curriculum_hours.study_weeks; reporting knows
no holidays: a week of holidays inside a term counts, schedule's count leaves it out). Plain Python, no I/O."""
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from services.common.curriculum_hours import hours_text, study_weeks
from services.reporting.domain.period_results import Period, collation_key, percent

TOTAL = "Итого по школе"


@dataclass(frozen=True)
class ClassYear:
    """A class of the year with its terms (period_results' term periods, the year left out)."""
    id: str
    name: str
    grade: int
    terms: tuple[Period, ...]


@dataclass(frozen=True)
class LessonTally:
    """A class's lessons of a subject in one subgroup ("" = the whole class)."""
    class_group_id: str
    subject_id: str
    subgroup_id: str
    planned: int
    to_date: int
    given: int


@dataclass(frozen=True)
class Row:
    class_group_id: str
    class_group_name: str
    subject_id: str
    subject_name: str
    hours_per_week: str  # "" = not in the curriculum
    study_weeks: int
    hours_per_year: str  # "" without weekly hours
    planned: int
    to_date: int
    given: int

    @property
    def lag(self) -> int:
        return self.to_date - self.given

    @property
    def fulfilment(self) -> str:
        return percent(self.given, self.planned)


@dataclass(frozen=True)
class CurriculumFulfilment:
    school_name: str
    academic_year_id: str
    academic_year_name: str
    as_of: dt.date
    rows: tuple[Row, ...]
    total: Row


def class_weeks(terms: Iterable[Period]) -> int:
    """The class's study weeks: its terms' days Monday..Saturday."""
    return study_weeks(day for term in terms for day in (term.date_from + dt.timedelta(days=i)
                                                         for i in range((term.date_to - term.date_from).days + 1))
                       if day.isoweekday() != 7)


def curriculum_fulfilment(school_name: str, academic_year_id: str, academic_year_name: str, as_of: dt.date,
                          classes: list[ClassYear], hours: Mapping[tuple[str, str], Decimal],
                          tallies: list[LessonTally], subject_names: Mapping[str, str]) -> CurriculumFulfilment:
    """A row per class and subject with curriculum hours or lessons (by grade and class name, then subject name)."""
    most: dict[tuple[str, str], tuple[int, int, int]] = {}
    for t in tallies:
        planned, to_date, given = most.get((t.class_group_id, t.subject_id), (0, 0, 0))
        most[t.class_group_id, t.subject_id] = (max(planned, t.planned), max(to_date, t.to_date), max(given, t.given))
    rows = []
    for group in sorted(classes, key=lambda c: (c.grade, collation_key(c.name))):
        weeks = class_weeks(group.terms)
        subject_ids = {s for c, s in (*hours, *most) if c == group.id}
        for subject_id in sorted(subject_ids, key=lambda s: collation_key(subject_names.get(s, ""))):
            weekly = hours.get((group.id, subject_id))
            rows.append(Row(group.id, group.name, subject_id, subject_names.get(subject_id, ""),
                            "" if weekly is None else hours_text(weekly), weeks,
                            "" if weekly is None else hours_text(weekly * weeks),
                            *most.get((group.id, subject_id), (0, 0, 0))))
    yearly = sum((Decimal(r.hours_per_year) for r in rows if r.hours_per_year), Decimal(0))
    total = Row("", TOTAL, "", "", "", 0, hours_text(yearly) if rows else "",
                *(sum(getattr(r, f) for r in rows) for f in ("planned", "to_date", "given")))
    return CurriculumFulfilment(school_name, academic_year_id, academic_year_name, as_of, tuple(rows), total)
