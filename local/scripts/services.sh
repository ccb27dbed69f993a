#!/usr/bin/env bash
# `./pulse services up|down|status`: the local platform's servers (OpenSearch, Redis, kinesalite, dynalite), each on
# 127.0.0.1 with its data under .pulse/. Sourced by ./pulse after common.sh, never run.

# Start order: OpenSearch first, since it takes the longest; the fast ones start while it boots.
PULSE_SERVICES=(opensearch redis kinesalite dynalite)
# Wait order: the fast ones first, so a broken one is reported without waiting for OpenSearch.
PULSE_SERVICES_WAIT=(redis kinesalite dynalite opensearch)
# Pulse's own processes that ./pulse run starts; `down` stops them before the servers.
PULSE_PROCESSES=(firehose runtime)

# Entry point for `./pulse services`.
services_main() {
  case "${1:-}" in
    up) services_up ;;
    down) services_down ;;
    status) services_status ;;
    *)
      printf '%s\n' "usage: ./pulse services up|down|status" >&2
      return 2
      ;;
  esac
}

# --- What each server is ---------------------------------------------------------------------------------------

# The port a server answers on, from the PULSE_*_PORT variables in common.sh.
svc_port() {
  case "$1" in
    opensearch) printf '%s\n' "$PULSE_OPENSEARCH_PORT" ;;
    redis) printf '%s\n' "$PULSE_REDIS_PORT" ;;
    kinesalite) printf '%s\n' "$PULSE_KINESIS_PORT" ;;
    dynalite) printf '%s\n' "$PULSE_DYNAMODB_PORT" ;;
  esac
}

# The variable that overrides a server's port, named in error messages.
svc_port_var() {
  case "$1" in
    opensearch) printf '%s\n' PULSE_OPENSEARCH_PORT ;;
    redis) printf '%s\n' PULSE_REDIS_PORT ;;
    kinesalite) printf '%s\n' PULSE_KINESIS_PORT ;;
    dynalite) printf '%s\n' PULSE_DYNAMODB_PORT ;;
  esac
}

# Human name of a server, with the AWS service it stands in for.
svc_label() {
  case "$1" in
    opensearch) printf '%s\n' "OpenSearch" ;;
    redis) printf '%s\n' "Redis" ;;
    kinesalite) printf '%s\n' "kinesalite (Kinesis)" ;;
    dynalite) printf '%s\n' "dynalite (DynamoDB)" ;;
    runtime) printf '%s\n' "Pulse local runtime" ;;
    firehose) printf '%s\n' "firehose simulator" ;;
  esac
}

# The URL clients use; printed by up and status.
svc_url() {
  case "$1" in
    runtime) printf '%s\n' "http://127.0.0.1:$PULSE_API_PORT" ;;
    redis) printf '%s\n' "redis://127.0.0.1:$(svc_port "$1")" ;;
    *) printf '%s\n' "http://127.0.0.1:$(svc_port "$1")" ;;
  esac
}

# Start time limit in seconds: OpenSearch boots a JVM and a cluster; the others are up in under a second.
svc_timeout() {
  case "$1" in
    opensearch) printf '%s\n' "${PULSE_OPENSEARCH_START_TIMEOUT:-120}" ;;
    *) printf '%s\n' "${PULSE_SERVICE_START_TIMEOUT:-15}" ;;
  esac
}

svc_pidfile() { printf '%s\n' "$PULSE_PIDS/$1.pid"; }
svc_log() { printf '%s\n' "$PULSE_LOGS/$1.log"; }

# --- Processes and ports -------------------------------------------------------------------------------------

# Prints "STATE STARTTIME" of a process from /proc, the pair that tells a live process from a reused PID or a zombie.
svc_proc_identity() {
  local stat fields
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  read -r -a fields <<<"${stat##*) }"
  printf '%s %s\n' "${fields[0]}" "${fields[19]}"
}

# Prints the PID of a server this script started and that is still alive; fails when the PID file is absent or stale.
svc_pid() {
  local file pid start state now_start
  file="$(svc_pidfile "$1")"
  [ -f "$file" ] || return 1
  read -r pid start <"$file" || [ -n "${pid:-}" ] || return 1
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  read -r state now_start < <(svc_proc_identity "$pid" || true) || return 1
  case "$state" in Z | X | x | "") return 1 ;; esac
  [ "$now_start" = "$start" ] || return 1
  printf '%s\n' "$pid"
}

# True when something accepts TCP connections on 127.0.0.1:PORT.
pulse_port_open() {
  # shellcheck disable=SC2016 # $1 is expanded by the inner bash, on purpose
  timeout 2 bash -c ': >"/dev/tcp/127.0.0.1/$1"' _ "$1" 2>/dev/null
}

