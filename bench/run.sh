#!/usr/bin/env bash
# Starts the packaged platform on this machine, loads the bench data set, restarts it on the stored
# data (startup time), runs the wrk scenarios and the notification latency scenario against it and
# writes one report: bench/results/report.md (printed), report.csv and report.json.
#
# Usage: bench/run.sh [short|full] [sqlite|postgres|both]
#   short: 10 s per scenario after 5 s warm-up (under 5 minutes per backend); full: 30 s after 10 s.
#   The backend defaults to BENCH_DB (sqlite); both runs SQLite, then PostgreSQL, and adds a
#   side-by-side table.
# Environment: BENCH_ENTITIES (100000), BENCH_PORT (18080; a second node uses BENCH_PORT+1),
#   BENCH_CONNECTIONS (4), BENCH_RATE (2000 PATCH/s in the notification scenario),
#   BENCH_SUBSCRIPTIONS (10), BENCH_RECEIVER_PORT (18090), BENCH_NODES (1; 2 with PostgreSQL adds
#   GET and PATCH against two nodes on one database), BENCH_PG (127.0.0.1:5432, user postgres),
#   BENCH_DURATION and BENCH_WARMUP (seconds; override the mode, for trying the script quickly),
#   BENCH_ADMIN_KEY (the nodes' SUNDWERK_ADMIN_API_KEY; default: random per run),
#   BENCH_PAIR_ROUNDS (2: the with/without-key pairs run A B B A twice).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-short}
case "$mode" in
  short) duration=10 warmup=5 ;;
  full) duration=30 warmup=10 ;;
  *) echo "usage: bench/run.sh [short|full] [sqlite|postgres|both]" >&2; exit 2 ;;
esac
duration=${BENCH_DURATION:-$duration} warmup=${BENCH_WARMUP:-$warmup}
case "${2:-${BENCH_DB:-sqlite}}" in
  sqlite) backends=(sqlite) ;;
  postgres) backends=(postgres) ;;
  both) backends=(sqlite postgres) ;;
  *) echo "backend must be sqlite, postgres or both" >&2; exit 2 ;;
esac
entities=${BENCH_ENTITIES:-100000}
port=${BENCH_PORT:-18080}
connections=${BENCH_CONNECTIONS:-4}
rate=${BENCH_RATE:-2000}
subscriptions=${BENCH_SUBSCRIPTIONS:-10}
receiver_port=${BENCH_RECEIVER_PORT:-18090}
nodes=${BENCH_NODES:-1}
pg=${BENCH_PG:-127.0.0.1:5432}
results=bench/results
base="http://127.0.0.1:$port"
# The platform operator's bootstrap key: every write needs a key (reads stay anonymous).
admin_key=${BENCH_ADMIN_KEY:-bench-admin-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')}
receiver="http://127.0.0.1:$receiver_port"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}java
[ -f app/target/sundwerk.jar ] || ./mvnw -q -DskipTests package
if [ "$nodes" = 2 ] && [ "${backends[*]}" = sqlite ]; then
  echo "BENCH_NODES=2 needs PostgreSQL: two nodes cannot share one SQLite file" >&2; exit 2
fi

mkdir -p "$results"
rm -f "$results"/records.tsv "$results"/facts.tsv "$results"/report.* "$results"/server-*.log
pids=() dirs=() databases=() receiver_pid=""
cleanup() {
  [ -z "$receiver_pid" ] || kill "$receiver_pid" 2>/dev/null || true
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  for db in "${databases[@]}"; do
    psql -h "${pg%:*}" -p "${pg#*:}" -U postgres -qc "DROP DATABASE IF EXISTS $db" >/dev/null || true
  done
  rm -rf "${dirs[@]}"
}
trap cleanup EXIT

now_ms() { date +%s%3N; }
fact() { printf '%s\t%s\t%s\n' "$backend" "$1" "$2" >> "$results/facts.tsv"; }
record() { printf '%s\t%s\t%s\t%s\t%s\n' "$backend" "$1" "$2" "$3" "${4#RESULT }" >> "$results/records.tsv"; }

