"""The installed product's version (pyproject.toml's), as the archive packages and the operators see it."""
from importlib import metadata

try:
    VERSION = metadata.version("otmetka")
except metadata.PackageNotFoundError:  # run from a source tree that was never installed
    VERSION = "unknown"
