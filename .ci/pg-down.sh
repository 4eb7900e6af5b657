#!/usr/bin/env bash
# Stop and remove the throwaway cluster started by .ci/pg-up.sh (same CI_PG_ROOT). Safe to run twice.
set -uo pipefail
PGROOT=${CI_PG_ROOT:-/tmp/ci-pg}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -n "$PGBIN" ] && [ -f "$PGROOT/data/postmaster.pid" ]; then
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGROOT/data" -m fast -w stop >&2
  else
    "$PGBIN/pg_ctl" -D "$PGROOT/data" -m fast -w stop >&2
  fi
fi
rm -rf "$PGROOT"
