#!/usr/bin/env bash
# The portal's bench (issue 14): starts the packaged platform with the demo Stralsund (simulator on,
# as after the one-command start), loads BENCH_ENTITIES (100,000) entities of the portal's kinds into
# another tenant, then measures
#   - server render latency of the start, door, detail and search pages with wrk (p50/p95/p99),
#   - what a first page load transfers and what an idle open tab costs per minute, in headless
#     Chromium (bench/page_weight.py), without map tiles.
# Writes bench/results/portal-report.md (printed).
#
# Usage: bench/portal.sh [short|full]   short: 10 s per page after 5 s warm-up, 60 s idle tab;
#   full: 30 s after 10 s, 180 s idle tab.
# Environment: BENCH_ENTITIES (100000), BENCH_PORT (18080), BENCH_CONNECTIONS (1: the time one
#   visitor waits for a page; more connections measure throughput and queueing on this machine),
#   BENCH_DB_URL (empty: SQLite in a temporary directory; else a JDBC URL of an empty database).
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-short}" in
  short) duration=10 warmup=5 idle=60 ;;
  full) duration=30 warmup=10 idle=180 ;;
  *) echo "usage: bench/portal.sh [short|full]" >&2; exit 2 ;;
esac
entities=${BENCH_ENTITIES:-100000}
port=${BENCH_PORT:-18080}
connections=${BENCH_CONNECTIONS:-1}
base="http://127.0.0.1:$port"
threads=$(( connections < 2 ? connections : 2 ))
results=bench/results
admin_key=bench-admin-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
command -v chromium >/dev/null || { echo "chromium is missing: apt-get install -y chromium" >&2; exit 1; }
[ -f app/target/sundwerk.jar ] || ./mvnw -q -DskipTests package

mkdir -p "$results"
data_dir=$(mktemp -d)
pid=""
cleanup() { [ -z "$pid" ] || { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; }; rm -rf "$data_dir"; }
trap cleanup EXIT

SUNDWERK_ADMIN_API_KEY="$admin_key" ./sundwerk --server.port="$port" --sundwerk.data-dir="$data_dir" \
  --sundwerk.access.rate-limited=false --sundwerk.mqtt.embedded.enabled=false \
  ${BENCH_DB_URL:+--sundwerk.db-url="$BENCH_DB_URL"} > "$results/portal-server.log" 2>&1 &
pid=$!
until curl -sf -o /dev/null "$base/actuator/health/readiness"; do
  kill -0 "$pid" 2>/dev/null || { echo "the platform exited, see $results/portal-server.log" >&2; exit 1; }
  sleep 0.2
done

python3 bench/generate_portal.py "$entities" "$results/portal-data" > /dev/null
load_start=$(date +%s)
for file in "$results"/portal-data/batch-*.json; do
  curl -sf -o /dev/null -X POST "$base/ngsi-ld/v1/entityOperations/upsert" \
    -H 'Content-Type: application/json' -H 'NGSILD-Tenant: bench-other' -H "X-API-Key: $admin_key" \
    --data-binary "@$file"
done
echo "loaded $entities entities into tenant bench-other in $(( $(date +%s) - load_start )) s"
# The demo seeds a year of history in the background after the start: let it finish first.
until grep -q "demo city: history of" "$results/portal-server.log" 2>/dev/null || [ $(( $(date +%s) - load_start )) -gt 120 ]; do
  sleep 1
done

# The pages a visitor opens first; the detail page is the demo's bathing water at the Strandbad.
pages=(
  "start|/"
  "door (tourists)|/touristen"
  "detail (bathing water)|/orte/urn:ngsi-ld:WaterQualityObserved:stralsund:strandbad"
  "search (Hafen)|/suche?q=Hafen"
)
report="$results/portal-report.md"
{
  echo "# Portal bench ($(date -u +%Y-%m-%dT%H:%M:%SZ), $(git rev-parse --short HEAD), $(nproc) cores)"
  echo
  echo "$entities entities in another tenant; demo Stralsund with its simulator running; $connections connections, ${duration} s per page after ${warmup} s warm-up."
  echo
  echo "| page | status | req/s | p50 ms | p95 ms | p99 ms | first load (bytes on the wire) | idle tab (bytes/min) |"
  echo "|---|---|---|---|---|---|---|---|"
} > "$report"
cat bench/wrk/page.lua bench/wrk/report.lua > "$results/page.lua"
for page in "${pages[@]}"; do
  name=${page%%|*} path=${page#*|}
  status=$(curl -s -o /dev/null -w '%{http_code}' "$base$path")
  wrk -t"$threads" -c"$connections" -d"${warmup}s" -s "$results/page.lua" "$base$path" > /dev/null
  line=$(wrk -t"$threads" -c"$connections" -d"${duration}s" -s "$results/page.lua" "$base$path" | grep '^RESULT')
  weight=$(python3 bench/page_weight.py "$base$path" 10 "$idle" 2>/dev/null | grep '^RESULT')
  field() { sed -nE "s/.*$1=([0-9.]+).*/\1/p" <<< "$2"; }
  echo "$name: $line $weight"
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$name" "$status" "$(field rps "$line")" \
    "$(field p50_ms "$line")" "$(field p95_ms "$line")" "$(field p99_ms "$line")" \
    "$(field first_load_bytes "$weight")" "$(field idle_bytes_per_min "$weight")" >> "$report"
done
echo
cat "$report"
