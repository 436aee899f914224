#!/usr/bin/env bash
# Refresh the translation sources from the code, then compile them. New strings appear in the
# .ts files as unfinished: translate them (Qt Linguist: .venv/bin/pyside6-linguist, or by hand)
# and run this again. The compiled .qm files are committed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
.venv/bin/pyside6-lupdate clienteling/ui/*.py clienteling/ui/*/*.py clienteling/app.py -no-obsolete \
  -ts resources/i18n/clienteling_ja.ts resources/i18n/clienteling_en.ts
.venv/bin/pyside6-lrelease resources/i18n/clienteling_ja.ts resources/i18n/clienteling_en.ts
