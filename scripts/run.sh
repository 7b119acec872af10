#!/usr/bin/env bash
# The main job on the embedded default. While only the foundation has landed, that is the identifier
# check over the sample input (valid and deliberately invalid IINs); it becomes `qorgan serve` later.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/ensure-system-packages.sh

swift build --product qorgan
status=0
"$(swift build --show-bin-path)/qorgan" iin check - < samples/iins.txt || status=$?
# Exit 1 means "some inputs are invalid", which the sample contains on purpose.
if [ "$status" -eq 1 ]; then
    echo "(exit status 1: the sample contains invalid IINs on purpose)"
    exit 0
fi
exit "$status"
