"""The gateway: authenticates (OIDC with Keycloak), renders the Russian web pages, serves the REST API
and its OpenAPI document, and translates both into gRPC calls to the services. No domain logic."""
