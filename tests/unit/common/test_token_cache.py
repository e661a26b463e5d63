"""Verified tokens are kept until their expiry: decoded once, never used past `exp`, refused tokens never kept,
at most `cache_size` of them (the least recently used dropped first)."""
import time
import uuid

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from services.common import auth
from services.common.auth import AUDIENCE, TokenVerifier
from services.common.errors import Unauthenticated

ISSUER = "http://keycloak.test/realms/otmetka"
KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
OTHER_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)


class Keys:
    """Stands in for the JWKS client: always the realm's one public key."""

    class Signing:
        key = KEY.public_key()

    def get_signing_key_from_jwt(self, token: str):
        return self.Signing()


class Clock:
    def __init__(self):
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


def token(expires_in: float = 300, key=KEY, subject: str = "") -> str:
    now = time.time()
    return jwt.encode({"iss": ISSUER, "aud": AUDIENCE, "sub": subject or str(uuid.uuid4()), "iat": int(now),
                       "exp": now + expires_in, "realm_access": {"roles": ["staff"]}}, key, algorithm="RS256")


@pytest.fixture
def decodes(monkeypatch) -> list[str]:
    """The tokens jwt.decode was called with, in order."""
    calls = []
    real = jwt.decode

    def counted(token, *args, **kwargs):
        calls.append(token)
        return real(token, *args, **kwargs)

    monkeypatch.setattr(auth.jwt, "decode", counted)
    return calls


def verifier(clock=time.time, cache_size: int = 100, leeway: int = 10) -> TokenVerifier:
    checker = TokenVerifier(ISSUER, cache_size=cache_size, clock=clock, leeway=leeway)
    checker._jwks = Keys()
    return checker


def test_a_verified_token_is_not_decoded_again(decodes):
    checker, one = verifier(), token()
    first = checker.verify(one)
    assert checker.verify(one) is first
    assert first.token == one and first.realm_roles == {"staff"}
    assert decodes == [one]


def test_a_different_token_is_verified(decodes):
    checker, one, two = verifier(), token(subject="a"), token(subject="b")
    assert checker.verify(one).subject == "a"
    assert checker.verify(two).subject == "b"
    assert checker.verify(one).subject == "a"
    assert decodes == [one, two]


def test_a_kept_token_is_refused_once_it_expires():
    clock = Clock()
    checker, short = verifier(clock, leeway=0), token(expires_in=1.0)
    checker.verify(short)
    clock.now = jwt.decode(short, options={"verify_signature": False})["exp"]  # the clock reaches `exp`
    time.sleep(max(0.0, clock.now - time.time() + 0.05))  # and so does the real one jwt.decode reads
    with pytest.raises(Unauthenticated):
        checker.verify(short)


def test_a_kept_token_is_not_used_past_its_exp_even_within_the_leeway(decodes):
    clock = Clock()
    checker, one = verifier(clock), token(expires_in=60)
    checker.verify(one)
    clock.now += 61  # past exp: decoded again (jwt.decode itself still accepts it within its 10 s leeway)
    checker.verify(one)
    assert decodes == [one, one]


def test_refused_tokens_are_never_kept(decodes):
    checker, forged, expired = verifier(), token(key=OTHER_KEY), token(expires_in=-60)
    for bad in (forged, forged, expired, expired, "not a token"):
        with pytest.raises(Unauthenticated):
            checker.verify(bad)
    assert decodes == [forged, forged, expired, expired, "not a token"]
    assert not checker._verified


def test_the_bound_holds_and_the_least_recently_used_goes_first(decodes):
    checker = verifier(cache_size=3)
    tokens = [token() for _ in range(4)]
    for one in tokens[:3]:
        checker.verify(one)
    checker.verify(tokens[0])  # used again: the second is now the least recently used
    checker.verify(tokens[3])
    assert len(checker._verified) == 3
    decodes.clear()
    for one in (tokens[0], tokens[2], tokens[3], tokens[1]):
        checker.verify(one)
    assert decodes == [tokens[1]]
    assert len(checker._verified) == 3
