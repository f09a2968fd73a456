#!/usr/bin/env bash
# ./ben bench: the JMH spine benchmark, then the data-plane figures of examples/auth: the in-process pipeline (full
# speed and fixed rates), HTTP NDJSON ingest and the invocation API against a real node started here, and the
# ClickHouse sink. Uses the test servers (scripts/servers.sh) for ClickHouse, starting them when they are not running
# and stopping only what it started. `--quick` runs everything briefly (a smoke test); other arguments go to JMH.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/target/bench"
log() { printf '\033[1mbench:\033[0m %s\n' "$*" >&2; }

QUICK=""
JMH_ARGS=()
for arg in "$@"; do
  if [[ "$arg" == "--quick" ]]; then QUICK="--quick"; else JMH_ARGS+=("$arg"); fi
done
mkdir -p "$OUT"

log "1/3 spine engines (JMH)…"
if [[ -n "$QUICK" ]]; then
  JMH_ARGS=(-wi 1 -w 1s -i 2 -r 1s "${JMH_ARGS[@]}")
else
  JMH_ARGS=(-wi 3 -w 2s -i 5 -r 2s "${JMH_ARGS[@]}")
fi
java -jar "$ROOT/bench/target/benchmarks.jar" SpineBenchmark -f 1 "${JMH_ARGS[@]}" -rf json -rff "$OUT/spine.json" \
  >"$OUT/jmh.log"
java -cp "$ROOT/bench/target/benchmarks.jar" dev.ben.bench.BenchSummary "$OUT/spine.json"

STARTED_SERVERS=0
NODE_PID=""
cleanup() {
  [[ -n "$NODE_PID" ]] && kill -TERM "$NODE_PID" 2>/dev/null && wait "$NODE_PID" 2>/dev/null || true
  [[ $STARTED_SERVERS == 1 ]] && "$ROOT/scripts/servers.sh" stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

clickhouse_running() {
  local status
  status="$("$ROOT/scripts/servers.sh" status 2>/dev/null || true)"
  [[ "$status" == *"clickhouse: running"* ]]
}
CLICKHOUSE="${BEN_CLICKHOUSE_URL:-}"
if [[ -z "$CLICKHOUSE" ]]; then
  if ! clickhouse_running; then
    log "starting the test servers for the ClickHouse figures…"
    if "$ROOT/scripts/servers.sh" start >"$OUT/servers.log" 2>&1; then STARTED_SERVERS=1; fi
  fi
  if [[ -f "$ROOT/.ben-test/servers.env" ]] && clickhouse_running; then
    # shellcheck disable=SC1091
    source "$ROOT/.ben-test/servers.env"
    CLICKHOUSE="$BEN_TEST_CLICKHOUSE_URL"
  fi
fi

log "2/3 a node for the HTTP figures (examples/auth deployed, store: ${CLICKHOUSE:-embedded})…"
NODE_HOME="$(mktemp -d)"
# The node trusts only a key made for this run, never the example key published in the repository.
"$ROOT/bin/benctl" keygen bench-signing --dir "$NODE_HOME" >/dev/null
INGEST_PORT=17280 GATEWAY_PORT=18280 CONTROL_PORT=17270
# Every load client connects from 127.0.0.1, so the per-address cap (meant for one client among many) is raised to
# the listener's total: the figures measure the node, not the cap.
BEN_INGEST_MAX_CONNECTIONS_PER_ADDRESS=1024 \
BEN_HOME="$NODE_HOME" BEN_INGEST_PORT=$INGEST_PORT BEN_GATEWAY_PORT=$GATEWAY_PORT BEN_CONTROL_PORT=$CONTROL_PORT \
  BEN_SOCKET_PORT=17271 BEN_NODE_PORT=25680 BEN_NATS_URL="" BEN_S3_ENDPOINT="" BEN_CLICKHOUSE_URL="$CLICKHOUSE" \
  BEN_CLICKHOUSE_DATABASE="ben_bench_node" BEN_LEDGER_TRUSTED_KEYS="$NODE_HOME/bench-signing.pub" \
  java -Xms256m -Xmx1g -cp "$ROOT/actors/target/classes:$(cat "$ROOT/actors/target/classpath.txt")" \
  dev.ben.actors.node.BenNode >"$OUT/node.log" 2>&1 &
NODE_PID=$!
HTTP_ARGS=()
deadline=$((SECONDS + 90))
until curl -fsS "http://127.0.0.1:$GATEWAY_PORT/health" >/dev/null 2>&1; do
  if ! kill -0 "$NODE_PID" 2>/dev/null || (( SECONDS > deadline )); then
    log "the node did not start (see $OUT/node.log); the HTTP figures are skipped"
    NODE_PID=""
    break
  fi
  sleep 0.5
done
if [[ -n "$NODE_PID" ]]; then
  export BEN_SERVER="127.0.0.1:$CONTROL_PORT"
  # benctl logs in as the node's first administrator, into a config file of this run only.
  export BENCTL_CONFIG="$NODE_HOME/benctl.json"
  "$ROOT/bin/benctl" login --user admin --password-stdin <"$NODE_HOME/initial-admin-password" >/dev/null
  "$ROOT/bin/benctl" build "$ROOT/examples/auth" --key "$NODE_HOME/bench-signing.key" >/dev/null \
    && "$ROOT/bin/benctl" stage "$ROOT/examples/auth" >/dev/null \
    && "$ROOT/bin/benctl" deploy auth --wait 30 >/dev/null && HTTP_ARGS=(--http "http://127.0.0.1:$INGEST_PORT")
  # The load sends as app `bench`; its key goes to the bench through the environment, never argv.
  BEN_APP_KEY=$("$ROOT/bin/benctl" apps create bench 2>/dev/null) || HTTP_ARGS=()
  export BEN_APP_KEY
fi
CLICKHOUSE_ARGS=()
[[ -n "$CLICKHOUSE" ]] && CLICKHOUSE_ARGS=(--clickhouse "$CLICKHOUSE")

log "3/3 data plane (examples/auth)…"
java -Xms1g -Xmx1g -cp "$ROOT/bench/target/classes:$(cat "$ROOT/bench/target/classpath.txt")" \
  dev.ben.bench.dataplane.DataPlaneBench "$ROOT/examples/auth" "$OUT/dataplane.json" $QUICK \
  "${HTTP_ARGS[@]}" "${CLICKHOUSE_ARGS[@]}" 2> >(grep -v " INFO \|^SLF4J" >&2)
