#!/usr/bin/env bash
# Start (or reuse) a throwaway PostgreSQL cluster on loopback and print an Npgsql connection string
# on stdout (everything else goes to stderr). From shared/docs/ecosystem.md, "CI shell" recipe.
#   CI_PG_ROOT  cluster folder      (default /tmp/ci-pg)
#   CI_PG_PORT  TCP port            (default 55432)
# Stop and remove it with .ci/pg-down.sh. Trust authentication: for tests on this machine only.
set -euo pipefail
PGROOT=${CI_PG_ROOT:-/tmp/ci-pg}
PGPORT=${CI_PG_PORT:-55432}

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

# PostgreSQL refuses to run as root: as root, run its tools as the postgres user.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ -f "$PGROOT/data/PG_VERSION" ] && as_pg "$PGBIN/pg_ctl" -D "$PGROOT/data" status >/dev/null 2>&1; then
  echo "reusing running cluster in $PGROOT" >&2
else
  if [ -d "$PGROOT/data" ]; then
    as_pg "$PGBIN/pg_ctl" -D "$PGROOT/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$PGROOT"
  mkdir -p "$PGROOT"
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$PGROOT"; fi
  as_pg "$PGBIN/initdb" -D "$PGROOT/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$PGROOT/initdb.log" 2>&1 \
    || { rm -rf "$PGROOT/data"
         as_pg "$PGBIN/initdb" -D "$PGROOT/data" -U postgres -A trust -E UTF8 --locale=C >"$PGROOT/initdb.log" 2>&1; }
  as_pg "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGROOT -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >&2
fi

for _ in $(seq 1 150); do
  if as_pg "$PGBIN/pg_isready" -h 127.0.0.1 -p "$PGPORT" -q; then
    echo "Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres"
    exit 0
  fi
  sleep 0.2
done
echo "PostgreSQL did not become ready on 127.0.0.1:$PGPORT; see $PGROOT/server.log" >&2
exit 1
