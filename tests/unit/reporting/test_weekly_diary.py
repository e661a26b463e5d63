"""The week's diary of a class (T9), hand-checked: whose lessons (dated membership, subgroups told or not, a record on
a subgroup's lesson), the marks on their lessons (and a mark told before its lesson was kept), own homework,
attendance and the week's count, the class's events; the PDF's text (a student a page, signatures) by pdftotext."""
import datetime as dt

from services.common.event_audience import Audience
from services.reporting.adapters.weekly_diary_files import weekly_diaries_pdf
from services.reporting.domain import weekly_diary as diary
from services.reporting.domain.attendance_sheet import Missed
from tests.support.pdf_text import needs_pdftotext, pdf_text

D, T = dt.date, dt.time
MON, SUN = D(2026, 9, 7), D(2026, 9, 13)
C5A = diary.Named("c5a", "5А")
MEMBERS = [diary.Member("z", "Зайцев Пётр", None, None), diary.Member("a", "Антонова Ёлка", None, None),
           diary.Member("n", "Новиков Денис", D(2026, 9, 9), None)]  # joined on Wednesday
LESSONS = [
    diary.LessonFact("l1", MON, 1, T(8, 30), "m", "Математика", "", "", "Дроби", "№ 12, 14"),
    diary.LessonFact("l2", MON, 2, T(9, 25), "e", "Английский язык", "g1", "1 группа", "Present Simple", "упр. 3"),
    diary.LessonFact("l3", MON, 2, T(9, 25), "e", "Английский язык", "g2", "2 группа", "Past Simple", "упр. 5"),
    diary.LessonFact("l4", D(2026, 9, 9), 1, T(8, 30), "m", "Математика", "", "", "Сложение дробей", ""),
    diary.LessonFact("l5", D(2026, 9, 10), 3, T(10, 20), "t", "Труд", "g9", "Мальчики", "Рубанок", ""),
]
SUBGROUPS = [diary.SubgroupFact("g1", "Английский, группа А", ("z", "n")), diary.SubgroupFact("g2", "", ("a",))]
MARKS = [diary.MarkFact("z", "m", "Математика", MON, "l1", "5", "test", "молодец"),
         diary.MarkFact("z", "m", "Математика", D(2026, 9, 9), "", "4", "classwork", ""),  # no lesson told
         diary.MarkFact("a", "e", "Английский язык", MON, "l2", "3", "oral", ""),  # another group's lesson
         diary.MarkFact("z", "r", "Русский язык", D(2026, 9, 11), "", "2", "homework", "")]  # no lesson at all
ATTENDANCE = [diary.AttendanceFact("l4", "z", "ill"), diary.AttendanceFact("l1", "a", "late"),
              diary.AttendanceFact("l4", "a", "unexcused")]
OWN = [diary.OwnHomework("l1", "z", "Исправить ошибки в № 12")]
EVENTS = [diary.EventFact(D(2026, 9, 11), T(18), T(19), "Собрание 5А", "Родительское собрание", "каб. 21",
                          Audience("class_groups", (), ("c5a",), "families")),
          diary.EventFact(D(2026, 9, 8), None, None, "Педсовет", "Совещание", "", Audience(people="staff")),
          diary.EventFact(D(2026, 9, 12), None, None, "День здоровья", "Спортивное мероприятие", "Стадион",
                          Audience("grades", (5, 6), (), "everyone")),
          diary.EventFact(D(2026, 9, 12), None, None, "Экскурсия 9-х", "Экскурсия", "", Audience("grades", (9,)))]
FACTS = diary.WeekFacts(C5A, 5, MEMBERS, LESSONS, MARKS, ATTENDANCE, OWN, SUBGROUPS, EVENTS)
WORK_TYPES = {"test": "Контрольная работа", "classwork": "Работа на уроке", "oral": "Устный ответ"}


def week(**changes) -> diary.WeeklyDiaries:
    return diary.weekly_diaries("Школа № 7", changes.get("facts", FACTS), MON, SUN, WORK_TYPES,
                                changes.get("only", frozenset()))


