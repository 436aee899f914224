#!/usr/bin/env bash
# Installs what the app and the tests need on a fresh Debian/Ubuntu machine: system libraries
# for headless Qt, Xvfb, a CJK font, PostgreSQL, gnome-keyring, Chromium (the storefront's browser
# tests); then uv and the locked venv.
# Idempotent and quiet when everything is already there. Sourced or run from the repo root.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

APT_PACKAGES=(
  libegl1 libgl1 libopengl0 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3
  libxkbcommon0 libxkbcommon-x11-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
  libxcb-image0 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1
  fonts-ipafont-gothic xvfb xauth x11-utils xdotool
  postgresql gnome-keyring dbus-daemon dbus-x11 binutils chromium chromium-driver
)

install_system_packages() {
  command -v dpkg-query >/dev/null 2>&1 || { echo "bootstrap: not a Debian system; install the packages listed in scripts/bootstrap.sh yourself" >&2; return 0; }
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "bootstrap: installing system packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_python_env() {
  export UV_PYTHON_DOWNLOADS=never
  if ! command -v uv >/dev/null 2>&1; then
    echo "bootstrap: installing uv"
    python3 -m pip install --quiet --disable-pip-version-check uv
  fi
  # Bytecode compiled at install, as an installed app has it: where PYTHONDONTWRITEBYTECODE is
  # set, every start would otherwise compile ~400 modules from source (a second of start-up).
  uv sync --frozen --quiet --compile-bytecode
}

install_system_packages
install_python_env
