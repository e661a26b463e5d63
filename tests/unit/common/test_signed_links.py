"""Signed links: an unsubscribe link carries who and what, works without logging in, and any change to it, a link of
another purpose or of an unknown key is refused."""
import datetime as dt
import uuid

import pytest

from services.common.errors import Invalid
from services.common.signed_links import (
    BAD_LINK,
    AddressConfirmation,
    ConfirmAddressLinks,
    LinkSigner,
    Unsubscribe,
    UnsubscribeLinks,
    _b64,
    _unb64,
)

KEY, OLD_KEY, OTHER_KEY = "k" * 40, "o" * 40, "x" * 40
TODAY = dt.date(2026, 12, 7)
SCHOOL, GUARDIAN = str(uuid.uuid4()), str(uuid.uuid4())


def links(*keys: str, max_age: dt.timedelta | None = None) -> UnsubscribeLinks:
    return UnsubscribeLinks(keys or (KEY,), "https://journal.example/", max_age)


def refused(call) -> Invalid:
    with pytest.raises(Invalid) as exc:
        call()
    assert exc.value.reason == BAD_LINK
    assert "Ссылка недействительна" in exc.value.message
    return exc.value


def test_a_link_says_who_unsubscribes_from_what():
    url = links().url(SCHOOL, GUARDIAN, "digest", TODAY)
    assert url.startswith("https://journal.example/unsubscribe/")
    token = url.rsplit("/", 1)[1]
    assert len(url) < 200, "short enough for any mail client"
    assert links().read(token, TODAY + dt.timedelta(days=3650)) == Unsubscribe(SCHOOL, GUARDIAN, "digest", TODAY)


def test_the_token_is_url_safe():
    token = links().token(SCHOOL, GUARDIAN, "notice.unexcused_absence", TODAY)
    assert set(token) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.")


def test_every_changed_character_is_refused():
    token = links().token(SCHOOL, GUARDIAN, "digest", TODAY)
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    for i, char in enumerate(token):
        if char == ".":
            continue
        changed = token[:i] + alphabet[(alphabet.index(char) + 1) % len(alphabet)] + token[i + 1:]
        refused(lambda changed=changed: links().read(changed, TODAY))


def test_another_guardian_or_subscription_cannot_be_put_in_a_link():
    token = links().token(SCHOOL, GUARDIAN, "digest", TODAY)
    payload, signature = token.split(".")
    other = links().token(SCHOOL, str(uuid.uuid4()), "notice.mark", TODAY)
    refused(lambda: links().read(f"{other.split('.')[0]}.{signature}", TODAY))
    refused(lambda: links().read(f"{payload}.{other.split('.')[1]}", TODAY))


@pytest.mark.parametrize("token", ["", ".", "abc", "abc.", ".abc", "a.b.c", "!!!.???", "Zm9v.YmFy", "привет.мир"])
def test_malformed_tokens_are_refused(token):
    refused(lambda: links().read(token, TODAY))


def test_a_link_of_another_key_or_purpose_is_refused():
    token = links().token(SCHOOL, GUARDIAN, "digest", TODAY)
    refused(lambda: links(OTHER_KEY).read(token, TODAY))
    payload = LinkSigner([KEY], "unsubscribe").verify(token)
    refused(lambda: links().read(LinkSigner([KEY], "password-reset").sign(payload), TODAY))


def test_keys_rotate_the_new_one_signs_and_the_old_one_still_verifies():
    old_token = links(OLD_KEY).token(SCHOOL, GUARDIAN, "digest", TODAY)
    rotated = links(KEY, OLD_KEY)
    assert rotated.read(old_token, TODAY).guardian_id == GUARDIAN
    new_token = rotated.token(SCHOOL, GUARDIAN, "digest", TODAY)
    assert links(KEY).read(new_token, TODAY).guardian_id == GUARDIAN
    refused(lambda: links(OLD_KEY).read(new_token, TODAY))


def test_links_expire_only_when_asked():
    token = links().token(SCHOOL, GUARDIAN, "digest", TODAY)
    year = dt.timedelta(days=365)
    assert links(max_age=year).read(token, TODAY + year).issued_on == TODAY
    refused(lambda: links(max_age=year).read(token, TODAY + year + dt.timedelta(days=1)))


def test_short_keys_and_bad_names_are_bugs():
    with pytest.raises(ValueError):
        UnsubscribeLinks(["short"], "https://journal.example")
    with pytest.raises(ValueError):
        UnsubscribeLinks([], "https://journal.example")
    for name in ("", "Digest", "дайджест", "a b", "x" * 49):
        with pytest.raises(ValueError):
            links().token(SCHOOL, GUARDIAN, name, TODAY)


def test_base64_is_canonical():
    assert (_b64(b"\x00\xff"), _unb64("AP8")) == ("AP8", b"\x00\xff")
    with pytest.raises(ValueError):
        _unb64("AP9")  # the same bytes with other unused bits: not the token that was signed


def test_an_address_confirmation_names_the_address_and_expires_in_a_week():
    confirm = ConfirmAddressLinks([KEY], "https://journal.example")
    url = confirm.url(SCHOOL, GUARDIAN, "maria@xn--80atdl2c.xn--p1ai", TODAY)
    assert url.startswith("https://journal.example/mail/confirm/")
    token = url.rsplit("/", 1)[1]
    assert confirm.read(token, TODAY + dt.timedelta(days=7)) == AddressConfirmation(
        SCHOOL, GUARDIAN, "maria@xn--80atdl2c.xn--p1ai", TODAY)
    refused(lambda: confirm.read(token, TODAY + dt.timedelta(days=8)))
    refused(lambda: links().read(token, TODAY))  # a confirmation is no unsubscribe link, nor the other way round
    refused(lambda: confirm.read(links().token(SCHOOL, GUARDIAN, "digest", TODAY), TODAY))
    with pytest.raises(ValueError):
        confirm.token(SCHOOL, GUARDIAN, "мария@школа.рф", TODAY)  # addresses are given as parse_address makes them
