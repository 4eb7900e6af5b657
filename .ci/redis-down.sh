#!/usr/bin/env bash
# Stop the throwaway Redis started by .ci/redis-up.sh (same CI_REDIS_ROOT/CI_REDIS_PORT). Safe to run twice.
set -uo pipefail
ROOT=${CI_REDIS_ROOT:-/tmp/ci-redis}
PORT=${CI_REDIS_PORT:-56379}
redis-cli -h 127.0.0.1 -p "$PORT" shutdown nosave >/dev/null 2>&1 || true
rm -rf "$ROOT"
