# ./pulse run and the Java-backed commands (token, invoke, dlq, firehose, bootstrap). Sourced by ./pulse, never run.

# Every Java entry point runs from one module's built class path: local (the runtime, which loads every function),
# tools (firehose, track, migrate-pages) or bench. Maven writes MODULE/target/classpath.txt at package time.
PULSE_BUILD_STAMP="$PULSE_ROOT/local/target/classpath.txt"
# In-JVM functions must log metrics to stdout (EMF) rather than look for a CloudWatch agent. (Their Powertools
# service and namespace come from the topology, in each function's own environment.)
export AWS_EMF_ENVIRONMENT="${AWS_EMF_ENVIRONMENT:-Local}"

# Builds and installs every module (no tests) when a class path is missing or any source is newer.
pulse_build_if_stale() {
  if [ -f "$PULSE_BUILD_STAMP" ] && [ -f "$PULSE_ROOT/tools/target/classpath.txt" ] \
    && [ -z "$(find "$PULSE_ROOT" -path "$PULSE_ROOT/.pulse" -prune -o \
    -path "$PULSE_ROOT/node_modules" -prune -o \( -name '*.java' -o -name 'pom.xml' -o -name '*.json' \) \
    -newer "$PULSE_BUILD_STAMP" -print -quit 2>/dev/null)" ]; then
    return 0
  fi
  say "building Pulse (./mvnw install, no tests); the first build downloads dependencies and takes a few minutes"
  pulse_mvn -q -DskipTests -Dspotless.check.skip=true install || die "build failed; run ./mvnw -DskipTests install to see why"
}

# The class path of a module: its classes, then its runtime dependencies.
pulse_classpath() {
  printf '%s\n' "$PULSE_ROOT/$1/target/classes:$(cat "$PULSE_ROOT/$1/target/classpath.txt")"
}

# The one Java command: the local profile's flags (CBOR off for kinesalite) and MODULE's class path; extra JVM flags
# come from PULSE_JAVA_OPTS. Prints nothing; callers exec it.
pulse_java_command() {
  local module="$1"
  shift
  # shellcheck disable=SC2086 # PULSE_JAVA_OPTS holds several flags on purpose
  printf '%s\0' java ${PULSE_JAVA_OPTS:-} -Daws.cborEnabled=false -cp "$(pulse_classpath "$module")" "$@"
}

# Runs MODULE MAIN [ARGS] in the foreground (tools start fast with C1 only).
pulse_java_in() {
  local module="$1"
  shift
  pulse_setup_java
  pulse_build_if_stale
  local -a command
  mapfile -d '' command < <(PULSE_JAVA_OPTS="${PULSE_JAVA_OPTS:--XX:TieredStopAtLevel=1}" pulse_java_command "$module" "$@")
  (cd "$PULSE_ROOT" && exec "${command[@]}")
}

# Runs a main class of the local runtime's class path (which holds every function).
pulse_java() { pulse_java_in local "$@"; }

# Runs a tool (firehose, track, migrate-pages).
pulse_tool() { pulse_java_in tools "$@"; }

# Starts NAME from MODULE MAIN [ARGS] in the background with a PID file in the services' format, so `services down`
# can stop it; the PID is the JVM's own.
pulse_java_background() {
  local name="$1" module="$2"
  shift 2
  mkdir -p "$PULSE_PIDS" "$PULSE_LOGS"
  local -a command
  mapfile -d '' command < <(pulse_java_command "$module" "$@")
  (cd "$PULSE_ROOT" && exec "${command[@]}") >>"$PULSE_LOGS/$name.log" 2>&1 &
  local pid=$!
  local identity
  identity="$(svc_proc_identity "$pid")" || die "$name exited at once; see $PULSE_LOGS/$name.log"
  printf '%s %s\n' "$pid" "${identity#* }" >"$PULSE_PIDS/$name.pid"
  printf '%s\n' "$pid"
}

# ./pulse run: servers up, runtime up (API, Kinesis poller, scheduler, queues), the simulator streaming into it.
pulse_run() {
  local rate="${PULSE_RUN_RATE:-200}"
  pulse_setup
  pulse_setup_java
  # shellcheck source=local/scripts/services.sh
  source "$PULSE_ROOT/local/scripts/services.sh"
  services_main up
  pulse_build_if_stale

  trap 'pulse_run_stop' INT TERM
  say "starting the local runtime (log: $PULSE_LOGS/runtime.log)"
  local runtime_pid
  runtime_pid="$(pulse_java_background runtime local dev.pulse.local.LocalRuntime)"
  pulse_wait_for_api "$runtime_pid"

  say "tracking the simulator's ${PULSE_RUN_TRACKED:-1000} most popular pages, so their posts are indexed"
  pulse_tool dev.pulse.tools.track.TrackCommand --top "${PULSE_RUN_TRACKED:-1000}" >>"$PULSE_LOGS/runtime.log" 2>&1 \
    || { printf '%s\n' "pulse: error: could not seed tracked pages; see $PULSE_LOGS/runtime.log" >&2; pulse_run_stop 1; }

  say "starting the firehose simulator at $rate posts/s (log: $PULSE_LOGS/firehose.log)"
  pulse_java_background firehose tools dev.pulse.tools.firehose.FirehoseCommand \
    --source sim --rate "$rate" --duration forever --seed 42 >/dev/null

  cat <<TXT
pulse: Pulse is running on the local platform.
pulse:   HTTP API        http://127.0.0.1:$PULSE_API_PORT
pulse:   mentions        curl 'http://127.0.0.1:$PULSE_API_PORT/mentions?q=new&limit=5'
pulse:   OpenSearch      http://127.0.0.1:$PULSE_OPENSEARCH_PORT/pages/_count
pulse:   logs            $PULSE_LOGS/runtime.log, $PULSE_LOGS/firehose.log
pulse: Ctrl-C (or ./pulse services down in another terminal) stops everything.
TXT
  while svc_pid runtime >/dev/null; do
    sleep 1
  done
  say "the runtime stopped"
  pulse_run_stop
}

# Waits until the runtime's HTTP API answers, or reports its log when it dies or takes too long.
pulse_wait_for_api() {
  local pid="$1" deadline=$((SECONDS + ${PULSE_RUNTIME_START_TIMEOUT:-90}))
  until pulse_port_open "$PULSE_API_PORT"; do
    if ! svc_pid runtime >/dev/null; then
      printf '%s\n' "pulse: error: the local runtime (pid $pid) exited during start; last lines of its log:" >&2
      tail -n 20 "$PULSE_LOGS/runtime.log" >&2
      services_main down >/dev/null || true
      exit 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      printf '%s\n' "pulse: error: the local runtime did not answer on port $PULSE_API_PORT in time" >&2
      tail -n 20 "$PULSE_LOGS/runtime.log" >&2
      pulse_run_stop 1
    fi
    sleep 0.5
  done
}

# Stops the simulator, the runtime and the servers, by PID.
pulse_run_stop() {
  local code="${1:-0}"
  trap - INT TERM
  say "stopping Pulse"
  services_main down || true
  exit "$code"
}
