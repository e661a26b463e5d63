"""Debian's Chromium for page tests, started the way this machine allows (no downloaded browsers, no
background connections to the outside)."""
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
