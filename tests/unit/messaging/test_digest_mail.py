"""The guardian's e-mail digest: Russian subject, text and HTML; every item names its child; the unsubscribe link in
every digest; nothing to tell, no mail; a caller's mistake (another family's child) is a bug, never a mail."""
import datetime as dt
import re

import pytest

from services.common.mail import checked
from services.messaging.domain.digest_mail import (
    AbsenceItem,
    Child,
    Digest,
    HomeworkItem,
    MarkItem,
    NoticeItem,
    compose_digest,
    day_label,
    period_label,
    plural,
)

THURSDAY = dt.date(2026, 12, 3)
UNSUBSCRIBE = "https://journal.example/unsubscribe/abc.def"
PETR = Child("c-1", "Иванов Пётр", "5А")
ANNA = Child("c-2", "Иванова Анна", "2Б", "Школа № 7")


def digest(**fields) -> Digest:
    values = dict(period="daily", first_day=THURSDAY, last_day=THURSDAY, guardian_name="Мария Петровна",
                  children=(PETR, ANNA), unsubscribe_url=UNSUBSCRIBE)
    return Digest(**{**values, **fields})


FULL = dict(
    marks=(MarkItem("c-1", THURSDAY, "математика", "5", "контрольная работа", 2, "Молодец"),
           MarkItem("c-1", THURSDAY, "русский язык", "2"),
           MarkItem("c-2", THURSDAY, "чтение", "4")),
    absences=(AbsenceItem("c-1", THURSDAY, "unexcused", "физика", 2), AbsenceItem("c-2", THURSDAY, "ill")),
    homework=(HomeworkItem("c-1", THURSDAY + dt.timedelta(days=5), "математика", "№ 245, 247"),),
    notices=(NoticeItem("c-2", THURSDAY, "Родительское собрание", "В пятницу в 18:00, кабинет 12.",
                        "Классный руководитель Петрова А. В."),),
    diary_url="https://journal.example/diary",
)


def item_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("- ")]


def test_a_daily_digest_in_russian_with_every_item_naming_its_child():
    mail = compose_digest(digest(**FULL))
    assert mail.subject == "Дневник за 3 декабря 2026: Иванов Пётр, Иванова Анна"
    assert mail.text.startswith("Здравствуйте, Мария Петровна!\n\nЕжедневная сводка электронного дневника за 3 декабря 2026.")
    lines = item_lines(mail.text)
    assert len(lines) == 7
    assert all(line.startswith(("- Иванов Пётр — ", "- Иванова Анна — ")) for line in lines)
    assert "- Иванов Пётр — математика, 3 декабря (чт): 5 (контрольная работа; вес 2; комментарий учителя: «Молодец»)" in lines
    assert "- Иванов Пётр — физика, 3 декабря (чт): НП — неуважительная (2-й урок)" in lines
    assert "- Иванова Анна — весь день, 3 декабря (чт): Б — болел" in lines
    assert "- Иванов Пётр — математика, к 8 декабря (вт): № 245, 247" in lines
    assert "Иванов Пётр, 5А: 2 оценки, 1 пропуск, 1 домашнее задание" in mail.text
    assert "Иванова Анна, 2Б, Школа № 7: 1 оценка, 1 пропуск, 1 объявление" in mail.text
    assert f"Отписаться от неё (без входа в систему): {UNSUBSCRIBE}" in mail.text
    assert "https://journal.example/diary" in mail.text


def test_the_html_alternative_says_the_same_and_names_the_child_in_every_item():
    mail = compose_digest(digest(**FULL))
    assert mail.html.startswith("<!DOCTYPE html>") and '<html lang="ru">' in mail.html
    items = re.findall(r"<li[^>]*>(.*?)</li>", mail.html)
    assert len(items) == 7
    assert all(item.startswith(("<b>Иванов Пётр</b> — ", "<b>Иванова Анна</b> — ")) for item in items)
    assert f'<a href="{UNSUBSCRIBE}">Отписаться</a>' in mail.html
    assert "<title>Дневник за 3 декабря 2026: Иванов Пётр, Иванова Анна</title>" in mail.html


def test_what_teachers_write_is_escaped_in_html_and_kept_in_text():
    mail = compose_digest(digest(marks=(MarkItem("c-1", THURSDAY, "химия", "3", comment='<script>alert("x")</script>'),)))
    assert "<script>" not in mail.html and "&lt;script&gt;" in mail.html
    assert '<script>alert("x")</script>' in mail.text


