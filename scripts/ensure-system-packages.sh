#!/usr/bin/env bash
# Installs the Debian packages Qorgan needs to build and test, only those that are missing (idempotent).
# Usage: scripts/ensure-system-packages.sh [extra-package ...]
set -euo pipefail

packages=(pkg-config libxml2-dev libsqlite3-dev libtcmalloc-minimal4 xmlsec1 "$@")
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing missing system packages: ${missing[*]}" >&2
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
