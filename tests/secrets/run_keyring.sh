#!/usr/bin/env bash
# Runs the credentials tests against a real Secret Service: a private D-Bus session with an
# unlocked gnome-keyring whose storage lives in a temporary folder, so nothing touches (or
# leaves behind) a keyring in the user's home.
set -euo pipefail
cd "$(dirname "$0")/../.."
KEYRING_HOME="$(mktemp -d)"
trap 'rm -rf "$KEYRING_HOME"' EXIT
export XDG_DATA_HOME="$KEYRING_HOME"
dbus-run-session -- bash -c '
  eval "$(printf clienteling-test | gnome-keyring-daemon --unlock --components=secrets)"
  export GNOME_KEYRING_CONTROL
  export CLIENTELING_KEYRING_TESTS=1
  exec .venv/bin/python -m pytest -q -p no:cacheprovider tests/secrets "$@"
' bash "$@"
