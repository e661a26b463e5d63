"""Form ОШ-1 (federal statistics, «Сведения об организации, осуществляющей подготовку по образовательным программам
начального общего, основного общего, среднего общего образования»): the sections the journal's data supports, laid out
as the form's tables — rows numbered 01, 02… and columns 1 (the row's name), 2 (the row's number), 3 (Всего, the sum
of columns 4–14) and 4–14 (grades 1–11). A cell the form crosses out holds None; a field the data cannot give is left
blank and named in the section's note. A municipality's form is the sum of its schools'. Plain Python, no I/O."""
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

GRADES = tuple(range(1, 12))
NONE = (None,) * len(GRADES)
YOUNGEST, OLDEST = 6, 18  # «моложе 6 лет», «18 лет и старше»
REPETITION, CONDITIONAL, LEAVING, GRADUATION = "repetition", "conditional_promotion", "leaving", "graduation"
COLUMNS = ("Наименование показателя", "№ строки", "Всего (сумма граф 4–14)",
           *(f"{grade} класс" for grade in GRADES))
NO_PREVIOUS_YEAR = "Предыдущий учебный год не известен: раздел не заполнен."
UNKNOWN_GRADE = "Ученики классов без параллели (класс не известен отчётам) не учтены."


@dataclass(frozen=True)
class Pupil:
    """A student of a class of the year on the form's date: the class's grade, gender (male | female | "") and
    birth date (None = not told)."""
    grade: int
    gender: str
    birth_date: dt.date | None


@dataclass(frozen=True)
class Moved:
    """A student of an order of the previous year (in force): its kind, the grade of the class they left, gender."""
    kind: str
    grade: int
    gender: str


@dataclass(frozen=True)
class Line:
    """A row of a section: its number ("01"), name and the count per grade 1–11 (None = crossed out on the form); a
    blank row is one the data cannot give (left empty, the section's note says why)."""
    number: str
    name: str
    by_grade: tuple[int | None, ...]
    blank: bool = False

    @property
    def total(self) -> int | None:
        """Column 3: the sum of the grades' columns (None when every one is crossed out)."""
        counted = [n for n in self.by_grade if n is not None]
        return sum(counted) if counted else None


@dataclass(frozen=True)
class Section:
    code: str
    title: str
    lines: tuple[Line, ...]
    note: str = ""  # what the section leaves blank and why ("" = nothing)


@dataclass(frozen=True)
class FormOsh1:
    name: str  # the school's full name, or the municipality's heading
    on_date: str  # ISO: the contingent's date
    academic_year_name: str
    previous_year_name: str  # "" = not known
    age_reference: str  # ISO: the 1 January ages are counted on
    sections: tuple[Section, ...]


def age_reference(on_date: dt.date) -> dt.date:
    """The day the form counts ages on: 1 January of the year after the date («число полных лет на 1 января
    следующего за отчётным года»)."""
    return dt.date(on_date.year + 1, 1, 1)


def full_years(birth_date: dt.date, on: dt.date) -> int:
    return on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))


def age_bucket(birth_date: dt.date, on: dt.date) -> int:
    """The age row a student falls in: full years on the day, bounded to YOUNGEST - 1 («моложе 6 лет») and OLDEST
    («18 лет и старше»)."""
    return min(max(full_years(birth_date, on), YOUNGEST - 1), OLDEST)


def age_label(bucket: int, on: dt.date) -> str:
    if bucket < YOUNGEST:
        return f"моложе {YOUNGEST} лет (родились в {on.year - YOUNGEST} г. и позже)"
    if bucket >= OLDEST:
        return f"{OLDEST} лет и старше (родились в {on.year - OLDEST - 1} г. и раньше)"
    return f"{bucket} {years_word(bucket)} (родились в {on.year - bucket - 1} г.)"


def years_word(n: int) -> str:
    return "год" if n % 10 == 1 and n % 100 != 11 else "года" if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14) \
        else "лет"


def per_grade(grades: Iterable[int], only: Sequence[int] = GRADES) -> tuple[int | None, ...]:
    """The count of each grade 1–11 among `grades`; the grades not in `only` crossed out (None)."""
    grades = list(grades)
    return tuple(grades.count(g) if g in only else None for g in GRADES)


def counted_pair(number: int, name: str, people: list, only: Sequence[int] = GRADES) -> tuple[Line, Line]:
    """A row of everybody and its «из них девочки» row (people have .grade and .gender)."""
    return (Line(f"{number:02d}", name, per_grade((p.grade for p in people), only)),
            Line(f"{number + 1:02d}", "из них девочки",
                 per_grade((p.grade for p in people if p.gender == "female"), only)))


