# shellcheck shell=bash
# The one way ./pulse starts Java: every entry point (the runtime and its commands, the tools, the benchmarks, the CDK
# app) runs from one module's built class path with one set of flags. Sourced, never run.
[ -n "${PULSE_JAVA_SH:-}" ] && return 0
PULSE_JAVA_SH=1
# shellcheck source=local/scripts/common.sh
source "$PULSE_ROOT/local/scripts/common.sh"
# shellcheck source=local/scripts/processes.sh
source "$PULSE_ROOT/local/scripts/processes.sh"

# Maven writes MODULE/target/classpath.txt at package time (local, tools, bench, infra/cdk); the local runtime's is the
# stamp that says the build is current.
PULSE_BUILD_STAMP="$PULSE_ROOT/local/target/classpath.txt"
# In-JVM functions must log metrics to stdout (EMF) rather than look for a CloudWatch agent. (Their Powertools
# service and namespace come from the topology, in each function's own environment.)
export AWS_EMF_ENVIRONMENT="${AWS_EMF_ENVIRONMENT:-Local}"

# Builds and installs every module (no tests) when a class path is missing or any source is newer.
pulse_build_if_stale() {
  if [ -f "$PULSE_BUILD_STAMP" ] && [ -f "$PULSE_ROOT/tools/target/classpath.txt" ] \
    && [ -z "$(find "$PULSE_ROOT" -path "$PULSE_ROOT/.pulse" -prune -o \
    -path "$PULSE_ROOT/node_modules" -prune -o -name target -prune -o -name .git -prune -o \
    \( -name '*.java' -o -name 'pom.xml' -o -name '*.json' -o -name '*.properties' \) \
    -newer "$PULSE_BUILD_STAMP" -print -quit 2>/dev/null)" ]; then
    return 0
  fi
  # On stderr: a command whose output is data (`./pulse token`) may be the one that builds.
  say "building Pulse (./mvnw install, no tests); the first build downloads dependencies and takes a few minutes" >&2
  pulse_mvn -q -DskipTests -Dspotless.check.skip=true install || die "build failed; run ./mvnw -DskipTests install to see why"
}

# The class path of a module: its classes, then its runtime dependencies.
pulse_classpath() {
  printf '%s\n' "$PULSE_ROOT/$1/target/classes:$(cat "$PULSE_ROOT/$1/target/classpath.txt")"
}

# JVM flags by kind of start: a tool is short-lived and starts fastest on C1 alone; a long-running process (the
# runtime, the simulator) gets the full JIT; a benchmark the full JIT and a 4 GB heap.
pulse_java_flags() {
  case "$1" in
    tool) printf '%s\n' -XX:TieredStopAtLevel=1 ;;
    long) ;;
    bench) printf '%s\n' -Xmx4g ;;
    *) die "unknown kind of Java start '$1' (tool, long or bench)" ;;
  esac
}

# The one Java command, NUL-separated for mapfile: KIND's flags, then PULSE_JAVA_OPTS (later flags win), the local
# profile's (CBOR off for kinesalite), and MODULE's class path, then MAIN [ARGS].
pulse_java_command() {
  local kind="$1" module="$2" flags
  shift 2
  flags="$(pulse_java_flags "$kind")" || return 1
  # shellcheck disable=SC2086 # the flags and PULSE_JAVA_OPTS hold several words on purpose
  printf '%s\0' java $flags ${PULSE_JAVA_OPTS:-} -Daws.cborEnabled=false -cp "$(pulse_classpath "$module")" "$@"
}

# The same command as one line for a shell (the CDK CLI runs its --app through one).
pulse_java_shell_command() {
  local -a command
  mapfile -d '' command < <(pulse_java_command "$@")
  printf '%q ' "${command[@]}"
}

# Runs KIND MODULE MAIN [ARGS] in the foreground from the repository root, building first if needed.
pulse_java_run() {
  pulse_setup_java
  pulse_build_if_stale
  local -a command
  mapfile -d '' command < <(pulse_java_command "$@")
  (cd "$PULSE_ROOT" && exec "${command[@]}")
}

# Runs MODULE MAIN [ARGS] as a tool, in the foreground.
pulse_java_in() { pulse_java_run tool "$@"; }

# Runs a main class of the local runtime's class path (which holds every function).
pulse_java() { pulse_java_in local "$@"; }

# Runs a tool (firehose, track, migrate-pages).
pulse_tool() { pulse_java_in tools "$@"; }

# Starts NAME from MODULE MAIN [ARGS] as a long-running process in the background, with a PID file in the services'
# format, so `services down` can stop it; the PID is the JVM's own, and is printed.
pulse_java_background() {
  local name="$1" module="$2" pid
  shift 2
  mkdir -p "$PULSE_PIDS" "$PULSE_LOGS"
  local -a command
  mapfile -d '' command < <(pulse_java_command long "$module" "$@")
  (cd "$PULSE_ROOT" && exec "${command[@]}") >>"$(svc_log "$name")" 2>&1 &
  pid=$!
  svc_record_pid "$name" "$pid" || die "$name exited at once; see $(svc_log "$name")"
  printf '%s\n' "$pid"
}
