# shellcheck shell=bash
# What each local server and each of Pulse's own processes is: one row per name (label, port, URL, start, health,
# timeouts), read by services.sh. Adding a server means adding its row and its start function here. Sourced, never run.
[ -n "${PULSE_SERVERS_SH:-}" ] && return 0
PULSE_SERVERS_SH=1
# shellcheck source=local/scripts/common.sh
source "$PULSE_ROOT/local/scripts/common.sh"
# shellcheck source=local/scripts/opensearch.sh
source "$PULSE_ROOT/local/scripts/opensearch.sh"
# shellcheck source=local/scripts/processes.sh
source "$PULSE_ROOT/local/scripts/processes.sh"

# --- The table: one row per server and per Pulse process ------------------------------------------------------------
# svc_define NAME FIELD=VALUE...; fields:
#   label     the human name, with the AWS service it stands in for
#   port      the variable holding its port (from local-ports.properties, see common.sh)
#   also_port "ROLE VARIABLE": a second port it needs free before it starts
#   scheme    of the URL clients use, printed by up and status (http unless said)
#   start     the function that starts it; check: the one that says it is healthy (svc_check_http unless said);
#             needs: the one that fails with the fix when it is not installed; verify: the one that warns, once it
#             is up, when its recorded PID looks wrong
#   timeout   VARIABLE:DEFAULT, seconds it gets to become healthy (PULSE_SERVICE_START_TIMEOUT:15 unless said)
#   slow=1    starts first (it takes the longest) and is waited for last (so a broken fast one is reported at once)
#   kind      server (default), or process: started by ./pulse run, stopped by `down` before the servers
declare -gA PULSE_SVC=()
PULSE_SERVICES=()       # servers, in start order
PULSE_SERVICES_WAIT=()  # servers, in wait order
PULSE_PROCESSES=()      # Pulse's own processes, in stop order
PULSE_SVC_SLOW=()
PULSE_SVC_FAST=()

svc_define() {
  local name="$1" field
  shift
  for field in "$@"; do
    PULSE_SVC[$name.${field%%=*}]="${field#*=}"
  done
  if [ "$(svc_field "$name" kind server)" = process ]; then
    PULSE_PROCESSES+=("$name")
    return 0
  fi
  if [ "$(svc_field "$name" slow 0)" = 1 ]; then PULSE_SVC_SLOW+=("$name"); else PULSE_SVC_FAST+=("$name"); fi
  # shellcheck disable=SC2034 # read by services.sh and test.sh
  PULSE_SERVICES=(${PULSE_SVC_SLOW[@]+"${PULSE_SVC_SLOW[@]}"} ${PULSE_SVC_FAST[@]+"${PULSE_SVC_FAST[@]}"})
  # shellcheck disable=SC2034 # read by services.sh
  PULSE_SERVICES_WAIT=(${PULSE_SVC_FAST[@]+"${PULSE_SVC_FAST[@]}"} ${PULSE_SVC_SLOW[@]+"${PULSE_SVC_SLOW[@]}"})
}

# Prints a field of NAME's row, or DEFAULT when the row does not set it.
svc_field() {
  local key="$1.$2"
  printf '%s\n' "${PULSE_SVC[$key]-${3:-}}"
}

svc_define opensearch label="OpenSearch" port=PULSE_OPENSEARCH_PORT \
  also_port="transport PULSE_OPENSEARCH_TRANSPORT_PORT" slow=1 timeout=PULSE_OPENSEARCH_START_TIMEOUT:120 \
  start=svc_start_opensearch check=svc_check_opensearch needs=svc_needs_opensearch verify=svc_verify_opensearch
svc_define redis label="Redis" port=PULSE_REDIS_PORT scheme=redis \
  start=svc_start_redis check=svc_check_redis needs=svc_needs_redis
svc_define kinesalite label="kinesalite (Kinesis)" port=PULSE_KINESIS_PORT \
  start=svc_start_kinesalite needs=svc_needs_npm_tools
svc_define dynalite label="dynalite (DynamoDB)" port=PULSE_DYNAMODB_PORT \
  start=svc_start_dynalite needs=svc_needs_npm_tools
svc_define demo label="demo account seeding" kind=process
svc_define firehose label="firehose simulator" kind=process
svc_define legacy label="v1 legacy stand-in" port=PULSE_LEGACY_PORT kind=process
svc_define runtime label="Pulse local runtime" port=PULSE_API_PORT kind=process

# --- Reading a row --------------------------------------------------------------------------------------------------

svc_label() { svc_field "$1" label; }
svc_port_var() { svc_field "$1" port; }

# The port a server answers on, from its port variable (nothing for a row without a port).
svc_port() {
  local var
  var="$(svc_port_var "$1")"
  [ -n "$var" ] || return 0
  printf '%s\n' "${!var}"
}

# The URL clients use; printed by up and status.
svc_url() { printf '%s\n' "$(svc_field "$1" scheme http)://127.0.0.1:$(svc_port "$1")"; }

# Start time limit in seconds, from the row's variable or its default.
svc_timeout() {
  local spec var
  spec="$(svc_field "$1" timeout PULSE_SERVICE_START_TIMEOUT:15)"
  var="${spec%%:*}"
  printf '%s\n' "${!var:-${spec#*:}}"
}

