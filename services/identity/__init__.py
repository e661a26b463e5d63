"""Identity service: schools (tenants), people, role grants, guardianships and Keycloak accounts."""
