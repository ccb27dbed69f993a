# shellcheck shell=bash
# `./pulse services up|down|status`: the local platform's servers (OpenSearch, Redis, kinesalite, dynalite), each on
# 127.0.0.1 with its data under .pulse/. Sourced, never run.
[ -n "${PULSE_SERVICES_SH:-}" ] && return 0
PULSE_SERVICES_SH=1
# shellcheck source=local/scripts/common.sh
source "$PULSE_ROOT/local/scripts/common.sh"
# shellcheck source=local/scripts/opensearch.sh
source "$PULSE_ROOT/local/scripts/opensearch.sh"
# shellcheck source=local/scripts/processes.sh
source "$PULSE_ROOT/local/scripts/processes.sh"
# shellcheck source=local/scripts/servers.sh
source "$PULSE_ROOT/local/scripts/servers.sh"

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

# --- Starting -------------------------------------------------------------------------------------------------------

# Stops `up` before anything starts when a port we need belongs to someone else, naming the variable to change.
svc_ensure_ports_free() {
  local name="$1" port var role
  port="$(svc_port "$name")"
  var="$(svc_port_var "$name")"
  if pulse_port_open "$port"; then
    die "$(svc_label "$name") cannot start: port $port is already in use by $(pulse_port_user "$port"); stop it or set $var to a free port"
  fi
  read -r role var <<<"$(svc_field "$name" also_port)" || true
  [ -n "${var:-}" ] || return 0
  port="${!var}"
  if pulse_port_open "$port"; then
    die "$(svc_label "$name") cannot start: its $role port $port is already in use by $(pulse_port_user "$port"); stop it or set $var to a free port"
  fi
}

# Rejects a port variable that is not a port, before anything starts.
svc_check_port_vars() {
  local name var value _role also
  for name in "${PULSE_SERVICES[@]}"; do
    read -r _role also <<<"$(svc_field "$name" also_port)" || true
    for var in "$(svc_port_var "$name")" ${also:+"$also"}; do
      value="${!var}"
      if ! [[ "$value" =~ ^[0-9]{1,5}$ ]] || [ "$value" -lt 1 ] || [ "$value" -gt 65535 ]; then
        die "$var=$value is not a TCP port (1-65535)"
      fi
    done
  done
}

# Fails early with the fix when `./pulse setup` has not been run, rather than with a server's own obscure error.
svc_require_installed() {
  local name needs
  for name in "${PULSE_SERVICES_WAIT[@]}"; do
    needs="$(svc_field "$name" needs)"
    [ -z "$needs" ] || "$needs"
  done
}
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
  trap svc_abort_up INT TERM
  for name in "${start[@]}"; do
    PULSE_SVC_STARTED+=("$name")
    "$(svc_field "$name" start)"
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
  for name in "${PULSE_SERVICES[@]}"; do
    "$(svc_field "$name" verify true)" "$name"
  done
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
