"""Errors of all-or-nothing imports, named by row."""
import pytest

from services.common.errors import Conflict, FailedPrecondition, Invalid, NotFound
from services.schedule.domain.import_rows import check_size, refuse, row_errors


def test_a_wrong_value_keeps_its_reason_other_errors_their_whole_message():
    assert row_errors("lines", 3, Invalid("weekday", "от 1 до 6")) == {"lines[3].weekday": "от 1 до 6"}
    assert row_errors("lines", 0, NotFound("Предмет не найден", {"subject_id": "не найден"})) == {
        "lines[0].subject_id": "Предмет не найден"}
    assert row_errors("lines", 1, Conflict("Урок пересекается", {"room": "занят"})) == {"lines[1].room": "Урок пересекается"}
    assert row_errors("hours", 2, FailedPrecondition("Учебный год 2025/2026 закрыт")) == {
        "hours[2]": "Учебный год 2025/2026 закрыт"}


def test_errors_refuse_the_whole_import_and_too_many_rows_are_refused():
    refuse({}, "Расписание не загружено")
    with pytest.raises(Invalid) as err:
        refuse({"lines[0].weekday": "от 1 до 6", "lines[4]": "закрыт"}, "Расписание не загружено")
    assert err.value.message == "Расписание не загружено: ошибок 2, ничего не сохранено"
    assert err.value.fields == {"lines[0].weekday": "от 1 до 6", "lines[4]": "закрыт"}
    check_size([1, 2], "lines", 2)
    with pytest.raises(Invalid) as err:
        check_size([1, 2, 3], "lines", 2)
    assert err.value.fields == {"lines": "не больше 2 строк за один раз, а их 3: разделите на части"}
