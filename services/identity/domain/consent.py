"""The consent to the processing of personal data (152-FZ, art. 9) that a family member gives the school at the
first sign-in: who is asked, the versioned text (a new version asks everyone again), and the decision. Plain Python,
no I/O.

Who is asked: a guardian (for themself and their children: a minor's consent is given by their legal representative,
art. 9 p. 6), and a student aged 18 or more on the day (an adult consents for themself). A minor student is not asked
(their guardian is); staff are not asked here (their consent belongs to the employment, kept by the school's HR).
The school is the operator: a person with records in two schools consents to each of them."""
import datetime as dt
import hashlib
from dataclasses import dataclass

ACCEPTED, DECLINED = "accepted", "declined"
DECISIONS = (ACCEPTED, DECLINED)
ADULT_AGE = 18

# version -> the text, with the school's {name}, {address} and {inn} put in when it is shown. A text once released is
# never edited: a change is a new version, and everyone is asked again.
TEXTS: dict[str, str] = {
    "2026-1": (
        "Согласие на обработку персональных данных\n"
        "В соответствии со статьёй 9 Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных» я даю "
        "согласие оператору — {name} (адрес: {address}; ИНН {inn}) — на обработку моих персональных данных и, если я "
        "законный представитель обучающегося, персональных данных моего ребёнка (подопечного).\n"
        "Цель обработки: ведение электронного классного журнала и электронного дневника, информирование о текущей, "
        "промежуточной и итоговой успеваемости, посещаемости, домашних заданиях и мероприятиях школы, связь школы с "
        "семьёй.\n"
        "Перечень данных: фамилия, имя, отчество; пол; дата рождения; СНИЛС; контактные данные (телефон, адрес "
        "электронной почты, адрес), если школа их хранит; сведения о родстве; класс, отметки, посещаемость, "
        "домашние задания и сообщения; сведения о входе в систему (время и адрес подключения).\n"
        "Действия с данными: сбор, запись, систематизация, накопление, хранение, уточнение (обновление, изменение), "
        "извлечение, использование, передача (предоставление, доступ) органу управления образованием "
        "муниципалитета в пределах его полномочий, обезличивание, блокирование, удаление, уничтожение; обработка "
        "автоматизированная и без средств автоматизации.\n"
        "Срок: согласие действует на время обучения ребёнка (моего обучения) в школе и на сроки хранения "
        "документов, установленные законодательством (электронный журнал — 5 лет, сводные ведомости успеваемости — "
        "25 лет).\n"
        "Я знаю, что могу отозвать согласие письменным заявлением в школу; отказ от согласия не лишает права на "
        "получение сведений об успеваемости и посещаемости ребёнка в печатном виде у классного руководителя."),
}
CURRENT_VERSION = "2026-1"
UNKNOWN = "не указан"


@dataclass(frozen=True)
class Consenter:
    """A person record that may be asked: its kind and birth date."""

    kind: str
    birth_date: dt.date | None


def age_on(birth_date: dt.date, day: dt.date) -> int:
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def asked(person: Consenter, today: dt.date) -> bool:
    """Whether the record's person gives the consent themself: a guardian, or a student of 18 or more."""
    if person.kind == "guardian":
        return True
    return person.kind == "student" and person.birth_date is not None and age_on(person.birth_date, today) >= ADULT_AGE


def text(version: str, name: str, address: str, inn: str) -> str:
    """The text of a version as shown for the school (KeyError: no such version)."""
    return TEXTS[version].format(name=name or UNKNOWN, address=address or UNKNOWN, inn=inn or UNKNOWN)


def fingerprint(shown: str) -> str:
    """The SHA-256 of the text shown, kept with the decision: what exactly the person read."""
    return hashlib.sha256(shown.encode()).hexdigest()


def current(version: str, decision: str) -> bool:
    """Whether a person's latest decision is the current text accepted (nothing more to ask)."""
    return version == CURRENT_VERSION and decision == ACCEPTED
