#!/usr/bin/env bash
# Runs the built bundle headless in a throwaway CLIENTELING_HOME: --version, then --self-test
# (window offscreen against the embedded server, one sync). Exit 0 means the bundle works.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN="${1:-$ROOT/build/installer/dist/clienteling/clienteling}"
if [[ ! -x "$BIN" ]]; then
    echo "smoke: no bundle at $BIN; run installer/build.sh first" >&2
    exit 2
fi
HOME_DIR="$(mktemp -d)"
trap 'rm -rf "$HOME_DIR"' EXIT
export CLIENTELING_HOME="$HOME_DIR"
export QT_QPA_PLATFORM=offscreen
if [[ "${SMOKE_USE_OS_KEYRING:-0}" == 1 ]]; then
    # Caller provides a throwaway Secret Service (CI's private D-Bus session): check the
    # bundle can reach it, i.e. no credentials file gets written.
    unset PYTHON_KEYRING_BACKEND
else
    # Never use the developer's OS keyring from a smoke run: the app uses its 0600 file.
    export PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring
fi

version="$("$BIN" --version)"
echo "smoke: $version"
[[ "$version" == clienteling* ]] || { echo "smoke: unexpected --version output" >&2; exit 1; }

start=$(date +%s)
timeout "${SMOKE_TIMEOUT:-180}" "$BIN" --self-test
echo "smoke: --self-test passed in $(( $(date +%s) - start )) s"
if [[ "${SMOKE_USE_OS_KEYRING:-0}" == 1 && -e "$HOME_DIR/data/secrets.json" ]]; then
    echo "smoke: the bundle fell back to a credentials file instead of the OS keyring" >&2
    exit 1
fi
