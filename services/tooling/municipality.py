"""A synthetic municipality, generated deterministically from a seed (pure Python, no I/O): schools with
grades 1-11 (2-4 parallels of 20-30 students), Russian names, staff, guardians, a curriculum with the weekly
hours of the federal curriculum (ФУП, five-day week), a weekly timetable without clashes, and the marks
and attendance of any lesson (marks mostly 4 and 5, some 3, few 2; about 8 % absences).

The same seed and size always give the same municipality; ids are keys ("1-5А", "1-t7"), the loader maps
them to the ids the services assign.
"""
import datetime as dt
import math
import random
from dataclasses import dataclass, field, replace

# size -> (schools, parallels per grade as (count, weight) choices)
SIZES: dict[str, tuple[int, tuple[tuple[int, int], ...]]] = {
    "demo": (1, ((1, 1),)),
    "town": (3, ((2, 15), (3, 35), (4, 50))),
    "city": (150, ((2, 15), (3, 35), (4, 50))),
}
LETTERS = "АБВГ"
CLASS_SIZE = (20, 30, 28)  # triangular(low, high, mode): mean 26

# weekly hours by grade, after the federal curriculum (ФУП НОО/ООО/СОО, five-day week; СОО universal profile)
PRIMARY = {"Русский язык": 5, "Литературное чтение": 4, "Математика": 4, "Окружающий мир": 2,
           "Изобразительное искусство": 1, "Музыка": 1, "Труд (технология)": 1, "Физическая культура": 2}
CURRICULUM: dict[int, dict[str, int]] = {
    1: PRIMARY,
    2: {**PRIMARY, "Иностранный язык": 2},
    3: {**PRIMARY, "Иностранный язык": 2},
    4: {**PRIMARY, "Литературное чтение": 3, "Иностранный язык": 2, "Основы религиозных культур и светской этики": 1},
    5: {"Русский язык": 5, "Литература": 3, "Иностранный язык": 3, "Математика": 5, "История": 2, "География": 1,
        "Биология": 1, "Музыка": 1, "Изобразительное искусство": 1, "Труд (технология)": 2, "Физическая культура": 2,
        "ОДНКНР": 1},
    6: {"Русский язык": 6, "Литература": 3, "Иностранный язык": 3, "Математика": 5, "История": 2, "Обществознание": 1,
        "География": 1, "Биология": 1, "Музыка": 1, "Изобразительное искусство": 1, "Труд (технология)": 2,
        "Физическая культура": 2},
    7: {"Русский язык": 4, "Литература": 2, "Иностранный язык": 3, "Алгебра": 3, "Геометрия": 2,
        "Вероятность и статистика": 1, "Информатика": 1, "История": 2, "Обществознание": 1, "География": 2,
        "Биология": 1, "Физика": 2, "Музыка": 1, "Изобразительное искусство": 1, "Труд (технология)": 2,
        "Физическая культура": 2},
    8: {"Русский язык": 3, "Литература": 2, "Иностранный язык": 3, "Алгебра": 3, "Геометрия": 2,
        "Вероятность и статистика": 1, "Информатика": 1, "История": 2, "Обществознание": 1, "География": 2,
        "Биология": 2, "Физика": 2, "Химия": 2, "Музыка": 1, "Труд (технология)": 1,
        "Основы безопасности и защиты Родины": 1, "Физическая культура": 2},
    9: {"Русский язык": 3, "Литература": 3, "Иностранный язык": 3, "Алгебра": 3, "Геометрия": 2,
        "Вероятность и статистика": 1, "Информатика": 1, "История": 2, "Обществознание": 1, "География": 2,
        "Биология": 2, "Физика": 3, "Химия": 2, "Труд (технология)": 1, "Основы безопасности и защиты Родины": 1,
        "Физическая культура": 2},
    10: {"Русский язык": 2, "Литература": 3, "Иностранный язык": 3, "Алгебра": 3, "Геометрия": 2,
         "Вероятность и статистика": 1, "Информатика": 1, "История": 2, "Обществознание": 2, "География": 1,
         "Биология": 1, "Физика": 2, "Химия": 1, "Основы безопасности и защиты Родины": 1, "Физическая культура": 2,
         "Индивидуальный проект": 1},
    11: {"Русский язык": 2, "Литература": 3, "Иностранный язык": 3, "Алгебра": 3, "Геометрия": 2,
         "Вероятность и статистика": 1, "Информатика": 1, "История": 2, "Обществознание": 2, "География": 1,
         "Биология": 1, "Физика": 2, "Химия": 1, "Основы безопасности и защиты Родины": 1, "Физическая культура": 2},
}
# one teacher teaches a class every subject of a family; primary classes have their own teacher for all but these
FAMILIES = {"Алгебра": "Математика", "Геометрия": "Математика", "Вероятность и статистика": "Математика",
            "Литература": "Русский язык", "Обществознание": "История", "ОДНКНР": "История",
            "Основы религиозных культур и светской этики": "История", "Индивидуальный проект": "Информатика",
            "Изобразительное искусство": "Искусство", "Музыка": "Искусство"}
