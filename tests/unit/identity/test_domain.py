"""Unit tests of the identity rules: SNILS checksum, person and school input checks, login names."""
import datetime as dt

import pytest

from services.identity.domain.contacts import CONTACT_FIELDS, Contacts, contact_fields_problems, contact_problems, normal_phone
from services.identity.domain.person import PersonName, login_name, new_person
from services.identity.domain.school_card import SchoolCard, card_problems, school_problems, valid_inn, valid_ogrn
from services.identity.domain.snils import snils_digits, valid_snils
from services.identity.domain.staff_card import StaffCard, staff_card_problems

TODAY = dt.date(2025, 9, 1)


@pytest.mark.parametrize("snils", [
    "11223344595",  # sum 95 < 100: the checksum is the sum
    "12001040850",  # sum 50
    "05023431600",  # sum 100 -> 00
    "01610339600",  # sum 101 -> 00
    "70020162101",  # sum 102 -> 102 % 101 = 1
    "82098123300",  # sum 201 -> 201 % 101 = 100 -> 00
    "91370285800",  # sum 202 -> 0
])
def test_valid_snils(snils):
    assert valid_snils(snils)


@pytest.mark.parametrize("snils", ["11223344594", "70020162100", "1122334459", "112233445950", "1122334459a", ""])
def test_invalid_snils(snils):
    assert not valid_snils(snils)


def test_snils_as_people_write_it():
    assert snils_digits("112-233-445 95") == "11223344595"


def person(**overrides):
    args = dict(kind="student", name=PersonName(" Иванов ", "Пётр", ""), gender="male", birth_date="2015-03-01",
                snils="112-233-445 95", roles=[], class_group_id="", create_account=False, today=TODAY)
    args.update(overrides)
    return new_person(**args)


def test_valid_student_is_cleaned():
    new, problems = person(class_group_id="0b7d2a6e-0a0c-4d7e-9d59-2b3f6f0e2a11")
    assert problems == {}
    assert new.name.last_name == "Иванов"
    assert new.snils == "11223344595"
    assert new.birth_date == dt.date(2015, 3, 1)
    assert new.roles == ("student",)


def test_student_needs_gender_and_birth_date():
    _, problems = person(gender="", birth_date="")
    assert set(problems) == {"gender", "birth_date"}


def test_guardian_may_omit_gender_and_birth_date():
    new, problems = person(kind="guardian", gender="", birth_date="")
    assert problems == {}
    assert new.roles == ("guardian",)


@pytest.mark.parametrize(("overrides", "field"), [
    ({"name": PersonName("", "Пётр")}, "name.last_name"),
    ({"name": PersonName("Иванов", "")}, "name.first_name"),
    ({"name": PersonName("Иванов1", "Пётр")}, "name.last_name"),
    ({"gender": "m"}, "gender"),
    ({"birth_date": "01.03.2015"}, "birth_date"),
    ({"birth_date": "2030-01-01"}, "birth_date"),
    ({"birth_date": "1850-01-01"}, "birth_date"),
    ({"snils": "112-233-445 96"}, "snils"),
    ({"class_group_id": "5А"}, "class_group_id"),
    ({"kind": "teacher"}, "kind"),
    ({"roles": ["director"]}, "roles"),
    ({"kind": "guardian", "create_account": True}, "create_account"),
    ({"kind": "guardian", "class_group_id": "0b7d2a6e-0a0c-4d7e-9d59-2b3f6f0e2a11"}, "class_group_id"),
    ({"kind": "staff", "roles": []}, "roles"),
    ({"kind": "staff", "roles": ["subject_teacher", "student"]}, "roles"),
])
def test_bad_person_input_names_the_field(overrides, field):
    _, problems = person(**overrides)
    assert field in problems
    assert problems[field]


def test_staff_roles_are_kept():
    new, problems = person(kind="staff", roles=["subject_teacher", "form_teacher", "subject_teacher"])
    assert problems == {}
    assert new.roles == ("form_teacher", "subject_teacher")


