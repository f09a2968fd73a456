#!/usr/bin/env bash
# The real servers Ben's tests run against: nats-server (JetStream), clickhouse-server and s3proxy; and the
# headless browser the bux tests drive (Debian's chromium with its chromedriver).
#   scripts/servers.sh start    install what is missing, start each server on a free 127.0.0.1 port, wait until
#                               it answers, and write .ben-test/servers.env (BEN_TEST_* variables)
#   scripts/servers.sh stop     stop the servers this script started (by their recorded PIDs only)
#   scripts/servers.sh status   show what runs
#   scripts/servers.sh stop-clickhouse | start-clickhouse
#                               take ClickHouse down and bring it back on the same port (outage tests)
# ClickHouse keeps its tables in memory (tmpfs, /dev/shm) where there is one with room, and under .ben-test otherwise;
# BEN_TEST_CLICKHOUSE_DATA names a directory instead. `stop` deletes the tables kept in memory.
# Idempotent: start reuses servers it started that still answer; it never touches servers it did not start.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$ROOT/.ben-test"
PIDS="$WORK/pids"
ENV_FILE="$WORK/servers.env"
S3PROXY_VERSION=4.1.0
S3_ACCESS_KEY=ben-test-access
S3_SECRET_KEY=ben-test-secret-key