# Names who holds a port ("pid 123 (python3)" when ss can tell, else "another process") for actionable errors.
pulse_port_user() {
  local line=""
  command -v ss >/dev/null 2>&1 && line="$(ss -Hltnp "sport = :$1" 2>/dev/null | head -n1 || true)"
  if [[ "$line" =~ users:\(\(\"([^\"]+)\",pid=([0-9]+) ]]; then
    printf 'pid %s (%s)\n' "${BASH_REMATCH[2]}" "${BASH_REMATCH[1]}"
  else
    printf '%s\n' "another process"
  fi
}

# True when the server answers like itself: OpenSearch's cluster is at least yellow, Redis says PONG, the
# AWS emulators answer HTTP.
svc_healthy() {
  local url code
  url="$(svc_url "$1")"
  case "$1" in
    opensearch)
      curl -fsS -o /dev/null --max-time 5 "$url/_cluster/health?wait_for_status=yellow&timeout=1s" 2>/dev/null
      ;;
    redis)
      [ "$(timeout 3 redis-cli -h 127.0.0.1 -p "$(svc_port redis)" ping 2>/dev/null || true)" = "PONG" ]
      ;;
    *)
      code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$url/" 2>/dev/null || true)"
      [[ "$code" =~ ^[1-5][0-9][0-9]$ ]]
      ;;
  esac
}

# --- Starting ------------------------------------------------------------------------------------------------

# Stops `up` before anything starts when a port we need belongs to someone else, naming the variable to change.
svc_ensure_ports_free() {
  local name="$1" port var
  port="$(svc_port "$name")"
  var="$(svc_port_var "$name")"
  if pulse_port_open "$port"; then
    die "$(svc_label "$name") cannot start: port $port is already in use by $(pulse_port_user "$port"); stop it or set $var to a free port"
  fi
  if [ "$name" = opensearch ] && pulse_port_open "$PULSE_OPENSEARCH_TRANSPORT_PORT"; then
    die "OpenSearch cannot start: its transport port $PULSE_OPENSEARCH_TRANSPORT_PORT is already in use by $(pulse_port_user "$PULSE_OPENSEARCH_TRANSPORT_PORT"); stop it or set PULSE_OPENSEARCH_TRANSPORT_PORT to a free port"
  fi
}

# Rejects a port variable that is not a port, before anything starts.
svc_check_port_vars() {
  local var value
  for var in PULSE_OPENSEARCH_PORT PULSE_OPENSEARCH_TRANSPORT_PORT PULSE_REDIS_PORT PULSE_KINESIS_PORT PULSE_DYNAMODB_PORT; do
    value="${!var}"
    if ! [[ "$value" =~ ^[0-9]{1,5}$ ]] || [ "$value" -lt 1 ] || [ "$value" -gt 65535 ]; then
      die "$var=$value is not a TCP port (1-65535)"
    fi
  done
}

# Fails early with the fix when `./pulse setup` has not been run, rather than with a server's own obscure error.
svc_require_installed() {
  command -v redis-server >/dev/null 2>&1 || die "redis-server is not installed; run ./pulse setup"
  command -v redis-cli >/dev/null 2>&1 || die "redis-cli is not installed; run ./pulse setup"
  command -v node >/dev/null 2>&1 || die "node is not installed; run ./pulse setup"
  if [ ! -e "$PULSE_ROOT/node_modules/kinesalite/index.js" ] || [ ! -e "$PULSE_ROOT/node_modules/.bin/dynalite" ]; then
    die "the npm tools are not installed; run ./pulse setup"
  fi
  [ -x "$PULSE_OS_HOME/bin/opensearch" ] || die "OpenSearch is not installed in $PULSE_OS_HOME; run ./pulse setup"
}

# Starts a command detached from the terminal (its own session), output to the server's log, and records its PID
# with its start time. setsid and setpriv exec, so the PID is the server's own.
svc_launch() {
  local name="$1" log pid start _state
  shift
  log="$(svc_log "$name")"
  [ -f "$log" ] && mv -f "$log" "$log.1"
  setsid "$@" </dev/null >>"$log" 2>&1 9>&- &
  pid=$!
  read -r _state start < <(svc_proc_identity "$pid" || true) || true
  printf '%s %s\n' "$pid" "${start:-0}" >"$(svc_pidfile "$name")"
}

# OpenSearch: single node on loopback, 512 MB heap, JDK 25; as root it runs as its own unprivileged user.
svc_start_opensearch() {
  local heap="${PULSE_OPENSEARCH_HEAP:-512m}"
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

# Redis: no persistence, loopback only, protected mode on.
svc_start_redis() {
  local dir="$PULSE_HOME/data/redis"
  mkdir -p "$dir"
  svc_launch redis redis-server --bind 127.0.0.1 --port "$PULSE_REDIS_PORT" --save '' --appendonly no \
    --daemonize no --protected-mode yes --dir "$dir" --logfile "$(svc_log redis)"
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

# Waits until a server is healthy. Returns 1 if its process is gone, 2 if it is still not healthy at the time limit.
svc_wait() {
  local name="$1" deadline
  deadline=$((SECONDS + $(svc_timeout "$name")))
  while :; do
    svc_pid "$name" >/dev/null || return 1
    svc_healthy "$name" && return 0
    [ "$SECONDS" -ge "$deadline" ] && return 2
    sleep 0.3
  done
}

# Says why a server did not come up: one line (with the log's first error, if any), then the end of its log, on stderr.
svc_report_failure() {
  local name="$1" rc="$2" log why first
  log="$(svc_log "$name")"
  if [ "$rc" = 1 ]; then
    why="exited while starting"
  else
    why="did not become healthy on $(svc_url "$name") within $(svc_timeout "$name") s"
  fi
  first="$(grep -E 'Exception|ERROR|FATAL|[Ee]rror:|cannot' "$log" 2>/dev/null | grep -v -E '\[(INFO|DEBUG|TRACE) *\]' \
    | head -n1 | cut -c1-200 || true)"
  printf '%s\n' "pulse: error: $(svc_label "$name") $why${first:+: $first}" >&2
  printf '%s\n' "pulse: last lines of $log:" >&2
  if [ -s "$log" ]; then tail -n 20 "$log" | sed 's/^/  | /' >&2; else printf '%s\n' "  | (empty)" >&2; fi
}

# Checks that the recorded OpenSearch PID is the JVM itself (bin/opensearch execs java), so `down` stops the right one.
svc_check_opensearch_pid() {
  local pid exe
  pid="$(svc_pid opensearch)" || return 0
  exe="$(readlink "/proc/$pid/exe" 2>/dev/null || true)"
  case "$exe" in */java) ;; *) warn "OpenSearch's recorded PID $pid runs '${exe:-?}', not java" ;; esac
}

# Serialises up and down (fd 9 on .pulse/pids/.lock), so two at once cannot start the same server twice.
svc_lock() {
  mkdir -p "$PULSE_PIDS"
  exec 9>"$PULSE_PIDS/.lock"
  if ! flock -n 9; then
    say "services: another './pulse services' command is running; waiting for it"
    flock -w "${PULSE_SERVICES_LOCK_TIMEOUT:-300}" 9 || die "gave up waiting for the other './pulse services' command"
  fi
}

# Releases the lock taken by svc_lock; the servers never inherit it (svc_launch closes fd 9).
svc_unlock() { exec 9>&-; }

# Starts every server that is not already running, waits for all of them, and prints their URLs.
services_up() {
  local name pid rc report started_at=$SECONDS
  local -a start=()
  PULSE_SVC_STARTED=()
  pulse_setup_java
  pulse_opensearch_user_ensure
  pulse_opensearch_paths
  svc_check_port_vars
  svc_require_installed
  mkdir -p "$PULSE_LOGS" "$PULSE_PIDS"
  svc_lock
  for name in "${PULSE_SERVICES[@]}"; do
    if pid="$(svc_pid "$name")"; then
      continue
    fi
    rm -f "$(svc_pidfile "$name")"
    svc_ensure_ports_free "$name"
    start+=("$name")
  done
  [[ " ${start[*]} " == *" opensearch "* ]] && pulse_opensearch_fallback_note
  trap svc_abort_up INT TERM
  for name in "${start[@]}"; do
    PULSE_SVC_STARTED+=("$name")
    "svc_start_$name"
  done
  for name in "${PULSE_SERVICES_WAIT[@]}"; do
    rc=0
    svc_wait "$name" || rc=$?
    [ "$rc" = 0 ] && continue
    # Read the log before stopping anything (which adds shutdown lines), and stop before printing, so a closed
    # stderr cannot leave servers behind.
    report="$(svc_report_failure "$name" "$rc" 2>&1)"
    [ "${#PULSE_SVC_STARTED[@]}" -gt 0 ] && { svc_stop "${PULSE_SVC_STARTED[@]}" >/dev/null 2>&1 || true; }
    printf '%s\n' "$report" >&2
    if [ "${#PULSE_SVC_STARTED[@]}" -gt 0 ]; then
      printf '%s\n' "pulse: stopped the servers this command had started (${PULSE_SVC_STARTED[*]})" >&2
    fi
    [[ " ${PULSE_SVC_STARTED[*]} " == *" $name "* ]] || printf '%s\n' "pulse: $(svc_label "$name") was already running before this command; './pulse services down' stops it" >&2
    exit 1
  done
  trap - INT TERM
  svc_check_opensearch_pid
  for name in "${PULSE_SERVICES[@]}"; do
    pid="$(svc_pid "$name")" || pid="?"
    if [[ " ${PULSE_SVC_STARTED[*]} " == *" $name "* ]]; then
      svc_line "$name" "up" "pid $pid"
    else
      svc_line "$name" "already up" "pid $pid"
    fi
  done
  svc_unlock
  say "services: all up in $((SECONDS - started_at)) s (logs in $PULSE_LOGS)"
}

# On Ctrl-C or TERM during `up`, stops what this command had started, so an interrupted start leaves nothing behind.
svc_abort_up() {
  trap - INT TERM
  printf '%s\n' "pulse: interrupted; stopping the servers this command had started (${PULSE_SVC_STARTED[*]:-none})" >&2
  [ "${#PULSE_SVC_STARTED[@]}" -gt 0 ] && { svc_stop "${PULSE_SVC_STARTED[@]}" >/dev/null 2>&1 || true; }
  exit 130
}

# One aligned line per server, used by up and status; the detail in parentheses is optional.
svc_line() {
  printf 'pulse: %-22s %-24s %s%s\n' "$(svc_label "$1")" "$(svc_url "$1")" "$2" "${3:+ ($3)}"
}

# --- Stopping and status -------------------------------------------------------------------------------------

# Stops the given servers by their recorded PIDs: TERM, up to 30 s grace, then KILL. Never matches by name.
svc_stop() {
  local name pid deadline
  local -a names=() pids=() alive=()
  for name in "$@"; do
    if pid="$(svc_pid "$name")"; then
      kill -TERM "$pid" 2>/dev/null || true
      names+=("$name")
      pids+=("$pid")
    else
      rm -f "$(svc_pidfile "$name")"
    fi
  done
  [ "${#names[@]}" -eq 0 ] && return 0
  deadline=$((SECONDS + ${PULSE_SERVICE_STOP_TIMEOUT:-30}))
  while :; do
    alive=()
    for name in "${names[@]}"; do
      svc_pid "$name" >/dev/null && alive+=("$name")
    done
    [ "${#alive[@]}" -eq 0 ] && break
    if [ "$SECONDS" -ge "$deadline" ]; then
      for name in "${alive[@]}"; do
        pid="$(svc_pid "$name")" || continue
        warn "$(svc_label "$name") (pid $pid) ignored TERM for ${PULSE_SERVICE_STOP_TIMEOUT:-30} s; sending KILL"
        kill -KILL "$pid" 2>/dev/null || true
      done
      sleep 1
      break
    fi
    sleep 0.2
  done
  local i
  for i in "${!names[@]}"; do
    name="${names[$i]}"
    if svc_pid "$name" >/dev/null; then
      printf '%s\n' "pulse: error: could not stop $(svc_label "$name") (pid ${pids[$i]})" >&2
      return 1
    fi
    rm -f "$(svc_pidfile "$name")"
    say "stopped $(svc_label "$name") (pid ${pids[$i]})"
  done
}

# Stops every server this project started; says so when nothing was running.
services_down() {
  local name any=0
  svc_lock
  for name in "${PULSE_SERVICES[@]}" "${PULSE_PROCESSES[@]}"; do
    svc_pid "$name" >/dev/null && any=1
  done
  if [ "$any" = 0 ]; then
    rm -f "$PULSE_PIDS"/*.pid
    svc_unlock
    say "services: nothing running"
    return 0
  fi
  # The runtime and the simulator go first, so nothing is left writing to a server that is stopping.
  svc_stop "${PULSE_PROCESSES[@]}"
  svc_stop "${PULSE_SERVICES_WAIT[@]}"
  svc_unlock
}

# Shows each server, its URL and its health; always exits 0.
services_status() {
  local name pid port
  for name in "${PULSE_SERVICES[@]}"; do
    if pid="$(svc_pid "$name")"; then
      if svc_healthy "$name"; then
        svc_line "$name" "running, healthy" "pid $pid"
      else
        svc_line "$name" "running, unhealthy" "pid $pid"
      fi
    else
      port="$(svc_port "$name")"
      if pulse_port_open "$port"; then
        svc_line "$name" "stopped" "port $port in use by $(pulse_port_user "$port")"
      else
        svc_line "$name" "stopped"
      fi
    fi
  done
  return 0
}
