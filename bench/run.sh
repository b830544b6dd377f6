#!/usr/bin/env bash
# Starts the packaged platform on a fresh data directory, loads the bench data set and runs the
# wrk scenarios against it on this machine. Prints a Markdown table and writes CSV and JSON to
# bench/results/. Usage: bench/run.sh [short|full]: both load 100,000 entities (BENCH_ENTITIES);
# short runs each scenario for 10 s, full for 30 s.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-short}
duration=$([ "$mode" = full ] && echo 30s || echo 10s)
entities=${BENCH_ENTITIES:-100000}
port=${BENCH_PORT:-18080}
connections=${BENCH_CONNECTIONS:-4}
results=bench/results
mkdir -p "$results"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
[ -f app/target/sundwerk.jar ] || ./mvnw -q -DskipTests package

data_dir=$(mktemp -d /tmp/sundwerk-bench.XXXXXX)
java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}java
start_ms=$(date +%s%3N)
"$java_bin" -jar app/target/sundwerk.jar --server.port="$port" --sundwerk.data-dir="$data_dir" \
  --sundwerk.demo.enabled=false --sundwerk.simulator.enabled=false > "$results/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$data_dir"' EXIT
until curl -sf "localhost:$port/actuator/health" >/dev/null; do sleep 0.1; done
echo "started in $(( $(date +%s%3N) - start_ms )) ms"

python3 bench/generate.py "$entities" "$results/data" >/dev/null
load_start=$(date +%s%3N)
for f in "$results"/data/batch-*.json; do
  curl -sf -o /dev/null -X POST "localhost:$port/ngsi-ld/v1/entityOperations/upsert" \
    -H 'Content-Type: application/json' --data-binary @"$f"
done
load_ms=$(( $(date +%s%3N) - load_start ))
load_rate=$(( entities * 1000 / load_ms ))
echo "loaded $entities entities by batch upsert (1000 per request) in $load_ms ms: $load_rate entities/s"

python3 bench/generate_temporal.py "$results/temporal" >/dev/null
temporal_start=$(date +%s%3N)
for f in "$results"/temporal/month-*.json; do
  curl -sf -o /dev/null -X POST "localhost:$port/ngsi-ld/v1/temporal/entities" \
    -H 'Content-Type: application/json' --data-binary @"$f"
done
echo "loaded 35,040 temporal instances in $(( $(date +%s%3N) - temporal_start )) ms"

rows=()
run() {
  local name=$1 script=$2
  cat "bench/wrk/$script" bench/wrk/report.lua > "$results/$script"
  local line
  # Warm-up (not reported): the JIT compiles this scenario's path before it is measured.
  BENCH_ENTITIES=$entities wrk -t2 -c"$connections" -d5s -s "$results/$script" "http://127.0.0.1:$port" >/dev/null
  line=$(BENCH_ENTITIES=$entities wrk -t2 -c"$connections" -d"$duration" -s "$results/$script" "http://127.0.0.1:$port" | grep '^RESULT')
  echo "$name: $line"
  rows+=("$name ${line#RESULT }")
}
run "GET entity by id" get-by-id.lua
run "query type+q limit=20" query-q.lua
run "geo near 500 m limit=20" query-geo.lua
run "PATCH attrs (durable)" patch-attrs.lua
run "POST create" create.lua
run "temporal daily avg/min/max, 1 year of 15-min data" temporal-daily.lua

rss_kb=$(awk '/VmRSS/ {print $2}' /proc/$server/status)
{
  echo "| scenario | req/s | p50 ms | p95 ms | p99 ms | errors |"
  echo "|---|---|---|---|---|---|"
  echo "| batch upsert, 1000 per request | $load_rate entities/s | | | | |"
  for row in "${rows[@]}"; do
    name=${row%% requests=*}
    eval "${row#"$name" }"
    echo "| $name | $rps | $p50_ms | $p95_ms | $p99_ms | $errors |"
  done
  echo
  echo "$entities entities, $connections connections, $duration per scenario, $(nproc) cores,"\
       "$(free -g | awk '/Mem/ {print $2}') GiB, RSS after run $(( rss_kb / 1024 )) MiB, git $(git rev-parse --short HEAD)"
} | tee "$results/report.md"