# True when the server answers like itself.
svc_healthy() { "$(svc_field "$1" check svc_check_http)" "$1"; }

# --- Each server: how it starts, how it says it is healthy, what it needs installed ---------------------------------

# OpenSearch: single node on loopback, 512 MB heap, JDK 25; as root it runs as its own unprivileged user.
svc_start_opensearch() {
  local heap="${PULSE_OPENSEARCH_HEAP:-512m}"
  pulse_opensearch_fallback_note
  pulse_opensearch_dirs
  local -a run=(env -C "$PULSE_OS_HOME"
    "JAVA_HOME=$JAVA_HOME" "OPENSEARCH_JAVA_HOME=$JAVA_HOME" "OPENSEARCH_TMPDIR=$PULSE_OS_TMP"
    "OPENSEARCH_JAVA_OPTS=-Xms$heap -Xmx$heap -XX:TieredStopAtLevel=1 ${PULSE_OPENSEARCH_JAVA_OPTS:-}")
  if pulse_is_root; then
    pulse_opensearch_chown
    run+=("HOME=$PULSE_OS_DATA" setpriv --reuid="$PULSE_OPENSEARCH_USER" --regid="$PULSE_OPENSEARCH_USER" --init-groups --)
  fi
  run+=("$PULSE_OS_HOME/bin/opensearch"
    -Ecluster.name=pulse-local -Enode.name=pulse-local
    -Ediscovery.type=single-node
    -Enetwork.host=127.0.0.1
    "-Ehttp.port=$PULSE_OPENSEARCH_PORT"
    "-Etransport.port=$PULSE_OPENSEARCH_TRANSPORT_PORT"
    "-Epath.data=$PULSE_OS_DATA"
    "-Epath.logs=$PULSE_OS_LOGS"
    -Ecluster.routing.allocation.disk.threshold_enabled=false)
  svc_launch opensearch "${run[@]}"
}

# OpenSearch is healthy when its cluster is at least yellow.
svc_check_opensearch() {
  curl -fsS -o /dev/null --max-time 5 "$(svc_url "$1")/_cluster/health?wait_for_status=yellow&timeout=1s" 2>/dev/null
}

# Checks that the recorded OpenSearch PID is the JVM itself (bin/opensearch execs java), so `down` stops the right one.
svc_verify_opensearch() {
  local pid exe
  pid="$(svc_pid opensearch)" || return 0
  exe="$(readlink "/proc/$pid/exe" 2>/dev/null || true)"
  case "$exe" in */java) ;; *) warn "OpenSearch's recorded PID $pid runs '${exe:-?}', not java" ;; esac
}

svc_needs_opensearch() {
  [ -x "$PULSE_OS_HOME/bin/opensearch" ] || die "OpenSearch is not installed in $PULSE_OS_HOME; run ./pulse setup"
}

# Redis: no persistence, loopback only, protected mode on.
svc_start_redis() {
  local dir="$PULSE_HOME/data/redis"
  mkdir -p "$dir"
  svc_launch redis redis-server --bind 127.0.0.1 --port "$PULSE_REDIS_PORT" --save '' --appendonly no \
    --daemonize no --protected-mode yes --dir "$dir" --logfile "$(svc_log redis)"
}

# Redis is healthy when it says PONG.
svc_check_redis() {
  [ "$(timeout 3 redis-cli -h 127.0.0.1 -p "$(svc_port "$1")" ping 2>/dev/null || true)" = "PONG" ]
}

svc_needs_redis() {
  command -v redis-server >/dev/null 2>&1 || die "redis-server is not installed; run ./pulse setup"
  command -v redis-cli >/dev/null 2>&1 || die "redis-cli is not installed; run ./pulse setup"
}

# kinesalite, in memory, through a wrapper that binds 127.0.0.1 (its CLI binds every interface); short stream
# state changes so tests don't wait.
svc_start_kinesalite() {
  svc_launch kinesalite node --require "$PULSE_ROOT/local/scripts/emulator-guard.js" \
    "$PULSE_ROOT/local/scripts/kinesalite-loopback.js" --host 127.0.0.1 \
    --port "$PULSE_KINESIS_PORT" --shardLimit 100 --createStreamMs 50 --deleteStreamMs 50 --updateStreamMs 50
}

# dynalite, in memory, on 127.0.0.1; tables become ACTIVE at once.
svc_start_dynalite() {
  svc_launch dynalite node --require "$PULSE_ROOT/local/scripts/emulator-guard.js" \
    "$PULSE_ROOT/node_modules/.bin/dynalite" --host 127.0.0.1 --port "$PULSE_DYNAMODB_PORT" \
    --createTableMs 0 --deleteTableMs 0 --updateTableMs 0
}

# The AWS emulators are healthy when they answer HTTP at all.
svc_check_http() {
  local code
  code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$(svc_url "$1")/" 2>/dev/null || true)"
  [[ "$code" =~ ^[1-5][0-9][0-9]$ ]]
}

svc_needs_npm_tools() {
  command -v node >/dev/null 2>&1 || die "node is not installed; run ./pulse setup"
  if [ ! -e "$PULSE_ROOT/node_modules/kinesalite/index.js" ] || [ ! -e "$PULSE_ROOT/node_modules/.bin/dynalite" ]; then
    die "the npm tools are not installed; run ./pulse setup"
  fi
}