def test_a_child_with_nothing_new_is_said_so_and_left_out_of_the_subject():
    mail = compose_digest(digest(marks=(MarkItem("c-1", THURSDAY, "история", "4"),)))
    assert mail.subject == "Дневник за 3 декабря 2026: Иванов Пётр"
    assert "Иванова Анна, 2Б, Школа № 7: нового нет" in mail.text


def test_nothing_to_tell_no_mail():
    assert compose_digest(digest()) is None


def test_a_weekly_digest_names_its_week():
    monday, sunday = dt.date(2026, 11, 30), dt.date(2026, 12, 6)
    mail = compose_digest(digest(period="weekly", first_day=monday, last_day=sunday,
                                 marks=(MarkItem("c-2", monday, "чтение", "5"),)))
    assert mail.subject == "Дневник за неделю 30 ноября – 6 декабря 2026: Иванова Анна"
    assert "Еженедельная сводка электронного дневника за 30 ноября – 6 декабря 2026." in mail.text
    assert "подписались на еженедельную сводку" in mail.text


def test_items_come_in_order_of_date_then_subject():
    friday = THURSDAY + dt.timedelta(days=1)
    mail = compose_digest(digest(period="weekly", first_day=THURSDAY - dt.timedelta(days=3), last_day=friday,
                                 marks=(MarkItem("c-1", friday, "алгебра", "3"), MarkItem("c-1", THURSDAY, "физика", "4"),
                                        MarkItem("c-1", THURSDAY, "биология", "5"))))
    assert [line.split(" — ")[1].split(",")[0] for line in item_lines(mail.text)] == ["биология", "физика", "алгебра"]


def test_the_digest_becomes_a_mail_with_its_unsubscribe_link():
    mail = checked(compose_digest(digest(**FULL)).mail("Ivanova@Example.com"))
    assert (mail.to, mail.kind, mail.unsubscribe_url) == ("Ivanova@example.com", "digest.daily", UNSUBSCRIBE)
    assert mail.html and mail.text and mail.subject


@pytest.mark.parametrize("fields", [
    {"marks": (MarkItem("c-9", THURSDAY, "математика", "5"),)},  # another family's child
    {"period": "monthly"},
    {"last_day": THURSDAY + dt.timedelta(days=1)},  # a daily digest of two days
    {"period": "weekly", "last_day": THURSDAY + dt.timedelta(days=7)},  # eight days
    {"period": "weekly", "last_day": THURSDAY - dt.timedelta(days=1)},
    {"children": ()},
    {"children": (PETR, PETR)},
    {"unsubscribe_url": ""},
    {"absences": (AbsenceItem("c-1", THURSDAY, "прогул"),)},
])
def test_a_digest_the_caller_got_wrong_is_a_bug(fields):
    with pytest.raises(ValueError):
        compose_digest(digest(**{"marks": (MarkItem("c-1", THURSDAY, "математика", "5"),), **fields}))


@pytest.mark.parametrize(("n", "word"), [(0, "оценок"), (1, "оценка"), (2, "оценки"), (4, "оценки"), (5, "оценок"),
                                         (11, "оценок"), (12, "оценок"), (14, "оценок"), (21, "оценка"),
                                         (22, "оценки"), (101, "оценка"), (111, "оценок")])
def test_russian_plurals(n, word):
    assert plural(n, "оценка", "оценки", "оценок") == f"{n} {word}"


def test_dates_in_russian():
    assert day_label(dt.date(2026, 12, 7)) == "7 декабря (пн)"
    assert period_label(dt.date(2026, 12, 7), dt.date(2026, 12, 7)) == "7 декабря 2026"
    assert period_label(dt.date(2026, 12, 1), dt.date(2026, 12, 7)) == "1–7 декабря 2026"
    assert period_label(dt.date(2026, 11, 30), dt.date(2026, 12, 6)) == "30 ноября – 6 декабря 2026"
    assert period_label(dt.date(2025, 12, 29), dt.date(2026, 1, 4)) == "29 декабря 2025 – 4 января 2026"


def test_homework_is_due_at_the_next_lesson_or_says_when_it_was_given():
    mail = compose_digest(digest(homework=(HomeworkItem("c-1", None, "история", "параграф 12", given=THURSDAY),)))
    assert "- Иванов Пётр — история, задано 3 декабря (чт): параграф 12" in item_lines(mail.text)
