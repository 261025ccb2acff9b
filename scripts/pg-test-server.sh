#!/usr/bin/env bash
# A private PostgreSQL server for the tests and benchmarks, in a folder of its own,
# on a free port of 127.0.0.1, trust authentication, stopped and removed afterwards.
#
#   scripts/pg-test-server.sh start DIR   start it; prints its SQLAlchemy URL on stdout
#   scripts/pg-test-server.sh stop DIR    stop it and remove DIR
#
# Needs Debian's postgresql package (scripts/system-deps.sh test installs it).
# PostgreSQL refuses to run as root: when run as root, the server runs as the
# `postgres` system user (DIR is handed to that user).
# Exit status 3 when no PostgreSQL server binaries are installed.
set -euo pipefail
cmd=${1:-}
dir=${2:-}
if [[ -z "$cmd" || -z "$dir" ]]; then
  echo "usage: $0 start|stop DIR" >&2
  exit 2
fi

bindir=""
if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
  bindir=$(pg_config --bindir)
fi
if [ -z "$bindir" ]; then
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
fi
if [ -z "$bindir" ] && command -v initdb >/dev/null 2>&1; then
  bindir=$(dirname "$(command -v initdb)")
fi
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "pg-test-server: no PostgreSQL server binaries (install Debian's postgresql)" >&2
  exit 3
fi

as_server_user() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

case "$cmd" in
  start)
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if [ "$(id -u)" -eq 0 ]; then
      chown postgres: "$dir"
    fi
    chmod 700 "$dir"
    if [ ! -d "$dir/data" ]; then
      as_server_user "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 \
        --no-locale >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    for _attempt in 1 2 3; do
      port=$(free_port)
      if as_server_user "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
           -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200" \
           start >"$dir/pg_ctl.log" 2>&1; then
        echo "$port" >"$dir/port" 2>/dev/null || as_server_user sh -c "echo $port > '$dir/port'"
        echo "postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
        exit 0
      fi
    done
    cat "$dir/pg_ctl.log" "$dir/server.log" >&2 2>/dev/null || true
    echo "pg-test-server: the server did not start" >&2
    exit 1
    ;;
  stop)
    if [ -d "$dir/data" ]; then
      as_server_user "$bindir/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