log() { printf '\033[1mservers:\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31mservers:\033[0m %s\n' "$*" >&2; exit 1; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The first port at or above $1 that nothing listens on.
free_port() {
  local port=$1
  while port_in_use "$port"; do port=$((port + 1)); done
  echo "$port"
}

alive() { [[ -f "$PIDS/$1.pid" ]] && kill -0 "$(cat "$PIDS/$1.pid")" 2>/dev/null; }

recorded_port() { cat "$PIDS/$1.port" 2>/dev/null || true; }

# Waits until the command succeeds, or fails showing the server's log tail.
wait_until() {
  local name=$1 logfile=$2 seconds=$3; shift 3
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if ! alive "$name"; then
      tail -n 30 "$logfile" >&2 || true
      die "$name exited during start-up (log: $logfile)"
    fi
    if (( SECONDS >= deadline )); then
      tail -n 30 "$logfile" >&2 || true
      die "$name did not answer within ${seconds}s (log: $logfile)"
    fi
    sleep 0.2
  done
}

install_packages() {
  local missing=()
  command -v nats-server >/dev/null || missing+=(nats-server)
  command -v clickhouse-server >/dev/null || missing+=(clickhouse-server)
  command -v curl >/dev/null || missing+=(curl)
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  if (( ${#missing[@]} )); then
    log "installing ${missing[*]} (apt-get)"
    apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null || die "apt-get install ${missing[*]} failed"
  fi
  local jar="$WORK/lib/s3proxy-$S3PROXY_VERSION-jar-with-dependencies.jar"
  if [[ ! -f "$jar" ]]; then
    log "fetching s3proxy $S3PROXY_VERSION (Maven Central)"
    mvn -q -B dependency:copy -Dartifact="org.gaul:s3proxy:$S3PROXY_VERSION:jar:jar-with-dependencies" \
      -DoutputDirectory="$WORK/lib" >&2 || die "could not fetch org.gaul:s3proxy:$S3PROXY_VERSION"
  fi
}

start_nats() {
  if alive nats && port_in_use "$(recorded_port nats)"; then log "nats-server already running"; return; fi
  local port; port=$(free_port 14222)
  mkdir -p "$WORK/nats"
  nats-server -a 127.0.0.1 -p "$port" -js -sd "$WORK/nats/jetstream" >"$WORK/nats/server.log" 2>&1 &
  echo $! >"$PIDS/nats.pid"; echo "$port" >"$PIDS/nats.port"
  wait_until nats "$WORK/nats/server.log" 30 port_in_use "$port"
  log "nats-server on 127.0.0.1:$port (pid $(cat "$PIDS/nats.pid"))"
}

# Where ClickHouse keeps its tables. Each part it writes is about 60 files, and merges delete as many: on a file system
# without a journal (this machine's root ext4) every file created scans the inode bitmap past the recently deleted
# ones, which took about 40% of the server's CPU during inserts and made its speed vary 2-3x from run to run
# (docs/decisions.md). tmpfs has no such scan; the tests and the benchmark measure Ben, not that scan.
clickhouse_data() {
  if [[ -n "${BEN_TEST_CLICKHOUSE_DATA:-}" ]]; then echo "$BEN_TEST_CLICKHOUSE_DATA"; return; fi
  local shm=/dev/shm free_kb
  free_kb=$(df -Pk "$shm" 2>/dev/null | awk 'NR == 2 && $1 == "tmpfs" {print $4}')
  if [[ -w "$shm" && -n "$free_kb" ]] && (( free_kb >= 4 * 1024 * 1024 )); then
    # One directory per checkout, so two clones' servers never share tables.
    echo "$shm/ben-test-$(printf '%s' "$ROOT" | cksum | cut -d' ' -f1)/clickhouse"
  else
    echo "$WORK/clickhouse"
  fi
}

clickhouse_config() {
  local dir=$1 http=$2 tcp=$3 data=$4
  cat >"$dir/config.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>$dir/log/server.log</log><errorlog>$dir/log/error.log</errorlog></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>$http</http_port>
  <tcp_port>$tcp</tcp_port>
  <path>$data/data/</path>
  <tmp_path>$data/tmp/</tmp_path>
  <user_files_path>$dir/user_files/</user_files_path>
  <format_schema_path>$dir/format_schemas/</format_schema_path>
  <mark_cache_size>268435456</mark_cache_size>
  <max_concurrent_queries>100</max_concurrent_queries>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <users_config>$dir/users.xml</users_config>
</yandex>
XML
  cat >"$dir/users.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>4000000000</max_memory_usage></default></profiles>
  <users>
    <default>
      <password></password>
      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <profile>default</profile>
      <quota>default</quota>
    </default>
  </users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors>
    <result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
XML
}

start_clickhouse() {
  if alive clickhouse && curl -fsS "http://127.0.0.1:$(recorded_port clickhouse)/ping" >/dev/null 2>&1; then
    log "clickhouse-server already running"; return
  fi
  local dir="$WORK/clickhouse" data http tcp
  data=$(clickhouse_data)
  # A restart (start-clickhouse after stop-clickhouse) comes back on the same port, so clients reconnect.
  http=$(recorded_port clickhouse); [[ -n "$http" ]] || http=$(free_port 18123)
  tcp=$(free_port $((http + 1)))
  mkdir -p "$dir/log" "$data/data" "$data/tmp" "$dir/user_files" "$dir/format_schemas"
  clickhouse_config "$dir" "$http" "$tcp" "$data"
  clickhouse-server --config-file="$dir/config.xml" >"$dir/log/stdout.log" 2>&1 &
  echo $! >"$PIDS/clickhouse.pid"; echo "$http" >"$PIDS/clickhouse.port"
  wait_until clickhouse "$dir/log/error.log" 60 curl -fsS "http://127.0.0.1:$http/ping"
  log "clickhouse-server on 127.0.0.1:$http (pid $(cat "$PIDS/clickhouse.pid")), tables in $data"
}

# The tables kept in memory are deleted once the server is stopped; tables on disk stay for the next start.
forget_clickhouse_data() {
  local data
  data=$(sed -n 's:.*<path>\(.*\)/data/</path>.*:\1:p' "$WORK/clickhouse/config.xml" 2>/dev/null || true)
  if [[ "$data" == /dev/shm/ben-test-*/clickhouse ]]; then
    rm -rf "${data%/clickhouse}"
    log "deleted ClickHouse's tables in $data"
  fi
}

start_s3proxy() {
  if alive s3proxy && port_in_use "$(recorded_port s3proxy)"; then log "s3proxy already running"; return; fi
  local dir="$WORK/s3" port
  port=$(free_port 19090)
  mkdir -p "$dir/data"
  cat >"$dir/s3proxy.conf" <<CONF
s3proxy.endpoint=http://127.0.0.1:$port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$S3_ACCESS_KEY
s3proxy.credential=$S3_SECRET_KEY
jclouds.provider=filesystem
jclouds.filesystem.basedir=$dir/data
CONF
  java -Xmx256m -jar "$WORK/lib/s3proxy-$S3PROXY_VERSION-jar-with-dependencies.jar" --properties "$dir/s3proxy.conf" \
    >"$dir/server.log" 2>&1 &
  echo $! >"$PIDS/s3proxy.pid"; echo "$port" >"$PIDS/s3proxy.port"
  wait_until s3proxy "$dir/server.log" 60 port_in_use "$port"
  log "s3proxy on 127.0.0.1:$port (pid $(cat "$PIDS/s3proxy.pid"))"
}

write_env() {
  cat >"$ENV_FILE" <<ENV
export BEN_TEST_NATS_URL=nats://127.0.0.1:$(recorded_port nats)
export BEN_TEST_CLICKHOUSE_URL=http://127.0.0.1:$(recorded_port clickhouse)
export BEN_TEST_CLICKHOUSE_TCP_PORT=$(sed -n 's:.*<tcp_port>\([0-9]*\)</tcp_port>.*:\1:p' "$WORK/clickhouse/config.xml")
export BEN_TEST_S3_ENDPOINT=http://127.0.0.1:$(recorded_port s3proxy)
export BEN_TEST_S3_ACCESS_KEY=$S3_ACCESS_KEY
export BEN_TEST_S3_SECRET_KEY=$S3_SECRET_KEY
export BEN_TEST_CHROMIUM=$(command -v chromium)
export BEN_TEST_CHROMEDRIVER=$(command -v chromedriver)
ENV
}

stop_one() {
  local name=$1 keep_port=${2:-} pid
  [[ -f "$PIDS/$name.pid" ]] || return 0
  pid=$(cat "$PIDS/$name.pid")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + 20))
    while kill -0 "$pid" 2>/dev/null && (( SECONDS < deadline )); do sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    log "stopped $name (pid $pid)"
  fi
  rm -f "$PIDS/$name.pid"
  [[ -n "$keep_port" ]] || rm -f "$PIDS/$name.port"
}

case "${1:-}" in
  start)
    mkdir -p "$PIDS" "$WORK/lib"
    install_packages
    start_nats
    start_clickhouse
    start_s3proxy
    write_env
    log "ready: source $ENV_FILE"
    ;;
  stop)
    for name in s3proxy clickhouse nats; do stop_one "$name"; done
    alive clickhouse || forget_clickhouse_data
    rm -f "$ENV_FILE"
    ;;
  stop-clickhouse)
    # For outage tests: stop ClickHouse but keep its port for start-clickhouse.
    stop_one clickhouse keep-port
    ;;
  start-clickhouse)
    start_clickhouse
    ;;
  status)
    for name in nats clickhouse s3proxy; do
      if alive "$name"; then echo "$name: running, pid $(cat "$PIDS/$name.pid"), port $(recorded_port "$name")"
      else echo "$name: not running"; fi
    done
    ;;
  *) echo "usage: scripts/servers.sh start|stop|status|stop-clickhouse|start-clickhouse" >&2; exit 2 ;;
esac