PRIMARY_SPECIALISTS = {"Иностранный язык", "Физическая культура", "Музыка"}
TEACHER_MAX_HOURS = 26
LESSONS_PER_DAY = 7
BELLS = [("08:30", "09:15"), ("09:25", "10:10"), ("10:30", "11:15"), ("11:35", "12:20"), ("12:30", "13:15"),
         ("13:25", "14:10"), ("14:20", "15:05"), ("15:15", "16:00")]
# The school year's shape (the 2025/2026 of a Russian school): quarters and holidays as days after 1 September of the
# year's first Monday-aligned week; calendar(start_year) lays it on any year, so that the demo lives in today's year.
TERM_DAYS = [("1 четверть", 0, 55), ("2 четверть", 65, 118), ("3 четверть", 133, 202), ("4 четверть", 212, 267)]
HOLIDAY_DAYS = [("Осенние каникулы", 56, 64), ("Зимние каникулы", 119, 132), ("Весенние каникулы", 203, 211)]


@dataclass(frozen=True)
class Calendar:
    """One school year as the school's admin sets it up: the year, its quarters and holidays (ISO dates)."""

    start_year: int
    year: dict
    terms: tuple[tuple[str, str, str], ...]
    holidays: tuple[tuple[str, str, str], ...]


def calendar(start_year: int) -> Calendar:
    """The year from 1 September of start_year to 31 May, its quarters and holidays on the same weekdays every year
    (counted from the Monday of the week of 1 September; the first quarter starts on 1 September itself)."""
    first = dt.date(start_year, 9, 1)
    monday = first - dt.timedelta(days=first.weekday())

    def day(offset: int) -> str:
        return max(first, monday + dt.timedelta(days=offset)).isoformat()

    return Calendar(start_year, {"name": f"{start_year}/{start_year + 1}", "start_date": first.isoformat(),
                                 "end_date": dt.date(start_year + 1, 5, 31).isoformat()},
                    tuple((name, day(a), day(b)) for name, a, b in TERM_DAYS),
                    tuple((name, day(a), day(b)) for name, a, b in HOLIDAY_DAYS))


def year_containing(day: dt.date) -> int:
    """The start year of the school year a day belongs to (the summer to the year that ended in May)."""
    return day.year if day.month >= 9 else day.year - 1


MALE_LAST = ["Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов", "Новиков",
             "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов",
             "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин", "Захаров", "Зайцев", "Соловьёв",
             "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв", "Сергеев", "Кузьмин", "Фролов", "Александров",
             "Дмитриев", "Королёв", "Гусев", "Киселёв"]
MALE_FIRST = ["Александр", "Михаил", "Максим", "Артём", "Лев", "Марк", "Иван", "Матвей", "Дмитрий", "Даниил",
              "Тимофей", "Кирилл", "Роман", "Егор", "Никита", "Илья", "Андрей", "Алексей", "Фёдор", "Сергей",
              "Владимир", "Павел", "Николай", "Георгий", "Ярослав"]
FEMALE_FIRST = ["Софья", "Мария", "Анна", "Ева", "Виктория", "Полина", "Алиса", "Александра", "Варвара", "Василиса",
                "Елизавета", "Анастасия", "Дарья", "Ксения", "Вероника", "Арина", "Милана", "Екатерина", "Ульяна",
                "Таисия", "Елена", "Ольга", "Наталья", "Татьяна", "Ирина"]
