"""One mail as it is composed: addresses checked in Russian, the RFC 5322 message with a UTF-8 Russian subject and
body, the plain text and the HTML alternative, the Message-ID and the unsubscribe headers."""
import datetime as dt
import email
import email.policy
import re
from email.header import decode_header, make_header

import pytest

from services.common.errors import Invalid
from services.common.mail import Mail, checked, compose, new_message_id, parse_address, parse_sender

WHEN = dt.datetime(2026, 12, 3, 18, 30, tzinfo=dt.UTC)
SENDER = parse_sender("Отметка — электронный дневник <noreply@school.example>")


def composed(**fields) -> bytes:
    mail = checked(Mail(**{"to": "parent@example.com", "subject": "Дневник за 3 декабря: Иванов Пётр",
                           "text": "Иванов Пётр — математика: 5", **fields}))
    return compose(mail, SENDER, "<id-1@school.example>", WHEN).as_bytes()


def test_addresses_are_normalised_and_cyrillic_domains_go_as_idna():
    assert parse_address(" Parent.Name+tag@Example.COM ") == "Parent.Name+tag@example.com"
    assert parse_address("director@Школа.рф") == "director@xn--80atdl2c.xn--p1ai"


@pytest.mark.parametrize("bad", ["", "parent", "parent@", "@example.com", "родитель@example.com", "a..b@example.com",
                                 ".a@example.com", "a@localhost", "a@-bad-.example", "a b@example.com",
                                 "a@exa mple.com", "x" * 250 + "@example.com"])
def test_an_address_that_cannot_be_sent_to_is_refused_in_russian(bad):
    with pytest.raises(Invalid) as refused:
        parse_address(bad, "guardian_email")
    assert "guardian_email" in refused.value.fields
    assert re.search("[а-я]", refused.value.fields["guardian_email"])


def test_the_sender_may_have_a_russian_display_name():
    assert (SENDER.display_name, SENDER.addr_spec) == ("Отметка — электронный дневник", "noreply@school.example")
    assert parse_sender("noreply@school.example").display_name == ""


def test_a_mail_without_subject_or_text_or_with_a_bad_link_is_refused():
    for fields, field in (({"subject": "  "}, "subject"), ({"text": "\n"}, "text"), ({"kind": "Дайджест"}, "kind"),
                          ({"unsubscribe_url": "javascript:alert(1)"}, "unsubscribe_url"),
                          ({"unsubscribe_url": "https://школа.рф/unsubscribe/abc"}, "unsubscribe_url"),
                          ({"unsubscribe_url": "https://journal.example/" + "a" * 900}, "unsubscribe_url"),
                          ({"subject": "я" * 251}, "subject")):
        with pytest.raises(Invalid) as refused:
            checked(Mail(**{"to": "p@example.com", "subject": "Тема", "text": "Текст", **fields}))
        assert field in refused.value.fields


def test_the_subject_is_one_line():
    mail = checked(Mail(to="p@example.com", subject="Дневник\r\nBcc: victim@example.com", text="т"))
    assert mail.subject == "Дневник Bcc: victim@example.com"


def test_the_message_is_utf8_multipart_alternative_and_reads_back_in_russian():
    raw = composed(html="<p><b>Иванов Пётр</b> — математика: 5</p>",
                   unsubscribe_url="https://journal.example/unsubscribe/abc.def")
    assert max(raw) < 128, "7-bit clean: encoded words in headers, quoted-printable or base64 in bodies"
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 998 for line in raw.split(b"\r\n"))
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert message["Subject"] == "Дневник за 3 декабря: Иванов Пётр"
    # a long display name is folded into several encoded words; Python's address parser puts a space between them
    # (RFC 2047 says to drop it, as Mailpit and mail clients do): decode the header as written
    written = email.message_from_bytes(raw)["From"]
    assert str(make_header(decode_header(written))) == "Отметка — электронный дневник <noreply@school.example>"
    assert message["To"] == "parent@example.com"
    assert message["Message-ID"] == "<id-1@school.example>"
    assert message["Date"].datetime == WHEN
    assert message["Auto-Submitted"] == "auto-generated"
    assert message["List-Unsubscribe"] == "<https://journal.example/unsubscribe/abc.def>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.get_content_type() == "multipart/alternative"
    text, html = message.iter_parts()
    assert (text.get_content_type(), html.get_content_type()) == ("text/plain", "text/html")
    assert text.get_content_charset() == html.get_content_charset() == "utf-8"
    assert text.get_content().strip() == "Иванов Пётр — математика: 5"
    assert html.get_content().strip() == "<p><b>Иванов Пётр</b> — математика: 5</p>"


def test_a_long_unsubscribe_link_stays_one_line_a_mail_client_can_follow():
    link = "https://journal.example/unsubscribe/" + "A" * 100 + "." + "b" * 43  # a signed link's length
    raw = composed(unsubscribe_url=link)
    assert f"\r\nList-Unsubscribe: <{link}>\r\n".encode() in raw  # not folded into RFC 2047 encoded words
    assert email.message_from_bytes(raw, policy=email.policy.default)["List-Unsubscribe"] == f"<{link}>"


def test_a_mail_without_html_is_plain_text_and_without_a_link_has_no_unsubscribe_headers():
    message = email.message_from_bytes(composed(), policy=email.policy.default)
    assert message.get_content_type() == "text/plain"
    assert message["List-Unsubscribe"] is None and message["List-Unsubscribe-Post"] is None


def test_message_ids_are_unique_under_the_senders_domain():
    ids = {new_message_id(SENDER) for _ in range(1000)}
    assert len(ids) == 1000 and all(re.fullmatch(r"<[0-9a-f]{32}@school\.example>", i) for i in ids)


def test_a_naive_date_is_a_bug():
    with pytest.raises(ValueError):
        compose(checked(Mail(to="p@example.com", subject="Тема", text="Текст")), SENDER, "<x@y.z>",
                dt.datetime(2026, 12, 3, 18, 30))