def lines(student: diary.StudentWeek) -> list[tuple]:
    return [(x.date.day, x.number, x.subject_name, [m.value for m in x.marks], x.attendance) for x in student.lessons]


def test_a_week_is_monday_to_sunday():
    assert diary.week_of(D(2026, 9, 10)) == (MON, SUN) and diary.week_of(SUN) == (MON, SUN)


def test_each_student_has_the_class_lessons_of_their_days_and_their_own_subgroups():
    diaries = week()
    assert [s.student.name for s in diaries.students] == ["Антонова Ёлка", "Зайцев Пётр", "Новиков Денис"]
    antonova, zaitsev, novikov = diaries.students
    assert lines(zaitsev) == [
        (7, 1, "Математика", ["5"], ""), (7, 2, "Английский язык (Английский, группа А)", [], ""),
        (9, 1, "Математика", ["4"], "ill"), (10, 3, "Труд (Мальчики)", [], ""),  # a subgroup never told: everyone
        (11, 0, "Русский язык", ["2"], "")]  # a mark with no lesson kept has a line of its own
    assert lines(antonova) == [
        (7, 1, "Математика", [], "late"),
        (7, 2, "Английский язык (2 группа)", [], ""),  # her group's, the told name empty: the lesson's
        (7, 2, "Английский язык (Английский, группа А)", ["3"], ""),  # her mark on it: the lesson is hers too
        (9, 1, "Математика", [], "unexcused"), (10, 3, "Труд (Мальчики)", [], "")]
    assert [x.date.day for x in novikov.lessons] == [9, 10]  # from Wednesday on


def test_a_lesson_shows_its_topic_homework_own_homework_marks_with_work_types_and_the_weeks_absences():
    zaitsev = week().students[1]
    first = zaitsev.lessons[0]
    assert (first.topic, first.homework, first.own_homework) == ("Дроби", "№ 12, 14", "Исправить ошибки в № 12")
    assert first.marks == (diary.DiaryMark("5", "test", "Контрольная работа", "молодец"),)
    assert zaitsev.lessons[2].attendance_name == "Б — болел"
    assert (zaitsev.missed, zaitsev.late) == (Missed((0, 1, 0, 0), 1), 0)
    antonova = week().students[0]
    assert (antonova.missed, antonova.late) == (Missed((0, 0, 0, 1), 1), 1)


def test_only_the_students_named_and_the_classes_events_for_families():
    only = week(only=frozenset({"n"}))
    assert [s.student.id for s in only.students] == ["n"]
    assert [e.title for e in only.events] == ["Собрание 5А", "День здоровья"]


@needs_pdftotext
def test_the_pdf_has_a_student_a_page_with_the_lessons_the_absences_the_events_and_the_signatures(tmp_path):
    content = weekly_diaries_pdf(week(), dt.datetime(2026, 9, 14, 8, 0))
    text = pdf_text(content, tmp_path)
    pages = text.split("\f")
    assert len([p for p in pages if p.strip()]) == 3
    zaitsev = next(p for p in pages if "Зайцев Пётр" in p)
    for expected in ("Школа № 7", "Дневник за неделю", "Зайцев Пётр, класс 5А, неделя с 07.09.2026 по 13.09.2026",
                     "понедельник,", "среда, 09.09", "Дроби", "№ 12, 14", "Лично: Исправить", "5 (Контрольная",
                     "работа: молодец)", "Б — болел", "Пропущено уроков за неделю: 1.",
                     "Мероприятия недели", "пятница, 11.09, 18:00–19:00: Собрание 5А (Родительское собрание), каб. 21",
                     "Классный руководитель", "Родитель (законный представитель)", "стр. 2 из 3"):
        assert expected in zaitsev, expected
    assert "Педсовет" not in text and "Экскурсия 9-х" not in text
    empty = diary.WeekFacts(C5A, 5, [], [], [], [], [], [], [])
    assert "В классе на этой неделе нет учеников." in pdf_text(weekly_diaries_pdf(week(facts=empty),
                                                                                  dt.datetime(2026, 9, 14)), tmp_path)