# father's first name -> (son's, daughter's) patronymic
PATRONYMICS = {"Александр": ("Александрович", "Александровна"), "Михаил": ("Михайлович", "Михайловна"),
               "Максим": ("Максимович", "Максимовна"), "Иван": ("Иванович", "Ивановна"),
               "Дмитрий": ("Дмитриевич", "Дмитриевна"), "Андрей": ("Андреевич", "Андреевна"),
               "Алексей": ("Алексеевич", "Алексеевна"), "Сергей": ("Сергеевич", "Сергеевна"),
               "Владимир": ("Владимирович", "Владимировна"), "Павел": ("Павлович", "Павловна"),
               "Николай": ("Николаевич", "Николаевна"), "Роман": ("Романович", "Романовна"),
               "Егор": ("Егорович", "Егоровна"), "Кирилл": ("Кириллович", "Кирилловна"),
               "Денис": ("Денисович", "Денисовна"), "Евгений": ("Евгеньевич", "Евгеньевна"),
               "Олег": ("Олегович", "Олеговна"), "Игорь": ("Игоревич", "Игоревна"),
               "Юрий": ("Юрьевич", "Юрьевна"), "Виктор": ("Викторович", "Викторовна")}
# ability -> weights of the marks 5, 4, 3, 2; and how many students have it
ABILITIES = {"strong": (55, 35, 9, 1), "average": (30, 47, 20, 3), "weak": (12, 38, 40, 10)}
ABILITY_SHARE = (30, 50, 20)
ABSENCE_RATE = 0.08
ABSENCE_STATUSES = (("ill", 50), ("excused", 30), ("unexcused", 20))
LATE_RATE = 0.02
MARKED_SHARE = 0.3  # of the present students, the share that gets a mark in a lesson


@dataclass(frozen=True)
class Person:
    key: str
    kind: str  # staff | student | guardian
    last_name: str
    first_name: str
    middle_name: str
    gender: str
    birth_date: str
    snils: str = ""


@dataclass(frozen=True)
class Staff:
    person: Person
    roles: tuple[str, ...]
    account: bool  # gets a login (the load driver and the loader sign in as teachers and deputy heads)


@dataclass(frozen=True)
class Student:
    person: Person
    ability: str


@dataclass(frozen=True)
class ClassGroup:
    key: str
    grade: int
    name: str
    students: tuple[Student, ...]
    form_teacher: str  # staff key
    room: str


@dataclass(frozen=True)
class Guardianship:
    guardian: Person
    student_key: str
    relation: str  # mother | father


@dataclass(frozen=True)
class Entry:
    """One weekly timetable line: a class has a subject with a teacher on a weekday (1-5) in a lesson slot."""
    class_key: str
    subject: str
    teacher: str
    weekday: int
    number: int  # 1-based lesson number of the day
    room: str

    @property
    def times(self) -> tuple[str, str]:
        return BELLS[self.number - 1]


@dataclass(frozen=True)
class School:
    number: int
    short_name: str
    name: str
    staff: tuple[Staff, ...]
    classes: tuple[ClassGroup, ...]
    guardianships: tuple[Guardianship, ...]
    assignments: tuple[tuple[str, str, str], ...]  # (class key, subject, teacher key)
    timetable: tuple[Entry, ...]
    unplaced: int  # lessons of the curriculum the timetable could not place without a clash

    @property
    def subjects(self) -> list[str]:
        return sorted({subject for _, subject, _ in self.assignments})

    def students(self) -> list[Student]:
        return [s for c in self.classes for s in c.students]


@dataclass(frozen=True)
class Municipality:
    size: str
    seed: int
    schools: tuple[School, ...]

    def counts(self) -> dict[str, int]:
        return {"schools": len(self.schools), "class_groups": sum(len(s.classes) for s in self.schools),
                "students": sum(len(s.students()) for s in self.schools),
                "staff": sum(len(s.staff) for s in self.schools),
                "guardians": sum(len({g.guardian.key for g in s.guardianships}) for s in self.schools),
                "timetable_entries": sum(len(s.timetable) for s in self.schools),
                "unplaced_lessons": sum(s.unplaced for s in self.schools)}


