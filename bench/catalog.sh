#!/usr/bin/env bash
# The catalog's bench (issue 15): starts the packaged platform without the demo, loads BENCH_SERVICES
# (10,000) services into one tenant through the API with the bootstrap key (POST, then approve 9 of
# 10), then measures catalog search latency over HTTP with wrk (p50/p95/p99) for a few typical
# searches. Target: p95 < 20 ms. Writes bench/results/catalog-report.md (printed).
#
# The repository alone (no HTTP) is measured by
#   ./mvnw -o -pl business -am test -Dtest=CatalogSearchMeasurement -Dsurefire.failIfNoSpecifiedTests=false
# which writes the services directly (seconds instead of minutes) on SQLite and PostgreSQL.
#
# Usage: bench/catalog.sh [short|full]   short: 10 s per search after 3 s warm-up; full: 30 s after 10 s.
# Environment: BENCH_SERVICES (10000), BENCH_PORT (18081), BENCH_DB_URL (empty: SQLite in a
#   temporary directory; else a JDBC URL of an empty database).
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-short}" in
  short) duration=10 warmup=3 ;;
  full) duration=30 warmup=10 ;;
  *) echo "usage: bench/catalog.sh [short|full]" >&2; exit 2 ;;
esac
services=${BENCH_SERVICES:-10000}
port=${BENCH_PORT:-18081}
base="http://127.0.0.1:$port"
tenant=bench-catalog
results=bench/results
admin_key=bench-admin-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
[ -f app/target/sundwerk.jar ] || ./mvnw -q -DskipTests package

mkdir -p "$results"
data_dir=$(mktemp -d)
pid=""
cleanup() { [ -z "$pid" ] || { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; }; rm -rf "$data_dir"; }
trap cleanup EXIT

SUNDWERK_ADMIN_API_KEY="$admin_key" SUNDWERK_DEMO=false ./sundwerk --server.port="$port" \
  --sundwerk.data-dir="$data_dir" --sundwerk.access.rate-limited=false \
  --sundwerk.mqtt.embedded.enabled=false \
  ${BENCH_DB_URL:+--sundwerk.db-url="$BENCH_DB_URL"} > "$results/catalog-server.log" 2>&1 &
pid=$!
until curl -sf -o /dev/null "$base/actuator/health/readiness"; do
  kill -0 "$pid" 2>/dev/null || { echo "the platform exited, see $results/catalog-server.log" >&2; exit 1; }
  sleep 0.2
done

load_start=$(date +%s)
python3 bench/generate_catalog.py "$base" "$tenant" "$admin_key" "$services"
echo "loaded $services services into tenant $tenant in $(( $(date +%s) - load_start )) s"

report="$results/catalog-report.md"
{
  echo "| search | p50 ms | p95 ms | p99 ms | req/s |"
  echo "|---|---|---|---|---|"
} > "$report"
for search in "" "q=parkhaus" "q=rad%20knieper" "q=hafen&targetGroup=tourists&season=summer" \
              "targetGroup=seniors&lifeSituation=age_and_care&category=social" "q=museum&offset=200"; do
  url="$base/api/v1/$tenant/services?$search"
  wrk -t1 -c1 -d"${warmup}s" "$url" > /dev/null
  out=$(wrk -t1 -c1 -d"${duration}s" -s bench/wrk/report.lua "$url")
  line=$(echo "$out" | grep '^RESULT')
  p50=$(echo "$line" | sed 's/.*p50_ms=\([0-9.]*\).*/\1/')
  p95=$(echo "$line" | sed 's/.*p95_ms=\([0-9.]*\).*/\1/')
  p99=$(echo "$line" | sed 's/.*p99_ms=\([0-9.]*\).*/\1/')
  rps=$(echo "$line" | sed 's/.*rps=\([0-9.]*\).*/\1/')
  echo "| \`${search:-all}\` | $p50 | $p95 | $p99 | $rps |" >> "$report"
done
cat "$report"
