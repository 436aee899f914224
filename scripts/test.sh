#!/usr/bin/env bash
# The whole test suite, as CI runs it: bootstrap, lint, types, import contracts, tests (with a
# real PostgreSQL started by the tests, Xvfb for the real-window tests, a real Secret Service
# for the keyring tests), then the PyInstaller bundle's self-test. Exit non-zero on any failure.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/bootstrap.sh
PY=.venv/bin/python
export PYTHONDONTWRITEBYTECODE=1 QT_QPA_PLATFORM=offscreen

step() { printf '\n==== %s ====\n' "$*"; }

step "ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .

step "mypy"
.venv/bin/mypy

step "import contracts"
.venv/bin/lint-imports

step "pytest"
# A private X server for the tests that need a real window.
DISPLAY_NUM=$(( 90 + RANDOM % 400 ))
Xvfb ":$DISPLAY_NUM" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
trap 'kill $XVFB_PID 2>/dev/null || true' EXIT
export CLIENTELING_XVFB_DISPLAY=":$DISPLAY_NUM"
export CLIENTELING_KEYRING_TESTS=1
export CLIENTELING_BUILD_BUNDLE=${CLIENTELING_BUILD_BUNDLE:-1}
# The keyring tests talk to a real gnome-keyring over a private D-Bus session.
# A throwaway XDG_DATA_HOME: gnome-keyring keeps its collection (and password) there.
KEYRING_HOME=$(mktemp -d)
trap 'kill $XVFB_PID 2>/dev/null || true; rm -rf "$KEYRING_HOME"' EXIT
XDG_DATA_HOME="$KEYRING_HOME" dbus-run-session -- bash -c '
  eval "$(printf clienteling-test | gnome-keyring-daemon --unlock --components=secrets)"
  export GNOME_KEYRING_CONTROL
  exec timeout 2400 .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
' bash "$@"
