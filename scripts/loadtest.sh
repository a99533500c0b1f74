#!/usr/bin/env bash
# Load test: starts the demo, signs in, and measures requests per second and
# latency with wrk on loopback. Every loop is bounded by wrk's duration.
#
#   make loadtest                      # 10 s per target, 32 connections
#   DURATION=30s CONNS=64 make loadtest
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
CONNS=${CONNS:-32}
THREADS=${THREADS:-2}
PORT=${PORT:-18181}
BASE="http://127.0.0.1:$PORT"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
work=$(mktemp -d)
cleanup() { [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

./bin/steadfast demo --seed 1 --addr "127.0.0.1:$PORT" --accounts-out "$work/accounts.json" \
  --log-level warn >"$work/stdout" 2>"$work/stderr" &
pid=$!
for _ in $(seq 1 100); do
  curl -fsS "$BASE/readyz" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fsS "$BASE/readyz" >/dev/null

email=$(python3 -c 'import json,sys; a=[x for x in json.load(open(sys.argv[1])) if x["role"]=="practitioner"][0]; print(a["email"])' "$work/accounts.json")
password=$(python3 -c 'import json,sys; a=[x for x in json.load(open(sys.argv[1])) if x["role"]=="practitioner"][0]; print(a["password"])' "$work/accounts.json")
curl -fsS -o /dev/null -c "$work/cookies" --data-urlencode "email=$email" --data-urlencode "password=$password" "$BASE/sign-in"
cookie=$(awk '$6=="steadfast_session"{print $6"="$7}' "$work/cookies")
[ -n "$cookie" ] || { echo "sign-in failed" >&2; exit 1; }

echo "# Steadfast load test, $(date -u +%Y-%m-%dT%H:%MZ)"
echo "# machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "# wrk: $THREADS threads, $CONNS connections, $DURATION per target; SQLite, demo data"
printf "%-44s %12s %10s %10s\n" "target" "requests/s" "p50" "p99"
run() {
  local name=$1 path=$2; shift 2
  local out
  out=$(wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency "$@" "$BASE$path")
  local rps p50 p99 non2xx
  rps=$(awk '/Requests\/sec/{print $2}' <<<"$out")
  p50=$(awk '$1=="50%"{print $2}' <<<"$out")
  p99=$(awk '$1=="99%"{print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/{print $4}' <<<"$out")
  printf "%-44s %12s %10s %10s\n" "$name" "$rps" "$p50" "$p99"
  [ -z "$non2xx" ] || echo "  (non-2xx responses: $non2xx)"
}
run "static file (ceiling through all middleware)" /static/favicon.svg
run "GET /healthz" /healthz
run "GET /sign-in (signed out, rendered page)" /sign-in
run "GET / practitioner home (session, reads, audit)" / -H "Cookie: $cookie"
echo "# peak resident memory of the server: $(awk '/VmHWM/{printf "%.0f MiB", $2/1024}' /proc/$pid/status)"
