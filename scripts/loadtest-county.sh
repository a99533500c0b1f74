#!/usr/bin/env bash
# County-scale load test: builds the county demo (10,000 families, about
# 2 million timeline items), signs in as the demo practitioner, and measures
# the caseload, a family page and a long timeline with wrk on loopback.
# Every loop is bounded: the wait for the demo by a count, wrk by its duration.
#
#   make loadtest-county                       # SQLite, 16 connections, 15 s per page
#   STEADFAST_LOADTEST_POSTGRES=postgres://postgres@127.0.0.1:5432/steadfast_county?sslmode=disable \
#     make loadtest-county                     # also PostgreSQL; the database must be empty
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-15s}
CONNS=${CONNS:-16}
THREADS=${THREADS:-2}
PORT=${PORT:-18182}
BASE="http://127.0.0.1:$PORT"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
work=$(mktemp -d)
pid=
stop() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=; fi; }
cleanup() { stop; rm -rf "$work"; }
trap cleanup EXIT

echo "# Steadfast county-scale load test, $(date -u +%Y-%m-%dT%H:%MZ)"
echo "# machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# wrk: $THREADS threads, $CONNS connections, $DURATION per page"

# measure ENGINE [--db DSN]: starts the county demo on ENGINE, then measures.
measure() {
  local engine=$1; shift
  rm -rf "$work/data" "$work/accounts.json"
  local start=$SECONDS
  ./bin/steadfast demo --scale county --seed 1 --addr "127.0.0.1:$PORT" --data "$work/data" \
    --accounts-out "$work/accounts.json" --log-level warn "$@" >"$work/stdout" 2>"$work/stderr" &
  pid=$!
  # Generation takes minutes: wait at most 20 minutes, checking each second.
  for _ in $(seq 1 1200); do
    curl -fsS "$BASE/readyz" >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || { echo "the demo stopped:" >&2; tail -5 "$work/stderr" >&2; exit 1; }
    sleep 1
  done
  curl -fsS "$BASE/readyz" >/dev/null
  echo "## $engine: $(tr '\r' '\n' <"$work/stderr" | grep -m1 '^Generated') (ready after $((SECONDS - start)) s)"

  local email password family
  read -r email password family < <(python3 -c '
import json, sys
a = json.load(open(sys.argv[1]))
p = [x for x in a if x["role"] == "practitioner"][0]
f = [x for x in a if x["role"] == "parent"][0]["family_id"]
print(p["email"], p["password"], f)' "$work/accounts.json")
  curl -fsS -o /dev/null -c "$work/cookies" --data-urlencode "email=$email" --data-urlencode "password=$password" "$BASE/sign-in"
  local cookie
  cookie=$(awk '$6=="steadfast_session"{print $6"="$7}' "$work/cookies")
  [ -n "$cookie" ] || { echo "sign-in failed" >&2; exit 1; }
  # A family of the practitioner's other than the busiest, from the caseload.
  local other
  other=$(curl -fsS -H "Cookie: $cookie" "$BASE/families" | grep -o 'href="/families/[a-z2-7]\{20\}"' | grep -v "$family" | head -1 | cut -d/ -f3 | tr -d '"')
  [ -n "$other" ] || other=$family

  printf "%-48s %11s %9s %9s %9s\n" "page" "requests/s" "p50 ms" "p95 ms" "p99 ms"
  run "GET /families (caseload, 20 families)" /families -H "Cookie: $cookie"
  run "GET /families/{id} (one of the caseload)" "/families/$other" -H "Cookie: $cookie"
  run "GET /families/{id}/timeline ($(timeline_items "$cookie" "$family") items)" "/families/$family/timeline" -H "Cookie: $cookie"
  echo "# peak resident memory of the server: $(awk '/VmHWM/{printf "%.0f MiB", $2/1024}' "/proc/$pid/status")"
  stop
}

# timeline_items prints how many items the family's timeline says it has.
timeline_items() {
  curl -fsS -H "Cookie: $1" "$BASE/families/$2/timeline" | grep -o 'Showing [0-9,]* to [0-9,]* of [0-9,]*' | head -1 | awk '{print $NF}' || echo "?"
}

run() {
  local name=$1 path=$2; shift 2
  local out rps line non2xx
  out=$(wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" -s scripts/p95.lua "$@" "$BASE$path")
  rps=$(awk '/Requests\/sec/{print $2}' <<<"$out")
  line=$(grep '^PERCENTILES' <<<"$out")
  non2xx=$(awk '/Non-2xx/{print $4}' <<<"$out")
  printf "%-48s %11s %9s %9s %9s\n" "$name" "$rps" \
    "$(grep -o 'p50=[0-9.]*' <<<"$line" | cut -d= -f2)" "$(grep -o 'p95=[0-9.]*' <<<"$line" | cut -d= -f2)" "$(grep -o 'p99=[0-9.]*' <<<"$line" | cut -d= -f2)"
  [ -z "$non2xx" ] || echo "  (non-2xx responses: $non2xx)"
}

# SQLITE=0 measures PostgreSQL alone.
if [ "${SQLITE:-1}" != 0 ]; then
  measure SQLite
fi
if [ -n "${STEADFAST_LOADTEST_POSTGRES:-}" ]; then
  measure PostgreSQL --db "$STEADFAST_LOADTEST_POSTGRES"
fi
