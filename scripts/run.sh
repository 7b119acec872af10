#!/usr/bin/env bash
# The main job on the embedded default: the gateway API (`qorgan serve`) with every mock registry in this process
# on loopback and SQLite at ./var/qorgan.sqlite. Prints the API address and, on first start, one API key per role
# (also in ./var/api-keys.json). Extra arguments go to `qorgan serve` (e.g. --port 8081, --people 50000).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/ensure-system-packages.sh

swift build --product qorgan
exec "$(swift build --show-bin-path)/qorgan" serve "$@"
