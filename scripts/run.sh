#!/usr/bin/env bash
# Starts the app on its embedded default: the central API in-process on a SQLite file with the
# demo chain, this terminal registered to the demo bicycle store, signed in as a demo associate.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/bootstrap.sh
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ "${QT_QPA_PLATFORM:-}" != "offscreen" ]; then
  # :77 unless another X server holds it already.
  num=77
  while [ -e "/tmp/.X$num-lock" ] || [ -e "/tmp/.X11-unix/X$num" ]; do num=$((num + 1)); done
  echo "run: no display found; starting a virtual one (Xvfb :$num, 1280x800). Screenshot: DISPLAY=:$num import -window root shot.png"
  Xvfb ":$num" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  XVFB_PID=$!
  # The virtual display goes when the app does (however it ends), and is gone when this exits.
  trap 'kill "$XVFB_PID" 2>/dev/null || true; wait "$XVFB_PID" 2>/dev/null || true' EXIT
  trap 'kill -TERM "$APP_PID" 2>/dev/null || true' INT TERM
  export DISPLAY=":$num"
  for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$num" ] && break; sleep 0.1; done
fi
# The app's own modules too (a no-op when nothing changed since the last start).
.venv/bin/python -m compileall -q clienteling sync >/dev/null
if [ -z "${XVFB_PID:-}" ]; then
  exec .venv/bin/python -m clienteling "$@"
fi
.venv/bin/python -m clienteling "$@" &
APP_PID=$!
# `wait` returns early when a trapped signal arrives: wait again for the app's own exit.
status=0
wait "$APP_PID" || status=$?
if kill -0 "$APP_PID" 2>/dev/null; then wait "$APP_PID" || status=$?; fi
exit "$status"
