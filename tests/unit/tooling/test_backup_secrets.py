"""`make backup`'s second half: the installation's secrets as a dated tar of mode 0600 beside the repository, the
oldest ones pruned."""
import datetime as dt
import pathlib
import stat
import tarfile

from services.tooling.backup import Stack, save_secrets


def state(tmp_path: pathlib.Path) -> Stack:
    root = tmp_path / "state"
    (root / "pki").mkdir(parents=True)
    (root / "keycloak" / "home" / "data" / "h2").mkdir(parents=True)
    (root / "secrets.env").write_text("OTMETKA_MINIO_ROOT_PASSWORD=x\n")
    (root / "app-secrets.env").write_text("OTMETKA_ACTIVATION_KEY=y\n")
    (root / "pki" / "issuing-ca.key").write_text("key")
    (root / "keycloak" / "home" / "data" / "h2" / "keycloakdb.mv.db").write_bytes(b"h2")
    (root / "stack.env").write_text("not a secret\n")
    return Stack(root, tmp_path / "backup", "/dev/null", "otmetka", pathlib.Path("/usr/bin"), {})


def test_the_secrets_the_signing_key_and_keycloaks_database_go_into_a_private_dated_tar(tmp_path):
    stack = state(tmp_path)
    path = save_secrets(stack, dt.datetime(2026, 12, 7, 3, 0, tzinfo=dt.UTC))
    assert path == tmp_path / "backup" / "secrets" / "otmetka-secrets-20261207T030000Z.tar.gz"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    with tarfile.open(path) as tar:
        names = set(tar.getnames())
        assert tar.extractfile("secrets.env").read() == b"OTMETKA_MINIO_ROOT_PASSWORD=x\n"
    assert {"secrets.env", "app-secrets.env", "pki/issuing-ca.key",
            "keycloak/home/data/h2/keycloakdb.mv.db"} <= names
    assert "stack.env" not in names
    assert not list(path.parent.glob("*.partial"))


def test_only_the_newest_tars_are_kept(tmp_path):
    stack = state(tmp_path)
    for day in range(1, 6):
        save_secrets(stack, dt.datetime(2026, 12, day, tzinfo=dt.UTC), kept=3)
    assert [p.name for p in sorted((tmp_path / "backup" / "secrets").iterdir())] == [
        f"otmetka-secrets-2026120{day}T000000Z.tar.gz" for day in (3, 4, 5)]
