"""The archive's adapters: the package registry's table and store, MinIO storage, signing, BagIt packages, the
reporting service's summary sheets, protobuf mapping."""