# Starts one node on port $1 with data directory $2 the way the README does (./sundwerk: the
# unpacked jar with the class cache on JDK 25+); sets $node_pid. Demo, simulator and the embedded
# MQTT broker (a fixed port two nodes would share) are off; the receiver on loopback is allowed as
# a notification endpoint; rate limits are off (wrk is one client far over any limit).
start_node() {
  SUNDWERK_ADMIN_API_KEY="$admin_key" ./sundwerk --server.port="$1" --sundwerk.data-dir="$2" \
    --sundwerk.access.rate-limited=false \
    --sundwerk.demo.enabled=false --sundwerk.simulator.enabled=false --sundwerk.mqtt.embedded.enabled=false \
    --sundwerk.notifications.allowed-hosts=127.0.0.1 ${db_url:+--sundwerk.db-url="$db_url"} \
    >> "$results/server-$backend-$1.log" 2>&1 &
  node_pid=$!
  pids+=("$node_pid")
}
# Waits until the URL answers 2xx, failing if the node $2 died meanwhile.
await() {
  until curl -sf -o /dev/null "$1"; do
    kill -0 "$2" 2>/dev/null || { echo "the platform exited, see $results/server-$backend-*.log" >&2; exit 1; }
    sleep 0.05
  done
}
stop_node() { kill "$1"; wait "$1" 2>/dev/null || true; }

# wrk with report.lua appended: $1 script, $2 seconds, $3 base URL; prints wrk's output. Requests
# present $bench_key (empty: anonymous).
wrk_run() {
  cat bench/wrk/threads.lua "bench/wrk/$1" bench/wrk/report.lua > "$results/$1"
  BENCH_ENTITIES=$entities BENCH_RATE=$rate BENCH_THREADS=2 BENCH_KEY="${bench_key-}" \
    wrk -t2 -c"${wrk_connections:-$connections}" -d"$2s" -s "$results/$1" "$3"
}
# One scenario on one node: warm-up (so that the JIT has compiled the path), then measured. $4 is
# the key the requests present (empty: anonymous).
scenario() {
  local key=$1 name=$2 script=$3 line bench_key=${4-}
  wrk_run "$script" "$warmup" "$base" > /dev/null
  line=$(wrk_run "$script" "$duration" "$base" | grep '^RESULT')
  echo "$backend | $name: $line"
  record 1 "$key" "$name" "$line"
}
# The same script on one node with each of two keys ($4 and $7: empty for anonymous), side by
# side: both warmed up, then measured in the order A B B A, BENCH_PAIR_ROUNDS times (default 2),
# so that a drift of the machine (builds next door, the JIT, the database growing) weighs on both
# alike; each row is the median of its runs.
pair() {
  local script=$1 key_a=$2 name_a=$3 bench_a=$4 key_b=$5 name_b=$6 bench_b=$7 round bench_key n
  bench_key=$bench_a wrk_run "$script" "$warmup" "$base" > /dev/null
  bench_key=$bench_b wrk_run "$script" "$warmup" "$base" > /dev/null
  : > "$results/pair-a.out"; : > "$results/pair-b.out"
  for n in $(seq 1 "${BENCH_PAIR_ROUNDS:-2}"); do
    for round in a b b a; do
      if [ "$round" = a ]; then bench_key=$bench_a; else bench_key=$bench_b; fi
      wrk_run "$script" "$duration" "$base" | grep '^RESULT' >> "$results/pair-$round.out"
    done
  done
  cp "$results/pair-a.out" "$results/$key_a.runs"; cp "$results/pair-b.out" "$results/$key_b.runs"
  fact "ratio:$key_b" "$(python3 bench/report.py --ratio "$results/pair-a.out" "$results/pair-b.out")"
  local line_a line_b
  line_a=$(python3 bench/report.py --median < "$results/pair-a.out")
  line_b=$(python3 bench/report.py --median < "$results/pair-b.out")
  echo "$backend | $name_a: $line_a"
  echo "$backend | $name_b: $line_b"
  record 1 "$key_a" "$name_a" "$line_a"
  record 1 "$key_b" "$name_b" "$line_b"
}

# A key made through the admin API with the bootstrap key, as the README's curl tour does: an
# account, a role ($2: JSON of the role), a key for the default tenant with operations $3 (JSON
# array). Prints the key.
issue_key() {
  local account
  account=$(curl -sf -X POST "$base/api/v1/admin/accounts" -H "X-API-Key: $admin_key" \
    -H 'Content-Type: application/json' --data-binary '{"email": "'"$1"'", "tenant": ""}' |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
  curl -sf -o /dev/null -X POST "$base/api/v1/admin/accounts/$account/roles" -H "X-API-Key: $admin_key" \
    -H 'Content-Type: application/json' --data-binary "$2"
  curl -sf -X POST "$base/api/v1/admin/accounts/$account/keys" -H "X-API-Key: $admin_key" \
    -H 'Content-Type: application/json' \
    --data-binary '{"name": "bench", "tenants": [""], "operations": '"$3"'}' |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["key"])'
}

