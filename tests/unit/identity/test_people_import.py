"""Unit tests of reading and checking an import file: formats, limits, per-line problems and duplicates."""
import datetime as dt
import io

import pytest
from openpyxl import Workbook

from services.common.errors import Invalid
from services.identity.domain import people_import
from services.identity.domain.people_import import MAX_ROWS
from services.identity.domain.staff_card import StaffCard

TODAY = dt.date(2025, 9, 1)
HEADER = "kind;last_name;first_name;middle_name;gender;birth_date;snils;roles;class_group_id"


def checked(*lines: str, header: str = HEADER):
    content = "\n".join((header, *lines)).encode()
    return [people_import.check_line(line, TODAY) for line in people_import.read_lines("f.csv", content)]


def test_lines_are_numbered_as_in_the_file_and_blank_lines_skipped():
    items = checked("guardian;Иванова;Анна;;;;;;", ";;;;;;;;", "guardian;Петрова;Ольга;;;;;;")
    assert [item.line for item in items] == [2, 4]
    assert all(item.person and not item.problems for item in items)


def test_comma_separated_with_a_bom_and_columns_in_any_order():
    content = "\ufefffirst_name,last_name,kind\nАнна,Иванова,родитель\n".encode()
    [line] = people_import.read_lines("F.CSV", content)
    item = people_import.check_line(line, TODAY)
    assert (item.person.kind, item.person.name.full) == ("guardian", "Иванова Анна")


def test_problems_are_named_by_column():
    [snils, gender, name, date, roles, kind] = checked(
        "guardian;Иванова;Анна;;;;112-233-445 94;;", "student;Петров;Иван;;x;2015-01-01;;;",
        "guardian;;Мария;;;;;;", "student;Смирнов;Олег;;м;2015-02-30;;;", "staff;Учителев;Иван;;;;;wizard;",
        "alien;Кто;То;;;;;;")
    assert list(snils.problems) == ["snils"] and snils.person is None
    assert gender.problems == {"gender": "male или female"}
    assert name.problems == {"last_name": "обязательное поле"}
    assert date.problems == {"birth_date": "дата в формате ГГГГ-ММ-ДД"}
    assert roles.problems == {"roles": "неизвестные роли: wizard"}
    assert "kind" in kind.problems


def test_staff_roles_may_be_separated_by_commas_or_spaces():
    [item] = checked('staff;Учителев;Иван;;;;;"subject_teacher, form_teacher";')
    assert item.person.roles == ("form_teacher", "subject_teacher")


def test_duplicates_of_the_school_and_of_earlier_lines():
    items = checked("guardian;Иванова;Анна;;;;112-233-445 95;;", "guardian;Иванова;Анна;;;;11223344595;;",
                    "student;Петров;Иван;;male;2015-01-01;;;", "student;петров;иван;;male;2015-01-01;;;",
                    "student;Петров;Иван;;male;2016-01-01;;;")
    existing = {people_import.identity_key("student", None, items[2].person.name, dt.date(2015, 1, 1)): "p1"}
    people_import.mark_duplicates(items, existing)
    assert [item.duplicate_of for item in items] == ["", "line 2", "p1", "p1", ""]


def test_xlsx_cells_read_as_typed():
    book = Workbook()
    book.active.append(HEADER.split(";"))
    book.active.append(["student", "Орлов", "Глеб", None, "male", dt.datetime(2013, 11, 12), 11223344595.0, None, None])
    buffer = io.BytesIO()
    book.save(buffer)
    [(number, values)] = people_import.read_lines("people.xlsx", buffer.getvalue())
    assert number == 2 and values["birth_date"] == "2013-11-12" and values["snils"] == "11223344595"


@pytest.mark.parametrize("filename, content, field, message", [
    ("people.doc", b"", "filename", "поддерживаются файлы .csv и .xlsx"),
    ("people.csv", b"", "content", "файл пуст"),
    ("people.csv", b"kind;first_name", "content", "в первой строке нет столбцов: last_name"),
    ("people.csv", HEADER.encode(), "content", "в файле нет строк с данными"),
    ("people.csv", "kind;last_name;first_name\nродитель".encode("cp1251"), "content", "кодировке UTF-8"),
    ("people.xlsx", b"PK not really", "content", "не является книгой Excel"),
    ("people.csv", (HEADER + "\nguardian;Иванова;Анна" * (MAX_ROWS + 1)).encode(), "content", f"больше {MAX_ROWS} строк"),
    ("people.csv", b"x" * (2 * 1024 * 1024 + 1), "content", "больше 2 МБ"),
])
def test_whole_file_problems(filename, content, field, message):
    with pytest.raises(Invalid) as refused:
        people_import.read_lines(filename, content)
    assert message in refused.value.fields[field]


FULL = (HEADER + ";position;qualification_category;functions;diploma_specialty;phone;email;address;row_key;"
        "guardian_of;relation")


def test_staff_card_and_contacts_from_the_file():
    content = (FULL + "\nстаff;;;;;;;;;;;;;;;;;;\n").encode()  # noqa: RUF001 (a typo'd kind on purpose)
    lines = people_import.read_lines("f.csv", content)
    [line] = lines
    item = people_import.check_line(line, TODAY, ("phone",))
    assert "kind" in item.problems
    line = (3, {"kind": "сотрудник", "last_name": "Учителева", "first_name": "Анна", "roles": "subject_teacher",
                "position": "Учитель математики", "qualification_category": "Высшая", "diploma_specialty": "Математика",
                "phone": "8 (912) 345-67-89"})
    item = people_import.check_line(line, TODAY, ("phone",))
    assert item.person.staff == StaffCard("Учитель математики", "highest", "", "Математика")
    assert item.person.contacts.phone == "+79123456789"
    refused = people_import.check_line((4, {**line[1], "email": "a@b.ru", "qualification_category": "вторая",
                                            "phone": "12"}), TODAY, ("phone",))
    assert set(refused.problems) == {"email", "qualification_category", "phone"} and refused.person is None


def test_guardians_name_their_students_by_row_key_or_snils():
    existing_snils = "11223344595"
    items = checked("student;Петров;Иван;;male;2015-01-01;;;;;;;;;;;s1;;",
                    "guardian;Петрова;Анна;;;;;;;;;;;;;;;s1, 112-233-445 95;мать",
                    "guardian;Петров;Олег;;;;;;;;;;;;;;g2;s1;отец",
                    "guardian;Сидорова;Анна;;;;;;;;;;;;;;;g2;",
                    "guardian;Кто;То;;;;;;;;;;;;;;;нет-такого;тётя",
                    "student;Сидоров;Пётр;;male;2015-01-01;;;;;;;;;;;s1;мать;", header=FULL)
    existing = {("student", "snils", existing_snils): "p-existing"}
    people_import.mark_duplicates(items, existing)
    links = people_import.resolve_links(items, existing)
    assert [(item.line, target) for item, target in links] == [
        (3, ("line", "2")), (3, ("person", "p-existing")), (4, ("line", "2"))]
    assert items[1].relation == "mother" and items[2].relation == "father"
    assert items[3].problems == {"guardian_of": "строка 4 (ключ «g2») — не обучающийся"}
    assert "нет строки с ключом «нет-такого»" in items[4].problems["guardian_of"]
    assert items[4].problems["relation"] == "мать, отец, опекун или другое (mother, father, guardian, other)"
    assert items[5].problems == {"guardian_of": "связь с обучающимся указывается только у родителя",
                                 "row_key": "ключ уже есть в строке 2"}