@dataclass
class _Names:
    """Draws names; SNILS numbers are unique in the municipality (a counter with a valid checksum)."""
    rng: random.Random
    start_year: int  # of the school year: a pupil of grade g was born in start_year - 7 - g
    snils_counter: list[int] = field(default_factory=lambda: [200_000_000])

    def last(self, gender: str) -> str:
        return feminine(self.rng.choice(MALE_LAST)) if gender == "female" else self.rng.choice(MALE_LAST)

    def person(self, key: str, kind: str, gender: str, born: dt.date, last: str | None = None,
               father: str | None = None, snils: bool = False, first: str | None = None) -> Person:
        first = first or self.rng.choice(MALE_FIRST if gender == "male" else FEMALE_FIRST)
        patronymic = PATRONYMICS[father or self.rng.choice(sorted(PATRONYMICS))][0 if gender == "male" else 1]
        number = ""
        if snils:
            self.snils_counter[0] += 1
            number = snils_with_checksum(self.snils_counter[0])
        return Person(key, kind, last or self.last(gender), first, patronymic, gender, born.isoformat(), number)

    def birth(self, year: int) -> dt.date:
        return dt.date(year, 1, 1) + dt.timedelta(days=self.rng.randrange(365))


def feminine(last_name: str) -> str:
    """Иванов -> Иванова, Соловьёв -> Соловьёва (the surnames above all end in -ов/-ев/-ёв/-ин)."""
    return last_name + "а"


def inn_of(number: int) -> str:
    """A school's INN (a legal entity's 10 digits, the last the check digit), made from its number."""
    digits = f"77{number:07d}"
    check = sum(int(d) * w for d, w in zip(digits, (2, 4, 10, 3, 5, 9, 4, 6, 8), strict=True)) % 11 % 10
    return f"{digits}{check}"


def ogrn_of(number: int) -> str:
    """A school's OGRN (13 digits, the last = the first 12 as a number mod 11 mod 10), made from its number."""
    digits = f"1027700{number:05d}"
    return f"{digits}{int(digits) % 11 % 10}"


def snils_with_checksum(number: int) -> str:
    """A SNILS "XXX-XXX-XXX YY" from nine digits and their checksum (weights 9..1, modulo 101)."""
    digits = f"{number:09d}"
    total = sum(int(d) * w for d, w in zip(digits, range(9, 0, -1), strict=True))
    checksum = total if total < 100 else 0 if total in (100, 101) else total % 101 % 100
    return f"{digits[:3]}-{digits[3:6]}-{digits[6:]} {checksum:02d}"


def generate(size: str, seed: int = 1, start_year: int | None = None, snils_from: int = 200_000_000) -> Municipality:
    """The municipality of a size; its people's ages fit the school year of start_year (today's by default); SNILS
    numbers count on from snils_from (another generation in the same installation takes another range)."""
    schools_n, parallels = SIZES[size]
    rng = random.Random(f"municipality:{seed}")
    names = _Names(rng, start_year or year_containing(dt.date.today()), [snils_from])
    schools = tuple(_school(rng, names, number, parallels) for number in range(1, schools_n + 1))
    return Municipality(size, seed, schools)


def next_year(school: School, newcomers: School) -> School:
    """The school a year on, as the year transition leaves it: every class but the 9th and 11th one grade up with
    its letter, students, form teacher, teaching and timetable (their keys kept, so the timetable still names them);
    the 10th classes formed of the 9th graders of the same letter; the 1st classes of `newcomers` (the next year's
    generation, its keys prefixed "new:") with their students and guardians. The new 1st and 10th classes have no
    teaching yet: the school assigns it after the transition."""
    def renamed(person: Person) -> Person:
        return replace(person, key=f"new:{person.key}")

    continued = tuple(replace(c, grade=c.grade + 1, name=f"{c.grade + 1}{c.name.removeprefix(str(c.grade))}")
                      for c in school.classes if c.grade not in (9, 11))
    tenth = tuple(replace(c, key=f"{c.key}/10", grade=10, name=f"10{c.name.removeprefix('9')}")
                  for c in school.classes if c.grade == 9)
    first = tuple(replace(c, key=f"new:{c.key}", students=tuple(replace(s, person=renamed(s.person))
                                                                   for s in c.students))
                  for c in newcomers.classes if c.grade == 1)
    first_keys = {s.person.key for c in newcomers.classes if c.grade == 1 for s in c.students}
    keys = {c.key for c in continued}
    return replace(school, classes=continued + tenth + first, guardianships=school.guardianships + tuple(
        Guardianship(renamed(g.guardian), f"new:{g.student_key}", g.relation)
        for g in newcomers.guardianships if g.student_key in first_keys),
        assignments=tuple(a for a in school.assignments if a[0] in keys),
        timetable=tuple(e for e in school.timetable if e.class_key in keys))