def test_school_problems():
    card = SchoolCard("Школа № 1", "Школа 1")
    assert school_problems(card, PersonName("Иванова", "Анна"), "", TODAY) == {}
    problems = school_problems(SchoolCard("", ""), PersonName("", ""), "not-an-email", TODAY)
    assert set(problems) == {"name", "short_name", "admin_name.last_name", "admin_name.first_name", "admin_email"}


def test_inn_and_ogrn_check_digits():
    assert valid_inn("7707083893") and valid_ogrn("1027700132195")  # a real bank's numbers
    assert not valid_inn("7707083894") and not valid_ogrn("1027700132196")
    assert not valid_inn("770708389") and not valid_inn("770708389312")  # only legal entities
    assert not valid_ogrn("102770013219") and not valid_ogrn("10277001321a5")


def test_school_card_problems():
    full = SchoolCard.cleaned(
        name="  Муниципальное  бюджетное общеобразовательное учреждение ", short_name="МБОУ СОШ № 1",
        inn="7707083893", ogrn="1027700132195", address="г. Н, ул. Школьная, 1", licence_number="Л035-01234",
        licence_date="2015-08-01", accreditation_number="А007-5678", accreditation_date="2016-03-01")
    assert full.name == "Муниципальное бюджетное общеобразовательное учреждение"
    assert card_problems(full, TODAY) == {}
    bad = SchoolCard(name="Ш", short_name="Ш", inn="1234567890", ogrn="1", address="а" * 501,
                            licence_date="01.08.2015", accreditation_date="2030-01-01", licence_number="N" * 101)
    assert set(card_problems(bad, TODAY)) == {"inn", "ogrn", "address", "licence_date", "accreditation_date",
                                                     "licence_number"}


def test_login_name_is_transliterated_ascii():
    assert login_name("Щёлкина-Юдина", "staff", "1a2b3c4d-0000-0000-0000-000000000000") == "shchelkinaiudina.1a2b3c"
    assert login_name("'", "staff", "1a2b3c4d-0000-0000-0000-000000000000") == "staff.1a2b3c4d"


def test_staff_card_problems():
    card = StaffCard.cleaned(position=" учитель математики ", qualification_category="highest",
                                    functions="классное руководство", diploma_specialty="математика")
    assert card.position == "учитель математики" and staff_card_problems(card, "staff") == {}
    assert staff_card_problems(StaffCard(), "student") == {}
    assert set(staff_card_problems(card, "student")) == {"staff"}
    bad = StaffCard(position="д" * 301, qualification_category="вторая")
    assert set(staff_card_problems(bad, "staff")) == {"staff.position", "staff.qualification_category"}


def test_phone_numbers_are_normalised():
    for raw in ("+7 (912) 345-67-89", "8 912 345 67 89", "79123456789", "9123456789"):
        assert normal_phone(raw) == "+79123456789", raw
    assert normal_phone("+375 29 123-45-67") == "+375291234567"
    for raw in ("12345", "+7 912", "телефон", "8-912-345-67-89 доб. 12", "+1234567890123456"):
        assert normal_phone(raw) is None, raw


def test_contacts_only_where_the_school_keeps_them():
    contacts = Contacts.cleaned(phone=" 8 (912) 345-67-89 ", email="mama@example.ru", address="ул. Ленина,  1")
    cleaned, problems = contact_problems(contacts, ["phone", "email", "address"])
    assert problems == {} and cleaned == Contacts("+79123456789", "mama@example.ru", "ул. Ленина, 1")
    _, problems = contact_problems(contacts, ["phone"])
    assert set(problems) == {"contacts.email", "contacts.address"} and "не хранит" in problems["contacts.email"]
    _, problems = contact_problems(Contacts(phone="123", email="mama@", address="д" * 501),
                                          CONTACT_FIELDS)
    assert set(problems) == {"contacts.phone", "contacts.email", "contacts.address"}
    assert contact_fields_problems(["phone", "skype"]) == {
        "fields": "неизвестные поля: skype; возможны phone, email, address"}
