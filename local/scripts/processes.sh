# shellcheck shell=bash
# Background processes and loopback ports for ./pulse: PID files that hold the start time, so a reused PID is never
# taken for ours, and port probes for actionable errors. Shared by the servers (services.sh) and the Java processes
# (java.sh). Sourced, never run.
[ -n "${PULSE_PROCESSES_SH:-}" ] && return 0
PULSE_PROCESSES_SH=1
# shellcheck source=local/scripts/common.sh
source "$PULSE_ROOT/local/scripts/common.sh"

svc_pidfile() { printf '%s\n' "$PULSE_PIDS/$1.pid"; }
svc_log() { printf '%s\n' "$PULSE_LOGS/$1.log"; }

# Prints "STATE STARTTIME" of a process from /proc, the pair that tells a live process from a reused PID or a zombie.
svc_proc_identity() {
  local stat fields
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  read -r -a fields <<<"${stat##*) }"
  printf '%s %s\n' "${fields[0]}" "${fields[19]}"
}

# Records NAME's PID with its start time ("PID STARTTIME", the pair svc_pid checks); fails when the process is gone.
svc_record_pid() {
  local name="$1" pid="$2" _state start=""
  read -r _state start < <(svc_proc_identity "$pid" || true) || true
  printf '%s %s\n' "$pid" "${start:-0}" >"$(svc_pidfile "$name")"
  [ -n "$start" ]
}

# Prints the PID of a process this project started and that is still alive; fails when the PID file is absent or stale.
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

# Starts a command detached from the terminal (its own session), output to NAME's log, and records its PID with its
# start time. setsid and setpriv exec, so the PID is the server's own.
svc_launch() {
  local name="$1" log pid
  shift
  log="$(svc_log "$name")"
  [ -f "$log" ] && mv -f "$log" "$log.1"
  setsid "$@" </dev/null >>"$log" 2>&1 9>&- &
  pid=$!
  # A process that is already gone is reported by the caller's health wait, with its log.
  svc_record_pid "$name" "$pid" || true
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