def classes_section(class_grades: list[int], pupils: list[Pupil]) -> Section:
    notes = ["Ученики без указанного пола учтены в строке 02, но не в строке 03."] \
        if any(p.gender not in ("male", "female") for p in pupils) else []
    if any(g not in GRADES for g in class_grades):
        notes.append(UNKNOWN_GRADE)
    return Section("1", "Число классов и численность обучающихся в них", (
        Line("01", "Число классов, ед", per_grade(class_grades)),
        *counted_pair(2, "В них обучающихся, чел", pupils)), " ".join(notes))


def ages_section(pupils: list[Pupil], on: dt.date) -> Section:
    buckets = range(YOUNGEST - 1, OLDEST + 1)
    lines: list[Line] = []
    for bucket in buckets:
        of_age = [p for p in pupils if p.birth_date and age_bucket(p.birth_date, on) == bucket]
        lines += counted_pair(len(lines) + 1, age_label(bucket, on), of_age)
    unknown = [p for p in pupils if p.birth_date is None]
    lines += counted_pair(len(lines) + 1, "Дата рождения не указана", unknown)
    lines += counted_pair(len(lines) + 1, "Всего обучающихся", pupils)
    note = (f"Возраст — число полных лет на {on.strftime('%d.%m.%Y')}; родившийся 1 января учтён в строке на год "
            "старше своего года рождения.")
    return Section("2", "Распределение обучающихся по возрасту и классам", tuple(lines), note)


def movement_sections(moved: list[Moved] | None) -> tuple[Section, ...]:
    """Sections 3–5 from the previous year's orders (None: the previous year is not known, the sections blank)."""
    def of(kind: str) -> list[Moved]:
        return [m for m in moved or [] if m.kind == kind]
    blank = NO_PREVIOUS_YEAR if moved is None else ""

    def noted(*notes: str) -> str:
        return " ".join(n for n in (blank, *notes) if n)
    repeat = Section("3", "Оставлены на повторное обучение и переведены условно (за предыдущий учебный год)", (
        *counted_pair(1, "Оставлены на повторное обучение", of(REPETITION)),
        *counted_pair(3, "Переведены в следующий класс условно (с академической задолженностью)", of(CONDITIONAL))),
        noted())
    left = Section("4", "Выбыли из организации (за предыдущий учебный год)", (
        *counted_pair(1, "Выбыло обучающихся — всего", of(LEAVING)),
        Line("03", "в том числе по причинам (в другие организации, по болезни, отчислены…)", NONE, blank=True)),
        noted("Строка 03 не заполняется: причина выбытия записана в приказе свободным текстом, а не кодом формы."))
    graduates = of(GRADUATION)
    graduated = Section("5", "Выпуск (за предыдущий учебный год)", (
        *counted_pair(1, "Окончили 9 класс (основное общее образование)", [g for g in graduates if g.grade == 9],
                      only=(9,)),
        *counted_pair(3, "Окончили 11 класс (среднее общее образование)", [g for g in graduates if g.grade == 11],
                      only=(11,)),
        Line("05", "из них получили аттестат с отличием", NONE, blank=True)),
        noted("Строка 05 не заполняется: отличие аттестата (медаль) событиями журнала не передаётся."))
    return repeat, left, graduated


def form_osh1(name: str, on_date: dt.date, academic_year_name: str, previous_year_name: str,
              class_grades: list[int], pupils: list[Pupil], moved: list[Moved] | None) -> FormOsh1:
    """A school's form: the classes of the year (their grades) and the students on the date, and the previous year's
    orders' students (None: no previous year known)."""
    on = age_reference(on_date)
    return FormOsh1(name, on_date.isoformat(), academic_year_name, previous_year_name, on.isoformat(),
                    (classes_section(class_grades, pupils), ages_section(pupils, on), *movement_sections(moved)))


def add_counts(a: tuple[int | None, ...], b: tuple[int | None, ...]) -> tuple[int | None, ...]:
    return tuple(None if x is None and y is None else (x or 0) + (y or 0) for x, y in zip(a, b, strict=True))


def summed(name: str, forms: list[FormOsh1], empty: FormOsh1) -> FormOsh1:
    """The municipality's form: every school's numbers added row by row (`empty` gives the rows when there is no
    school); a note is kept when some school's section has it."""
    sections = []
    for index, section in enumerate(empty.sections):
        parts = [form.sections[index] for form in forms]
        lines = tuple(Line(line.number, line.name, _sum_rows([p.lines[i].by_grade for p in parts], line.by_grade),
                           line.blank) for i, line in enumerate(section.lines))
        notes = " ".join(dict.fromkeys(n for n in (section.note, *(p.note for p in parts)) if n))
        sections.append(Section(section.code, section.title, lines, notes))
    return FormOsh1(name, empty.on_date, empty.academic_year_name, empty.previous_year_name, empty.age_reference,
                    tuple(sections))


def _sum_rows(rows: list[tuple[int | None, ...]], first: tuple[int | None, ...]) -> tuple[int | None, ...]:
    total = tuple(None if n is None else 0 for n in first)
    for row in rows:
        total = add_counts(total, row)
    return total
