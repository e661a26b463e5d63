"""The gateway's input validation: types, required fields, formats, enums, nested field names."""
from gateway.api.schema import BOOLEAN, DATE, INTEGER, UUID, array, enum, obj, string, validate

PERSON = obj({"kind": enum("staff", "student"), "last_name": string()},
             {"birth_date": DATE, "class_group_id": UUID, "create_account": BOOLEAN, "grade": INTEGER,
              "roles": array(string()), "admin": obj({"email": string()})})
ID = "0b6f5a8e-3c1d-4b7a-9a55-2f7c1f0e9d11"


def test_valid_input_has_no_errors():
    assert validate({"kind": "staff", "last_name": "Иванов", "birth_date": "2015-09-01", "class_group_id": ID,
                     "create_account": True, "grade": 5, "roles": ["subject_teacher"], "admin": {"email": "a@b"}},
                    PERSON) == {}


def test_missing_required_fields_are_named():
    assert validate({}, PERSON) == {"kind": "Обязательное поле", "last_name": "Обязательное поле"}
    assert validate({"kind": "staff", "last_name": None}, PERSON) == {"last_name": "Обязательное поле"}


def test_wrong_types_are_named_with_their_path():
    errors = validate({"kind": 1, "last_name": ["x"], "create_account": "yes", "grade": True,
                       "roles": ["a", 2], "admin": {"email": 5}}, PERSON)
    assert errors == {"kind": "Ожидается строка", "last_name": "Ожидается строка",
                      "create_account": "Ожидается логическое значение (true/false)", "grade": "Ожидается целое число",
                      "roles[1]": "Ожидается строка", "admin.email": "Ожидается строка"}


def test_enum_format_range_and_unknown_fields():
    errors = validate({"kind": "teacher", "last_name": "И", "birth_date": "01.09.2015", "class_group_id": "5A",
                       "grade": 2**31, "nickname": "x"}, PERSON)
    assert errors == {"kind": "Допустимые значения: staff, student",
                      "birth_date": "Ожидается дата в формате ГГГГ-ММ-ДД",
                      "class_group_id": "Ожидается идентификатор (UUID)",
                      "grade": "Число вне допустимого диапазона", "nickname": "Неизвестное поле"}


def test_impossible_and_compact_dates_are_refused():
    for bad in ("2025-02-30", "20250901", "2025-9-1"):
        assert "birth_date" in validate({"kind": "staff", "last_name": "И", "birth_date": bad}, PERSON)


def test_an_optional_empty_id_counts_as_absent():
    assert validate({"kind": "staff", "last_name": "И", "class_group_id": ""}, PERSON) == {}
    assert validate("", UUID) == {"body": "Ожидается идентификатор (UUID)"}


def test_body_that_is_not_an_object():
    assert validate([1, 2], PERSON) == {"body": "Ожидается объект"}


def test_control_characters_and_lone_surrogates_are_refused():
    for bad in ("a\x00b", "\ud800", "\x1b[31m"):
        assert validate(bad, string()) == {"body": "Недопустимые символы в строке"}
    assert validate("строка\tс табуляцией\r\n", string()) == {}