# The same script against both nodes at once (two wrk processes with their own random sequences);
# req/s and counts are summed, latency percentiles are the worse of the two.
scenario_two_nodes() {
  local key=$1 name=$2 script=$3
  wrk_run "$script" "$warmup" "$base" > /dev/null &
  BENCH_SEED=2 wrk_run "$script" "$warmup" "$base2" > /dev/null
  wait $!
  wrk_run "$script" "$duration" "$base" > "$results/node1.out" &
  local first=$!
  BENCH_SEED=2 wrk_run "$script" "$duration" "$base2" > "$results/node2.out"
  wait "$first"
  local line
  line=$(grep -h '^RESULT' "$results/node1.out" "$results/node2.out" | python3 bench/report.py --sum)
  echo "$backend | $name: $line"
  record 2 "$key" "$name" "$line"
}

# PATCHes at a fixed rate with subscriptions on the patched attribute; the receiver measures
# notification latency and loss. Two rows: the paced PATCH itself and the notifications.
notification_scenario() {
  local ids=() n line acked sent rps result
  for n in $(seq 1 "$subscriptions"); do
    ids+=("urn:ngsi-ld:Subscription:bench-$n")
    curl -sf -o /dev/null -X POST "$base/ngsi-ld/v1/subscriptions" -H 'Content-Type: application/json' \
      -H "X-API-Key: $admin_key" \
      --data-binary '{"id": "urn:ngsi-ld:Subscription:bench-'"$n"'", "type": "Subscription",
        "entities": [{"type": "Sensor"}], "watchedAttributes": ["a"],
        "notification": {"attributes": ["a"], "format": "keyValues",
          "endpoint": {"uri": "'"$receiver"'/notify", "accept": "application/json"}}}'
  done
  local bench_key=$admin_key
  wrk_connections=16 wrk_run notify-patch.lua "$warmup" "$base" > /dev/null
  sleep 3 # let the warm-up's notifications drain; the reset ignores any later ones anyway
  curl -sf -o /dev/null "$receiver/reset"
  local out
  out=$(wrk_connections=16 wrk_run notify-patch.lua "$duration" "$base")
  line=$(grep '^RESULT' <<< "$out")
  acked=$(awk '/^ACKED/ {print $2}' <<< "$out")
  sent=$(awk '/^ACKED/ {print $4}' <<< "$out")
  rps=$(sed 's/.* rps=\([0-9.]*\).*/\1/' <<< "$line")
  echo "$backend | PATCH paced at $rate/s: $line (acknowledged $acked of $sent)"
  record 1 notify-patch "PATCH paced at $rate/s, $subscriptions subscriptions" "$line"
  result=$(curl -sf "$receiver/result?updates=$acked&sent=$sent&subscriptions=$subscriptions&rps=$rps&wait=30")
  echo "$backend | notification latency: $result"
  record 1 notify-latency "notification latency ($subscriptions subscriptions, rps = updates/s)" "$result"
  for id in "${ids[@]}"; do
    curl -sf -o /dev/null -X DELETE "$base/ngsi-ld/v1/subscriptions/$id" -H "X-API-Key: $admin_key"
  done
}

