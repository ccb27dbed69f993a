# shellcheck shell=bash
# `./pulse run`: the local platform and Pulse's main job, stopped together by Ctrl-C. Sourced, never run.
[ -n "${PULSE_RUN_SH:-}" ] && return 0
PULSE_RUN_SH=1
# shellcheck source=local/scripts/common.sh
source "$PULSE_ROOT/local/scripts/common.sh"
# shellcheck source=local/scripts/setup.sh
source "$PULSE_ROOT/local/scripts/setup.sh"
# shellcheck source=local/scripts/services.sh
source "$PULSE_ROOT/local/scripts/services.sh"
# shellcheck source=local/scripts/java.sh
source "$PULSE_ROOT/local/scripts/java.sh"

# ./pulse run: servers up, runtime up (API, Kinesis poller, scheduler, queues), the simulator streaming into it.
pulse_run() {
  local rate="${PULSE_RUN_RATE:-200}"
  pulse_setup
  pulse_setup_java
  services_main up
  pulse_build_if_stale

  trap 'pulse_run_stop' INT TERM
  say "starting the local runtime (log: $PULSE_LOGS/runtime.log)"
  local runtime_pid
  runtime_pid="$(pulse_java_background runtime local dev.pulse.local.LocalRuntime)"
  pulse_wait_for_api "$runtime_pid"

  # The v1 application the legacy proxy moves traffic away from, over the same data (log: legacy.log).
  say "starting the v1 legacy stand-in on port $PULSE_LEGACY_PORT (log: $PULSE_LOGS/legacy.log)"
  pulse_java_background legacy tools dev.pulse.tools.legacy.V1Command >/dev/null

  say "starting the firehose simulator at $rate posts/s (log: $PULSE_LOGS/firehose.log)"
  pulse_java_background firehose tools dev.pulse.tools.firehose.FirehoseCommand \
    --source sim --rate "$rate" --duration forever --seed 42 >/dev/null

  # The demo account is made through the API, as a customer's would be; it tracks the simulator's most popular
  # pages as soon as ingest has indexed each of them (log: demo.log).
  local demo_token="$PULSE_HOME/demo.token"
  pulse_java dev.pulse.local.TokenCommand --sub demo-owner --ttl 12h >"$demo_token" \
    || { printf '%s\n' "pulse: error: could not issue the demo token" >&2; pulse_run_stop 1; }
  say "creating the demo account; it tracks the ${PULSE_RUN_TRACKED:-900} most popular pages (log: $PULSE_LOGS/demo.log)"
  pulse_java_background demo tools dev.pulse.tools.demo.DemoCommand \
    --token-file "$demo_token" --top "${PULSE_RUN_TRACKED:-900}" --wait 10m >/dev/null

  local api="http://127.0.0.1:$PULSE_API_PORT"
  cat <<TXT
pulse: Pulse is running on the local platform.
pulse:   HTTP API        $api
pulse:   web app         $api/  (sign in with the demo token below, or the Dev sign-in button)
pulse:   mentions        curl '$api/mentions?q=new&limit=5'
pulse:   demo token      (user demo-owner, owner of the demo account; valid 12 h; also in $demo_token)
$(cat "$demo_token")
pulse:   demo account    TOKEN=\$(cat $demo_token)
pulse:                   curl -H "Authorization: Bearer \$TOKEN" $api/accounts/me
pulse:                   curl -H "Authorization: Bearer \$TOKEN" '$api/accounts/me/tracked-pages?limit=5'
pulse:   your account    ME=\$(./pulse token --sub me)
pulse:                   curl -X POST -H "Authorization: Bearer \$ME" -H 'Content-Type: application/json' \\
pulse:                        -d '{"name":"My team"}' $api/accounts
pulse:   v1 (legacy)     curl 'http://127.0.0.1:$PULSE_LEGACY_PORT/api/v1/pages/search?term=new&count=5'
pulse:   legacy proxy    curl -i '$api/legacy/api/v1/pages/search?term=new&count=5'   (./pulse routes list|set|diffs)
pulse:   OpenSearch      http://127.0.0.1:$PULSE_OPENSEARCH_PORT/pages/_count
pulse:   logs            $PULSE_LOGS/runtime.log, $PULSE_LOGS/firehose.log, $PULSE_LOGS/demo.log
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
