"""Who is calling: the OIDC login with Keycloak, the browser's session and its tokens, bearer tokens of API
clients, and CSRF protection of the browser's changes."""
