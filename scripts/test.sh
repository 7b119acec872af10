#!/usr/bin/env bash
# The test command: installs what is missing, builds, and runs every test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/ensure-system-packages.sh
scripts/ensure-python-packages.sh zeep

# Interoperability tests must run the real xmlsec1 and zeep, never skip silently.
export QORGAN_REQUIRE_XMLSEC=1
export QORGAN_REQUIRE_ZEEP=1

swift build --build-tests
swift test --skip-build
