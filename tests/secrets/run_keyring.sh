#!/usr/bin/env bash
# Runs the credentials tests against a real Secret Service: a private D-Bus session with an
# unlocked gnome-keyring, so nothing touches the user's own keyring.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec dbus-run-session -- bash -c '
  eval "$(printf pass | gnome-keyring-daemon --unlock --components=secrets)"
  export CLIENTELING_KEYRING_TESTS=1
  exec .venv/bin/python -m pytest -q tests/secrets "$@"
' bash "$@"
