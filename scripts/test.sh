#!/usr/bin/env bash
# Set up and run the test suite on a fresh machine: a virtual environment in
# .venv, the project and its test extras installed into it, then pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install --quiet --disable-pip-version-check -e '.[test]'
exec .venv/bin/python -m pytest -q "$@"