def _school(rng: random.Random, names: _Names, number: int, parallels) -> School:
    counts, weights = zip(*parallels, strict=True)
    staff: list[Staff] = [
        Staff(names.person(f"{number}-director", "staff", "female", names.birth(1968)), ("director",), True),
        Staff(names.person(f"{number}-secretary", "staff", "female", names.birth(1985)), ("secretary",), False)]
    deputies = 1 if len(parallels) == 1 else 3
    staff += [Staff(names.person(f"{number}-deputy{i}", "staff", rng.choice(["female", "female", "male"]),
                                 names.birth(1972)), ("deputy_head",), True) for i in range(1, deputies + 1)]
    classes, guardianships, form_of = [], [], {}
    for grade in range(1, 12):
        for letter in LETTERS[:rng.choices(counts, weights)[0]]:
            key = f"{number}-{grade}{letter}"
            students = tuple(_student(rng, names, key, grade, i, guardianships)
                             for i in range(round(rng.triangular(*CLASS_SIZE))))
            classes.append((key, grade, f"{grade}{letter}", students))
    teacher_no = [0]

    def new_teacher(roles: tuple[str, ...]) -> str:
        teacher_no[0] += 1
        gender = rng.choices(["female", "male"], [80, 20])[0]
        person = names.person(f"{number}-t{teacher_no[0]}", "staff", gender, names.birth(rng.randint(1962, 1999)))
        staff.append(Staff(person, roles, True))
        return person.key

    assignments: list[tuple[str, str, str]] = []
    load: dict[str, int] = {}
    for key, grade, _, _ in classes:  # primary classes: their own teacher for all but the specialists' subjects
        if grade <= 4:
            teacher = new_teacher(("subject_teacher", "form_teacher"))
            form_of[key] = teacher
            for subject, hours in CURRICULUM[grade].items():
                if subject not in PRIMARY_SPECIALISTS:
                    assignments.append((key, subject, teacher))
                    load[teacher] = load.get(teacher, 0) + hours
    by_family: dict[str, list[tuple[str, int, list[str]]]] = {}
    for key, grade, _, _ in classes:  # specialists: classes packed per subject family up to a full load
        family_subjects: dict[str, list[str]] = {}
        for subject in CURRICULUM[grade]:
            if grade > 4 or subject in PRIMARY_SPECIALISTS:
                family_subjects.setdefault(FAMILIES.get(subject, subject), []).append(subject)
        for family, subjects in family_subjects.items():
            by_family.setdefault(family, []).append((key, sum(CURRICULUM[grade][s] for s in subjects), subjects))
    for family in sorted(by_family):
        teacher, hours_now = None, 0
        for key, hours, subjects in by_family[family]:
            if teacher is None or hours_now + hours > TEACHER_MAX_HOURS:
                teacher, hours_now = new_teacher(("subject_teacher",)), 0
            hours_now += hours
            load[teacher] = hours_now
            assignments += [(key, subject, teacher) for subject in subjects]
    senior_teachers = [s.person.key for s in staff if "subject_teacher" in s.roles and "form_teacher" not in s.roles]
    for i, (key, *_) in enumerate(c for c in classes if c[1] > 4):  # form teachers of grades 5-11
        form_of[key] = senior_teachers[i % len(senior_teachers)]
    staff = [Staff(s.person, (*s.roles, "form_teacher") if s.person.key in set(form_of.values()) and
                   "form_teacher" not in s.roles else s.roles, s.account) for s in staff]
    rooms = {key: str(100 * (1 + i // 12) + 1 + i % 12) for i, (key, *_) in enumerate(classes)}
    timetable, unplaced = _timetable(rng, classes, assignments, rooms)
    short = f"Школа № {number}"
    return School(number, short, f"Муниципальное бюджетное общеобразовательное учреждение «{short}»", tuple(staff),
                  tuple(ClassGroup(key, grade, name, students, form_of[key], rooms[key])
                        for key, grade, name, students in classes),
                  tuple(guardianships), tuple(assignments), tuple(timetable), unplaced)


def _student(rng: random.Random, names: _Names, class_key: str, grade: int, index: int,
             guardianships: list[Guardianship]) -> Student:
    gender = rng.choice(["male", "female"])
    family = rng.choice(MALE_LAST)
    father = rng.choice(sorted(PATRONYMICS))
    born = names.start_year - 7 - grade
    person = names.person(f"{class_key}-{index + 1}", "student", gender, names.birth(born),
                          last=feminine(family) if gender == "female" else family, father=father, snils=True)
    ability = rng.choices(list(ABILITIES), ABILITY_SHARE)[0]
    if rng.random() < 0.95:
        mother = names.person(f"{person.key}-m", "guardian", "female", names.birth(born - rng.randint(22, 40)),
                              last=feminine(family), snils=True)
        guardianships.append(Guardianship(mother, person.key, "mother"))
    if rng.random() < 0.6:
        dad = names.person(f"{person.key}-f", "guardian", "male", names.birth(born - rng.randint(24, 45)),
                           last=family, first=father, snils=True)
        guardianships.append(Guardianship(dad, person.key, "father"))
    return Student(person, ability)


def _timetable(rng: random.Random, classes, assignments, rooms) -> tuple[list[Entry], int]:
    """Places every lesson of the week: a subject's lessons on different days where possible, days evenly
    loaded, no class or teacher in two places at once. Lessons that find no free slot are counted."""
    teacher_of = {(key, subject): teacher for key, subject, teacher in assignments}
    busy: set[tuple[str, int, int]] = set()  # (teacher, weekday, number)
    entries, unplaced = [], 0
    for key, grade, _, _ in classes:
        per_day = {d: 0 for d in range(1, 6)}
        taken: set[tuple[int, int]] = set()
        subjects = sorted(CURRICULUM[grade].items(), key=lambda item: (-item[1], item[0]))
        for subject, hours in subjects:
            teacher = teacher_of[(key, subject)]
            days_used: dict[int, int] = {}
            for _ in range(hours):
                order = sorted(range(1, 6), key=lambda d: (days_used.get(d, 0), per_day[d], rng.random()))
                free = [(day, number) for last in (LESSONS_PER_DAY, len(BELLS)) for day in order
                        for number in range(1, last + 1)
                        if (day, number) not in taken and (teacher, day, number) not in busy]
                if not free:
                    unplaced += 1
                    continue
                day, number = free[0]  # the 8th lesson only when the first seven of every day are taken
                taken.add((day, number))
                busy.add((teacher, day, number))
                per_day[day] += 1
                days_used[day] = days_used.get(day, 0) + 1
                entries.append(Entry(key, subject, teacher, day, number, rooms[key]))
    return entries, unplaced


def lesson_record(seed: int, entry: Entry, date: str, students: tuple[Student, ...]) -> dict:
    """The whole lesson as a teacher saves it: topic, homework, marks for about a third of the present
    students (by their ability), absences (~8 %) and a latecomer now and then. Deterministic per lesson."""
    rng = random.Random(f"lesson:{seed}:{entry.class_key}:{entry.subject}:{date}:{entry.number}")
    statuses, weights = zip(*ABSENCE_STATUSES, strict=True)
    attendance, present = [], []
    for student in students:
        roll = rng.random()
        if roll < ABSENCE_RATE:
            attendance.append((student.person.key, rng.choices(statuses, weights)[0]))
        else:
            present.append(student)
            if roll < ABSENCE_RATE + LATE_RATE:
                attendance.append((student.person.key, "late"))
    marked = rng.sample(present, math.floor(len(present) * MARKED_SHARE + rng.random()))
    marks = [(s.person.key, rng.choices("5432", ABILITIES[s.ability])[0]) for s in marked]
    return {"topic": f"{entry.subject}: тема урока {date}", "homework": f"§ {rng.randint(1, 40)}, № {rng.randint(1, 300)}",
            "marks": marks, "attendance": attendance}
