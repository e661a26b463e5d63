"""The launcher's development secrets: made once, kept, and a secret added later is appended."""
import stat

from services import launcher, topology


def test_app_secrets_are_made_once_and_completed(tmp_path, monkeypatch):
    monkeypatch.setenv("OTMETKA_STATE_DIR", str(tmp_path))
    (tmp_path / "signing").mkdir()
    (tmp_path / "signing" / "archive-cert.pem").write_text("dev cert")  # no key generation in this test
    path = tmp_path / "app-secrets.env"
    path.write_text("OTMETKA_GATEWAY_SESSION_SECRET=kept\n")  # a file from before the activation key
    launcher.ensure_app_secrets()
    first = topology.read_env_file(path)
    assert first["OTMETKA_GATEWAY_SESSION_SECRET"] == "kept" and len(first["OTMETKA_ACTIVATION_KEY"]) >= 32
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    launcher.ensure_app_secrets()
    assert topology.read_env_file(path) == first and path.read_text().count("OTMETKA_ACTIVATION_KEY") == 1

    path.unlink()
    launcher.ensure_app_secrets()
    made = topology.read_env_file(path)
    assert set(made) == set(launcher.APP_SECRETS) and made["OTMETKA_ACTIVATION_KEY"] != first["OTMETKA_ACTIVATION_KEY"]
