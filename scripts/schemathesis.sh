#!/usr/bin/env bash
# Property-based API fuzzing: schemathesis (PyPI) generates requests from /openapi.yaml and sends them, with an
# operator key, to a fresh `qorgan serve` on the embedded default (in-process mocks, SQLite in a temp folder).
# Fails on any 5xx, an undocumented status code or content type, or a response that violates its schema.
# Usage: scripts/schemathesis.sh [max-examples-per-operation]   (default 50; needs a debug build: swift build)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-python-packages.sh schemathesis

examples=${1:-50}
port=${QORGAN_SCHEMATHESIS_PORT:-18181}
work=$(mktemp -d)
binary=${QORGAN_BINARY:-.build/debug/qorgan}
QORGAN_RATE_LIMIT_ENABLED=false "$binary" serve --data-dir "$work/var" --port "$port" --log-level error > "$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:$port/health" > /dev/null 2>&1 && break
    sleep 0.5
done
key=$(python3 -c "import json,sys; print(next(k['key'] for k in json.load(open(sys.argv[1]))['keys'] if k['role']=='operator'))" "$work/var/api-keys.json")

# Positive/negative data acceptance are left out on purpose: the gateway validates more than a JSON schema can say
# (IIN/BIN check digits, КАТО region codes, SMS codes), so schema-valid bodies get 422 problems by design, and an
# invalid X-Request-ID header is replaced rather than refused.
schemathesis run "http://127.0.0.1:$port/openapi.yaml" \
    --header "Authorization: Bearer $key" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance \
    --max-examples "$examples" --seed "${QORGAN_SCHEMATHESIS_SEED:-1}" --no-color
