#!/usr/bin/env bash
# The test command: installs what is missing, builds, and runs every test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/ensure-system-packages.sh

# Interoperability tests must run the real xmlsec1, never skip silently.
export QORGAN_REQUIRE_XMLSEC=1

swift build --build-tests
swift test --skip-build
