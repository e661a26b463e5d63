"""The parts one gateway process is wired from, kept on the Flask app: settings, token verifier,
service peers, the Keycloak OIDC client, the gateway's own database (sessions, rate-limit counters) and this
process's rate counts."""
from dataclasses import dataclass

from flask import current_app

from gateway.auth.oidc import KeycloakOidc
from gateway.peers import Peers
from gateway.rate_limits import RateCounter
from gateway.settings import GatewaySettings
from gateway.store import GatewayStore
from services.common.auth import TokenVerifier


@dataclass(frozen=True)
class Wiring:
    settings: GatewaySettings
    verifier: TokenVerifier
    peers: Peers
    oidc: KeycloakOidc
    store: GatewayStore
    rates: RateCounter


def wiring() -> Wiring:
    return current_app.extensions["otmetka"]
