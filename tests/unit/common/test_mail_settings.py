"""The mail settings: the relay's host, port, security and login, the sender, the link keys; what is required, what
is refused (a password in clear, a short key), and that the secrets are never printed."""
import pytest

from services.common.settings import MailSettings, SettingsError

KEY = "k" * 40
PRODUCTION = {"OTMETKA_SMTP_HOST": "relay.edu.example", "OTMETKA_SMTP_USER": "otmetka",
              "OTMETKA_SMTP_PASSWORD": "relay-password-value", "OTMETKA_MAIL_FROM": "Отметка <noreply@edu.example>",
              "OTMETKA_MAIL_LINK_KEY": KEY, "OTMETKA_GATEWAY_PUBLIC_URL": "https://journal.edu.example/"}
NAMES = ("OTMETKA_SMTP_HOST", "OTMETKA_SMTP_PORT", "OTMETKA_SMTP_SECURITY", "OTMETKA_SMTP_USER", "OTMETKA_SMTP_PASSWORD",
         "OTMETKA_SMTP_CA_FILE", "OTMETKA_SMTP_TIMEOUT", "OTMETKA_MAIL_FROM", "OTMETKA_MAIL_LINK_KEY",
         "OTMETKA_MAIL_LINK_KEY_PREVIOUS", "OTMETKA_GATEWAY_PUBLIC_URL")


@pytest.fixture
def environ(monkeypatch):
    for name in NAMES:
        monkeypatch.delenv(name, raising=False)

    def set_(values: dict[str, str]) -> None:
        for name, value in values.items():
            monkeypatch.setenv(name, value)
    return set_


def test_the_municipal_relay_over_starttls_with_a_login(environ):
    environ(PRODUCTION)
    settings = MailSettings.from_env()
    assert (settings.smtp_host, settings.smtp_port, settings.smtp_security) == ("relay.edu.example", 587, "starttls")
    assert (settings.smtp_user, settings.smtp_password) == ("otmetka", "relay-password-value")
    assert settings.link_keys == (KEY,) and settings.public_url == "https://journal.edu.example"
    assert settings.smtp_timeout == 30
    shown = repr(settings)
    assert "relay-password-value" not in shown and KEY not in shown and "relay.edu.example" in shown


def test_implicit_tls_defaults_to_port_465_and_keys_rotate(environ):
    environ({**PRODUCTION, "OTMETKA_SMTP_SECURITY": "tls", "OTMETKA_MAIL_LINK_KEY_PREVIOUS": "o" * 32 + "," + "p" * 32})
    settings = MailSettings.from_env()
    assert settings.smtp_port == 465 and settings.link_keys == (KEY, "o" * 32, "p" * 32)


def test_the_development_stack_sends_in_clear_without_login(environ):
    environ({key: value for key, value in PRODUCTION.items() if "USER" not in key and "PASSWORD" not in key})
    environ({"OTMETKA_SMTP_SECURITY": "none", "OTMETKA_SMTP_PORT": "51025"})
    settings = MailSettings.from_env()
    assert (settings.smtp_port, settings.smtp_security, settings.smtp_user) == (51025, "none", "")


@pytest.mark.parametrize(("change", "complaint"), [
    ({"OTMETKA_SMTP_HOST": ""}, "OTMETKA_SMTP_HOST"),
    ({"OTMETKA_MAIL_FROM": ""}, "OTMETKA_MAIL_FROM"),
    ({"OTMETKA_MAIL_FROM": "Отметка <не адрес>"}, "OTMETKA_MAIL_FROM"),
    ({"OTMETKA_MAIL_LINK_KEY": ""}, "OTMETKA_MAIL_LINK_KEY"),
    ({"OTMETKA_MAIL_LINK_KEY": "short"}, "at least 32"),
    ({"OTMETKA_MAIL_LINK_KEY_PREVIOUS": "short"}, "at least 32"),
    ({"OTMETKA_GATEWAY_PUBLIC_URL": ""}, "OTMETKA_GATEWAY_PUBLIC_URL"),
    ({"OTMETKA_SMTP_SECURITY": "ssl"}, "starttls, tls, none"),
    ({"OTMETKA_SMTP_PORT": "smtp"}, "port number"),
    ({"OTMETKA_SMTP_PORT": "70000"}, "port number"),
    ({"OTMETKA_SMTP_PASSWORD": ""}, "together"),
    ({"OTMETKA_SMTP_SECURITY": "none"}, "in clear"),
    ({"OTMETKA_SMTP_CA_FILE": "/nonexistent/ca.pem"}, "not a file"),
    ({"OTMETKA_SMTP_TIMEOUT": "0"}, "positive"),
])
def test_what_is_refused(environ, change, complaint):
    environ({**PRODUCTION, **change})
    with pytest.raises(SettingsError, match=complaint):
        MailSettings.from_env()
