"""The REST API under /api/v1: the declarative endpoint table, its routes, the OpenAPI document generated from it,
the JSON <-> protobuf mapping and the request schemas."""
