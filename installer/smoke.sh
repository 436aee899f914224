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
# Never use the developer's OS keyring from a smoke run: the app falls back to its 0600 file.
export PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring

version="$("$BIN" --version)"
echo "smoke: $version"
[[ "$version" == clienteling* ]] || { echo "smoke: unexpected --version output" >&2; exit 1; }

start=$(date +%s)
timeout "${SMOKE_TIMEOUT:-180}" "$BIN" --self-test
echo "smoke: --self-test passed in $(( $(date +%s) - start )) s"
