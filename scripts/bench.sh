#!/usr/bin/env bash
# ./ben bench: every figure of the performance targets, each beside its target and the reference measured in the
# same run, in one table at the end (also target/bench/report.json). Each part writes a section file under
# target/bench/ and a last Java step (dev.ben.bench.table.BenchTable) assembles the table; a part that cannot run
# writes why instead, so its rows read "not run: <reason>". The parts, in order:
#   1. the spine engines (JMH SpineBenchmark; printed, not a row of the table)
#   2. the engine alone on one thread beside a plain Java loop (JMH AuthEngineBenchmark with -prof gc, when the bench
#      has it)                                                                                    -> engine.json
#   3. the in-process pipeline: sustained lossless rate, latency open loop at half and 0.8 of it, heap at full rate
#      and under overload                                                                         -> pipeline.json
#   4. against a node started here (examples/auth deployed with benctl, its proxy backpressuring, durable acks):
#      invocations open loop, HTTP NDJSON ingest                                    -> invoke.json, ingest.json
#   5. the stores alone: the ClickHouse sink (test servers started if needed, stopped if started here) and the
#      embedded store                                                                                -> sink.json
# `--quick` runs everything briefly (a smoke test of a few minutes); other arguments go to JMH.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/target/bench"
log() { printf "\033[1mbench:\033[0m [%3d s] %s\n" "$SECONDS" "$*" >&2; }

QUICK=""
JMH_ARGS=()
for arg in "$@"; do
  if [[ "$arg" == "--quick" ]]; then QUICK="--quick"; else JMH_ARGS+=("$arg"); fi
done
mkdir -p "$OUT"
# A figure of an earlier run must never show as this run's.
rm -f "$OUT"/{machine,engine,pipeline,invoke,ingest,sink,report,spine,engine-jmh,dataplane}.json \
  "$OUT"/node-stall-*.txt "$OUT/node-metrics.txt"
BENCH_CP="$ROOT/bench/target/classes:$(cat "$ROOT/bench/target/classpath.txt")"

