"""Archive service: signed year-end packages (BagIt, detached CMS signature) kept in MinIO under object lock."""
