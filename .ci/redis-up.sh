#!/usr/bin/env bash
# Start (or reuse) a throwaway Redis (Debian's redis-server) on loopback and print a StackExchange.Redis connection
# string on stdout (everything else goes to stderr). Used by the several-instances tests (SignalR scale-out).
#   CI_REDIS_ROOT  folder     (default /tmp/ci-redis)
#   CI_REDIS_PORT  TCP port   (default 56379)
# Stop it with .ci/redis-down.sh. No password, loopback only: for tests on this machine only.
set -euo pipefail
ROOT=${CI_REDIS_ROOT:-/tmp/ci-redis}
PORT=${CI_REDIS_PORT:-56379}

if ! command -v redis-server >/dev/null 2>&1; then
  apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q redis-server >&2
fi

if redis-cli -h 127.0.0.1 -p "$PORT" ping >/dev/null 2>&1; then
  echo "reusing running redis on $PORT" >&2
else
  mkdir -p "$ROOT"
  redis-server --bind 127.0.0.1 --port "$PORT" --dir "$ROOT" --daemonize yes --pidfile "$ROOT/redis.pid" \
    --logfile "$ROOT/redis.log" --save "" --appendonly no >&2
  for _ in $(seq 1 100); do
    if redis-cli -h 127.0.0.1 -p "$PORT" ping >/dev/null 2>&1; then break; fi
    sleep 0.1
  done
fi
redis-cli -h 127.0.0.1 -p "$PORT" ping >/dev/null
echo "127.0.0.1:$PORT"
