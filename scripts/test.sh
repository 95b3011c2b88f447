#!/usr/bin/env bash
# Set up and run the test suite on a fresh machine: a virtual environment in
# .venv, the project and its test extras installed into it, the linter, then pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install --quiet --disable-pip-version-check -e '.[test]'
# The browser tests (pytest -m browser) open the site in Debian's Chromium through
# playwright's driver, never a downloaded browser: install it when it is missing.
if [ ! -x /usr/bin/chromium ]; then
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
# Lint and check the formatter's layout over the whole tree (rules in pyproject.toml).
.venv/bin/ruff check --quiet .
.venv/bin/ruff format --check --quiet .
exec .venv/bin/python -m pytest -q "$@"
