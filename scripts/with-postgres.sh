#!/usr/bin/env bash
# Runs a command with a private, throw-away PostgreSQL cluster: installs PostgreSQL from Debian when missing,
# creates a cluster in a temporary directory as an unprivileged user (initdb refuses root), starts it on a free
# loopback port, exports QORGAN_TEST_POSTGRES_URL (postgres://qorgan@127.0.0.1:PORT/qorgan), runs the command,
# and stops and removes the cluster on exit, whatever happens. Idempotent: every run gets a fresh cluster.
#
# Usage: scripts/with-postgres.sh COMMAND [ARG ...]
#   QORGAN_PG_URL_FILE=FILE   also write the URL to FILE (for a cluster kept up with e.g. `sleep infinity`)
set -euo pipefail
cd "$(dirname "$0")/.."

[ $# -ge 1 ] || { echo "usage: $0 COMMAND [ARG ...]" >&2; exit 64; }

scripts/ensure-system-packages.sh postgresql

bin=""
for candidate in /usr/lib/postgresql/*/bin; do
    [ -x "$candidate/initdb" ] && bin="$candidate"
done
[ -n "$bin" ] || { echo "with-postgres: no initdb under /usr/lib/postgresql/*/bin" >&2; exit 1; }

# The cluster's owner: ourselves, or an unprivileged user when we are root.
run_as=()
if [ "$(id -u)" -eq 0 ]; then
    owner=postgres
    if ! id "$owner" >/dev/null 2>&1; then
        owner=qorgan-pg
        id "$owner" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$owner"
    fi
    run_as=(runuser -u "$owner" --)
fi

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null && return
    local port
    for port in $(seq 55432 55532); do
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
    done
    return 1
}

dir=$(mktemp -d "${TMPDIR:-/tmp}/qorgan-pg.XXXXXX")
chmod 755 "$dir"
[ ${#run_as[@]} -eq 0 ] || chown "$owner" "$dir"
port=$(free_port)

stop() {
    "${run_as[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
}
trap stop EXIT
trap 'exit 130' INT TERM

"${run_as[@]}" "$bin/initdb" -D "$dir/data" -U qorgan --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
# Loopback only; the socket lives in the cluster's directory, not /var/run/postgresql.
"${run_as[@]}" "$bin/pg_ctl" -D "$dir/data" -w -t 60 -l "$dir/server.log" \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c max_connections=300 -c fsync=off" start >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
"${run_as[@]}" "$bin/psql" -h 127.0.0.1 -p "$port" -U qorgan -d postgres -q -c "CREATE DATABASE qorgan" >/dev/null

export QORGAN_TEST_POSTGRES_URL="postgres://qorgan@127.0.0.1:$port/qorgan"
[ -z "${QORGAN_PG_URL_FILE:-}" ] || echo "$QORGAN_TEST_POSTGRES_URL" >"$QORGAN_PG_URL_FILE"
echo "with-postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (cluster in $dir)" >&2

status=0
"$@" || status=$?
exit "$status"
