#!/usr/bin/env bash
# Builds the one-folder bundle into build/installer/dist/clienteling (about 15 s on 2 cores).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
OUT="$ROOT/build/installer"
"$ROOT/.venv/bin/pyinstaller" \
    --noconfirm --log-level WARN \
    --distpath "$OUT/dist" \
    --workpath "$OUT/work" \
    "$ROOT/installer/clienteling.spec"
echo "built $OUT/dist/clienteling/clienteling"