bench_backend() {
  backend=$1 db_url="" data_dir=$(mktemp -d /tmp/sundwerk-bench.XXXXXX)
  dirs+=("$data_dir")
  if [ "$backend" = postgres ]; then
    local db="sundwerk_bench_$(od -An -N4 -tx4 /dev/urandom | tr -d ' ')"
    psql -h "${pg%:*}" -p "${pg#*:}" -U postgres -qc "CREATE DATABASE $db" >/dev/null
    databases+=("$db")
    db_url="jdbc:postgresql://$pg/$db?user=postgres"
  fi

  local start
  start=$(now_ms)
  start_node "$port" "$data_dir"
  await "$base/actuator/health" "$node_pid"
  echo "$backend | started on an empty database in $(( $(now_ms) - start )) ms"

  start=$(now_ms)
  # As many requests in flight as the wrk scenarios have connections.
  find "$results"/data -name 'batch-*.json' -print0 | xargs -0 -P "$connections" -I{} \
    curl -sf -o /dev/null -X POST "$base/ngsi-ld/v1/entityOperations/upsert" \
      -H "X-API-Key: $admin_key" -H 'Content-Type: application/json' --data-binary @{}
  local load_ms=$(( $(now_ms) - start ))
  fact load_ms "$load_ms"
  fact load_entities_per_s $(( entities * 1000 / load_ms ))
  echo "$backend | loaded $entities entities by batch upsert (1000 per request, $connections in flight) in $load_ms ms"

  start=$(now_ms)
  for f in "$results"/temporal/month-*.json; do
    curl -sf -o /dev/null -X POST "$base/ngsi-ld/v1/temporal/entities" \
      -H "X-API-Key: $admin_key" -H 'Content-Type: application/json' --data-binary @"$f"
  done
  fact temporal_load_ms $(( $(now_ms) - start ))
  if [ "$backend" = postgres ]; then
    # What a DBA does after a bulk load (and autovacuum does later, where it is on; this
    # machine's server runs without it): fresh statistics for the planner.
    psql -h "${pg%:*}" -p "${pg#*:}" -U postgres -d "${databases[-1]}" -qc "ANALYZE"
  fi

  # Startup with the data stored: process start to the first answered GET of an entity.
  stop_node "$node_pid"
  start=$(now_ms)
  start_node "$port" "$data_dir"
  await "$base/ngsi-ld/v1/entities/urn:ngsi-ld:Sensor:0" "$node_pid"
  local startup_ms=$(( $(now_ms) - start ))
  fact startup_ms "$startup_ms"
  echo "$backend | restarted with $entities entities stored: first answer after $startup_ms ms"

  # Keys stored in the database (resolved once, then from the node's 30 s key cache), next to the
  # same requests without a stored key: GET anonymous, PATCH with the bootstrap key.
  local partner_key operator_key
  partner_key=$(issue_key "bench-partner@example.org" \
    '{"kind": "member", "tenant": "", "partner": "bench", "role": "viewer"}' '["read"]')
  operator_key=$(issue_key "bench-operator@example.org" \
    '{"kind": "operator", "tenant": ""}' '["read", "write"]')

  scenario ceiling "ceiling: GET static /portal/portal.css" ceiling.lua
  pair get-by-id.lua get-by-id "GET entity by id, anonymous" "" \
    get-by-id-key "GET entity by id, partner API key" "$partner_key"
  scenario query-q "query type+q limit=20" query-q.lua
  scenario query-geo "geo near 500 m limit=20" query-geo.lua
  pair patch-attrs.lua patch "PATCH attrs (durable), bootstrap key" "$admin_key" \
    patch-key "PATCH attrs (durable), operator API key" "$operator_key"
  # Each acknowledgement waits for a commit on disk, so 4 connections allow at most 4 updates per
  # commit; with 64 the group commit shows what the single writer itself sustains.
  wrk_connections=64 scenario patch-64 "PATCH attrs (durable), 64 connections" patch-attrs.lua "$admin_key"
  scenario create "POST create" create.lua "$admin_key"
  scenario temporal "temporal daily avg/min/max, 1 year of 15-min data" temporal-daily.lua
  notification_scenario
  fact rss_mib $(( $(awk '/VmRSS/ {print $2}' "/proc/$node_pid/status") / 1024 ))

  if [ "$nodes" = 2 ] && [ "$backend" = postgres ]; then
    base2="http://127.0.0.1:$(( port + 1 ))"
    local second_dir
    second_dir=$(mktemp -d /tmp/sundwerk-bench.XXXXXX)
    dirs+=("$second_dir")
    start_node $(( port + 1 )) "$second_dir"
    await "$base2/ngsi-ld/v1/entities/urn:ngsi-ld:Sensor:0" "$node_pid"
    scenario_two_nodes get-by-id "GET entity by id, 2 nodes" get-by-id.lua
    bench_key=$admin_key scenario_two_nodes patch "PATCH attrs (durable), 2 nodes" patch-attrs.lua
  fi
  for pid in "${pids[@]}"; do stop_node "$pid" 2>/dev/null || true; done
  pids=()
}

python3 bench/generate.py "$entities" "$results/data" > /dev/null
python3 bench/generate_temporal.py "$results/temporal" > /dev/null
"$java_bin" bench/NotificationReceiver.java "$receiver_port" > "$results/receiver.log" 2>&1 &
receiver_pid=$!
until curl -sf -o /dev/null "$receiver/reset"; do sleep 0.1; done

run_start=$(now_ms)
for b in "${backends[@]}"; do bench_backend "$b"; done

rev=$(git rev-parse --short HEAD)
[ -z "$(git status --porcelain --untracked-files=no)" ] || rev="$rev-dirty"
{
  printf 'mode\t%s\n' "$mode"
  printf 'duration_s\t%s\n' "$duration"
  printf 'warmup_s\t%s\n' "$warmup"
  printf 'connections\t%s\n' "$connections"
  printf 'entities\t%s\n' "$entities"
  printf 'notify_rate\t%s\n' "$rate"
  printf 'subscriptions\t%s\n' "$subscriptions"
  printf 'cores\t%s\n' "$(nproc)"
  printf 'memory_mib\t%s\n' "$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 ))"
  printf 'git_rev\t%s\n' "$rev"
  printf 'java_version\t%s\n' "$("$java_bin" -version 2>&1 | head -1)"
  printf 'date\t%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  printf 'run_s\t%s\n' "$(( ($(now_ms) - run_start) / 1000 ))"
} > "$results/meta.tsv"
python3 bench/report.py "$results"
