#!/usr/bin/env bash
# Installs the PyPI packages the tests drive (independent SOAP client for interop tests), only when missing.
# Usage: scripts/ensure-python-packages.sh module[=pip-name] ...   e.g. zeep lxml
set -euo pipefail

python=${PYTHON:-python3}
if ! command -v "$python" >/dev/null 2>&1; then
    scripts/ensure-system-packages.sh python3 python3-pip
fi
for spec in "$@"; do
    module=${spec%%=*}
    package=${spec#*=}
    if ! "$python" -c "import $module" >/dev/null 2>&1; then
        echo "Installing missing Python package: $package" >&2
        "$python" -m pip install --quiet "$package" 2>/dev/null \
            || "$python" -m pip install --quiet --break-system-packages "$package"
    fi
done