# not_run FILE REASON: the part that writes FILE did not run, or failed before writing it.
not_run() {
  [[ -f "$OUT/$1" ]] && return 0
  local reason=${2//\\/\\\\}
  printf '{"not_run": "%s"}\n' "${reason//\"/\\\"}" >"$OUT/$1"
}

commit="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
[[ -n "$(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null)" ]] && commit+=" with local changes"
load="unknown"
[[ -r /proc/loadavg ]] && load="$(cut -d' ' -f1-3 /proc/loadavg | sed 's| | / |g')"
printf '{"mode": "%s", "started": "%s", "cores": %d, "load_average": "%s", "commit": "%s"}\n' \
  "$([[ -n "$QUICK" ]] && echo quick || echo full)" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$(nproc)" "$load" "$commit" >"$OUT/machine.json"

if [[ -n "$QUICK" ]]; then
  JMH_ARGS=(-wi 1 -w 1s -i 2 -r 1s "${JMH_ARGS[@]}")
else
  JMH_ARGS=(-wi 3 -w 2s -i 5 -r 2s "${JMH_ARGS[@]}")
fi
BENCHMARKS="$ROOT/bench/target/benchmarks.jar"

log "1/5 spine engines (JMH)…"
if java -jar "$BENCHMARKS" SpineBenchmark -f 1 "${JMH_ARGS[@]}" -rf json -rff "$OUT/spine.json" >"$OUT/jmh.log" 2>&1
then
  java -cp "$BENCHMARKS" dev.ben.bench.BenchSummary "$OUT/spine.json"
else
  log "the spine benchmark failed (see $OUT/jmh.log)"
fi

log "2/5 the engine alone on one thread, beside a plain Java loop (JMH, -prof gc)…"
if java -jar "$BENCHMARKS" -l 2>/dev/null | grep -q '\.AuthEngineBenchmark\.'; then
  java -jar "$BENCHMARKS" AuthEngineBenchmark -f 1 -t 1 -prof gc "${JMH_ARGS[@]}" -rf json \
    -rff "$OUT/engine-jmh.json" >"$OUT/engine-jmh.log" 2>&1 \
    && java -cp "$BENCH_CP" dev.ben.bench.table.EngineFigures "$OUT/engine-jmh.json" "$OUT" >/dev/null \
    || not_run engine.json "the engine benchmark failed (see target/bench/engine-jmh.log)"
else
  not_run engine.json "no AuthEngineBenchmark in the bench yet (task engine)"
fi

# Before any server or node starts, so the pipeline has the machine to itself.
log "3/5 in-process pipeline: sustained rate, latency at fixed rates, heap under overload…"
# The node's collector (./ben's NODE_JAVA_OPTS), in the 1 GiB heap the heap figures are held to (a 2 GiB heap
# measured the same sustained rate here: this part waits on hand-overs more than on the collector).
java -Xms1g -Xmx1g -XX:+UseZGC -cp "$BENCH_CP" dev.ben.bench.dataplane.DataPlaneBench pipeline "$ROOT/examples/auth" "$OUT" \
  $QUICK >"$OUT/pipeline.log" 2>&1 || not_run pipeline.json "the pipeline part failed (see target/bench/pipeline.log)"

STARTED_SERVERS=0
NODE_PID=""
NODE_DATABASE="ben_bench_node"
# The node's ClickHouse database is of the bench alone; it is dropped before the node starts and after it stops.
drop_node_database() {
  [[ -z "$CLICKHOUSE" ]] || curl -fsS "$CLICKHOUSE" --data-binary "DROP DATABASE IF EXISTS $NODE_DATABASE" >/dev/null 2>&1
}
stop_node() {
  if [[ -n "$NODE_PID" ]]; then
    kill -TERM "$NODE_PID" 2>/dev/null && wait "$NODE_PID" 2>/dev/null || true
    NODE_PID=""
  fi
  # The node's home holds this run's signing key, admin password and data: nothing of it is kept.
  if [[ -n "${NODE_HOME:-}" ]]; then rm -rf "$NODE_HOME"; NODE_HOME=""; fi
}
cleanup() {
  stop_node
  [[ $STARTED_SERVERS == 1 ]] && "$ROOT/scripts/servers.sh" stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

clickhouse_running() {
  local status
  status="$("$ROOT/scripts/servers.sh" status 2>/dev/null || true)"
  [[ "$status" == *"clickhouse: running"* ]]
}
CLICKHOUSE="${BEN_CLICKHOUSE_URL:-}"
# The native port, for clickhouse-client inserting the same rows as the sink (the sink's reference).
CLICKHOUSE_TCP_PORT="${BEN_CLICKHOUSE_TCP_PORT:-}"
if [[ -z "$CLICKHOUSE" ]]; then
  if ! clickhouse_running; then
    log "starting the test servers for the ClickHouse figures…"
    if "$ROOT/scripts/servers.sh" start >"$OUT/servers.log" 2>&1; then STARTED_SERVERS=1; fi
  fi
  if [[ -f "$ROOT/.ben-test/servers.env" ]] && clickhouse_running; then
    # shellcheck disable=SC1091
    source "$ROOT/.ben-test/servers.env"
    CLICKHOUSE="$BEN_TEST_CLICKHOUSE_URL"
    CLICKHOUSE_TCP_PORT="${BEN_TEST_CLICKHOUSE_TCP_PORT:-}"
  fi
fi

log "4/5 a node (examples/auth deployed, lossless, durable acks, store: ${CLICKHOUSE:-embedded}): invocations, HTTP ingest…"
NODE_HOME="$(mktemp -d)"
# The node runs examples/auth with its proxy backpressuring instead of shedding, as the in-process lossless run does:
# flat-out ingest then measures what the node takes all the way, not what its proxy accepts and sheds (the contract's
# shed_oldest dropped four events in five of a run's ingest; docs/bench.md).
PROJECT="$NODE_HOME/auth"
cp -r "$ROOT/examples/auth" "$PROJECT"
rm -rf "$PROJECT/target"
sed -i 's/overload shed_oldest/overload backpressure/' "$PROJECT/response.ben"
HTTP_WHY=""
grep -q "overload backpressure" "$PROJECT/response.ben" \
  || HTTP_WHY="examples/auth/response.ben no longer says \`overload shed_oldest\`, which the bench turns into backpressure"
# A database left by an interrupted run would make the node's inserts and replica copies slower than a fresh one's.
drop_node_database || true
# The node trusts only a key made for this run, never the example key published in the repository.
"$ROOT/bin/benctl" keygen bench-signing --dir "$NODE_HOME" >/dev/null
INGEST_PORT=17280 GATEWAY_PORT=18280 CONTROL_PORT=17270
# The node's JVM options are ./ben's NODE_JAVA_OPTS (a 2 GiB heap, the collector's room above the live state).
# Every load client connects from 127.0.0.1, so the per-address cap (meant for one client among many) is raised to
# the listener's total: the figures measure the node, not the cap.
BEN_INGEST_MAX_CONNECTIONS_PER_ADDRESS=1024 BEN_INGEST_ACK=durable BEN_DETECTOR_CLOCK=event \
BEN_HOME="$NODE_HOME" BEN_INGEST_PORT=$INGEST_PORT BEN_GATEWAY_PORT=$GATEWAY_PORT BEN_CONTROL_PORT=$CONTROL_PORT \
  BEN_SOCKET_PORT=17271 BEN_NODE_PORT=25680 BEN_NATS_URL="" BEN_S3_ENDPOINT="" BEN_CLICKHOUSE_URL="$CLICKHOUSE" \
  BEN_CLICKHOUSE_DATABASE="$NODE_DATABASE" BEN_LEDGER_TRUSTED_KEYS="$NODE_HOME/bench-signing.pub" \
  java -Xms256m -Xmx2g -XX:+UseZGC -cp "$ROOT/actors/target/classes:$(cat "$ROOT/actors/target/classpath.txt")" \
  dev.ben.actors.node.BenNode >"$OUT/node.log" 2>&1 &
NODE_PID=$!
deadline=$((SECONDS + 90))
until curl -fsS "http://127.0.0.1:$GATEWAY_PORT/health" >/dev/null 2>&1; do
  if ! kill -0 "$NODE_PID" 2>/dev/null || (( SECONDS > deadline )); then
    HTTP_WHY="the node did not start (see target/bench/node.log)"
    stop_node
    break
  fi
  sleep 0.5
done
if [[ -z "$HTTP_WHY" ]]; then
  export BEN_SERVER="127.0.0.1:$CONTROL_PORT"
  # benctl logs in as the node's first administrator, into a config file of this run only.
  export BENCTL_CONFIG="$NODE_HOME/benctl.json"
  { "$ROOT/bin/benctl" login --user admin --password-stdin <"$NODE_HOME/initial-admin-password" \
    && "$ROOT/bin/benctl" build "$PROJECT" --key "$NODE_HOME/bench-signing.key" \
    && "$ROOT/bin/benctl" stage "$PROJECT" \
    && "$ROOT/bin/benctl" deploy auth --wait 30; } >"$OUT/deploy.log" 2>&1 \
    || HTTP_WHY="examples/auth did not deploy on the node (see target/bench/deploy.log)"
fi
if [[ -z "$HTTP_WHY" ]]; then
  # The load sends as app `bench`; its key goes to the bench through the environment, never argv.
  if BEN_APP_KEY=$("$ROOT/bin/benctl" apps create bench 2>>"$OUT/deploy.log"); then
    export BEN_APP_KEY
    java -Xms512m -Xmx1g -cp "$BENCH_CP" dev.ben.bench.dataplane.DataPlaneBench http "$ROOT/examples/auth" "$OUT" \
      $QUICK --http "http://127.0.0.1:$INGEST_PORT" --grpc "127.0.0.1:$CONTROL_PORT" --node-pid "$NODE_PID" >"$OUT/http.log" 2>&1 \
      || HTTP_WHY="the HTTP part failed (see target/bench/http.log)"
  else
    HTTP_WHY="benctl could not create the app the load sends as (see target/bench/deploy.log)"
  fi
fi
# The node's own counters after the loads (refusals by reason, each stage's outcomes, store writes), for a run whose
# figures say only that requests failed. The session token goes to curl on stdin, never on its command line.
TOKEN=$(sed -n 's/.*"token" *: *"\([^"]*\)".*/\1/p' "$NODE_HOME/benctl.json" 2>/dev/null | head -n 1)
if [[ -n "$TOKEN" ]]; then
  printf 'header = "Authorization: Bearer %s"\n' "$TOKEN" \
    | curl -fsS --config - "http://127.0.0.1:$GATEWAY_PORT/metrics" >"$OUT/node-metrics.txt" 2>/dev/null \
    || rm -f "$OUT/node-metrics.txt"
fi
not_run invoke.json "${HTTP_WHY:-the HTTP part wrote no invoke.json}"
not_run ingest.json "${HTTP_WHY:-the HTTP part wrote no ingest.json}"
# The node still writes what it ingested into ClickHouse: stopped, so the sink has the server to itself.
stop_node

log "5/5 the stores alone: ClickHouse sink, embedded store…"
# The node's database is of the bench alone and nothing reads it once the node stopped; dropped, its merges do not
# run under the sink (they halved its figure), and it does not grow from run to run on a kept server.
drop_node_database \
  || log "could not drop the node's database $NODE_DATABASE; the sink waits for its merges instead"
CLICKHOUSE_ARGS=()
[[ -n "$CLICKHOUSE" ]] && CLICKHOUSE_ARGS=(--clickhouse "$CLICKHOUSE")
[[ -n "$CLICKHOUSE" && -n "$CLICKHOUSE_TCP_PORT" ]] && CLICKHOUSE_ARGS+=(--clickhouse-tcp-port "$CLICKHOUSE_TCP_PORT")
java -Xms1g -Xmx1g -cp "$BENCH_CP" dev.ben.bench.dataplane.DataPlaneBench sink "$ROOT/examples/auth" "$OUT" \
  $QUICK "${CLICKHOUSE_ARGS[@]}" >"$OUT/sink.log" 2>&1 || not_run sink.json "the sink part failed (see target/bench/sink.log)"

java -cp "$BENCH_CP" dev.ben.bench.table.BenchTable "$OUT"
