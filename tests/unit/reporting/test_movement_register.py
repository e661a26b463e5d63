"""The movement register's rows (kinds in Russian, classes by name, order-number order, the late and cancellation
marks) and its PDF."""
from services.reporting.adapters import movement_register_pdf
from services.reporting.domain import movement_register as register
from tests.support.pdf_text import needs_pdftotext, pdf_text

CLASSES = {"c5a": "5А", "c5b": "5Б", "c6a": "6А", "c9a": "9А"}


def orders() -> list[register.Order]:
    debt = register.Debt("math", "Математика", "2027-10-15")
    return [
        register.Order("o10", "conditional_promotion", "10", "2027-08-20", "2027-09-01", "решение педсовета",
                       "y", lines=(register.OrderLine("s3", "Ёлкина Анна", "c5a", "c6a", debts=(debt,)),)),
        register.Order("o2", "transfer", "2", "2027-01-20", "2027-01-14", "заявление родителей", "y", late=True,
                       cancelled_by_order_id="o3",
                       lines=(register.OrderLine("s1", "Петров Илья", "c5a", "c5b"),
                              register.OrderLine("s2", "Абрамов Олег", "c5a", "c5b"))),
        register.Order("o3", "cancellation", "3", "2027-01-21", "2027-01-14", "ошибка", "y", cancels_order_id="o2",
                       lines=(register.OrderLine("s1", "Петров Илья", "c5a", "c5b"),
                              register.OrderLine("s2", "Абрамов Олег", "c5a", "c5b"))),
        register.Order("o1", "leaving", "1-в", "2026-12-01", "2026-12-01", "переезд", "y",
                       lines=(register.OrderLine("s4", "Леонов Кирилл", "c9a", destination="школа № 2"),)),
        register.Order("o11", "graduation", "11", "2027-06-25", "2027-06-26", "окончание обучения", "y",
                       cancels_order_id="elsewhere",
                       lines=(register.OrderLine("s5", "Яковлев Пётр", "c9a",
                                                 document="аттестат об основном общем образовании № 1"),)),
    ]


def test_one_row_per_student_in_order_number_order_in_russian():
    rows = register.register_rows(orders(), CLASSES, {})
    assert [(r.number, r.student_name) for r in rows] == [
        ("1-в", "Леонов Кирилл"), ("2", "Петров Илья"), ("2", "Абрамов Олег"), ("3", "Петров Илья"),
        ("3", "Абрамов Олег"), ("10", "Ёлкина Анна"), ("11", "Яковлев Пётр")], "numbers in natural order"
    assert [r.kind for r in rows[::2]] == ["Выбытие", "Перевод в другой класс", "Отмена приказа", "Выпуск"]
    assert rows[5].kind == "Условный перевод"
    assert (rows[1].from_class, rows[1].to_class, rows[0].from_class, rows[0].to_class) == ("5А", "5Б", "9А", "")
    assert (rows[0].destination, rows[6].document) == ("школа № 2", "аттестат об основном общем образовании № 1")
    assert rows[5].debts == (register.Debt("math", "Математика", "2027-10-15"),)
    assert (rows[1].order_date, rows[1].effective_date, rows[1].reason) == ("2027-01-20", "2027-01-14",
                                                                            "заявление родителей")


def test_the_marks_say_late_cancelled_and_cancelling_orders_by_number():
    rows = register.register_rows(orders(), CLASSES, {"elsewhere": "7"})
    marks = {r.number: r.marks for r in rows}
    assert marks["2"] == ("позже срока", "отменён приказом № 3")
    assert marks["3"] == ("отменяет приказ № 2",)
    assert marks["11"] == ("отменяет приказ № 7",), "an order of another year is named by the numbers given"
    assert marks["1-в"] == marks["10"] == ()


def test_an_order_not_known_yet_is_named_without_a_number():
    rows = register.register_rows(orders()[1:2], CLASSES, {})
    assert rows[0].marks == ("позже срока", "отменён приказом")
    assert register.register_rows(orders()[:1], {}, {})[0].from_class == "", "a class not known yet: no name"


@needs_pdftotext
def test_pdf_has_cyrillic_text(tmp_path):
    rows = register.register_rows(orders(), CLASSES, {})
    text = pdf_text(movement_register_pdf.movement_register_pdf(
        register.MovementRegister("МБОУ «Школа № 1»", "2026/2027", rows)), tmp_path)
    assert "Книга движения учащихся" in text and "МБОУ «Школа № 1»" in text and "учебный год 2026/2027" in text
    assert "стр. 1 из 1" in text
    assert "Ёлкина Анна" in text and "Яковлев Пётр" in text and "Условный перевод" in text
    assert "20.01.2027" in text and "Математика до 15.10.2027" in text and "школа № 2" in text
    assert "позже срока" in text and "отменён приказом № 3" in text and "отменяет приказ № 2" in text
