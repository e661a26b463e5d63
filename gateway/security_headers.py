"""The security headers of every answer (docs/gateway.md "Headers").

Pages (text/html) get a strict Content-Security-Policy: everything from this site only, no inline script or style
(the pages' scripts and styles are files in gateway/web/static; a JSON data block such as the grid's configuration is
not a script), no plugins, no framing, forms posted only here and to Keycloak (signing out posts here and is sent on
to Keycloak's logout, which form-action also governs). Other answers (the API's JSON, files) get `default-src 'none'`:
nothing in them is ever to be run or loaded. Every answer: nosniff, no framing, no Referer sent to other sites
(an activation link's code stays here), and Strict-Transport-Security where the installation is served over https
(settings.hsts_max_age)."""
from urllib.parse import urlsplit

from gateway.settings import GatewaySettings

NOT_A_PAGE = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"


def page_policy(settings: GatewaySettings) -> str:
    keycloak = urlsplit(settings.keycloak_url)
    return "; ".join((
        "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "object-src 'none'",
        "base-uri 'self'", "frame-ancestors 'none'", f"form-action 'self' {keycloak.scheme}://{keycloak.netloc}",
    ))


class SecurityHeaders:
    def __init__(self, settings: GatewaySettings):
        self.page = page_policy(settings)
        self.hsts = f"max-age={settings.hsts_max_age}; includeSubDomains" if settings.hsts_max_age else ""

    def add(self, response):
        headers = response.headers
        headers["Content-Security-Policy"] = self.page if response.mimetype == "text/html" else NOT_A_PAGE
        headers["X-Content-Type-Options"] = "nosniff"
        headers["X-Frame-Options"] = "DENY"
        headers["Referrer-Policy"] = "same-origin"
        if self.hsts:
            headers["Strict-Transport-Security"] = self.hsts
        return response
