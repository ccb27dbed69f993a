# ./pulse test: install what is missing, start the servers the tests need, run every unit and integration test.
# Sourced by ./pulse after common.sh; never run directly.

# True when every local server already answers, so a test run knows whether it owns them.
services_all_running() {
  local name
  for name in opensearch redis kinesalite dynalite; do
    svc_healthy "$name" || return 1
  done
}

# Runs the whole suite; servers that this run started are stopped again at the end, so the machine is left as found.
pulse_test() {
  pulse_setup
  pulse_setup_java
  # shellcheck source=local/scripts/services.sh
  source "$PULSE_ROOT/local/scripts/services.sh"

  local were_running=0
  if services_all_running; then were_running=1; fi
  services_main up
  if [ "$were_running" -eq 0 ] && [ "${PULSE_KEEP_SERVICES:-0}" != "1" ]; then
    trap 'say "stopping the servers this test run started"; services_main down >/dev/null || true' EXIT
  fi

  say "running unit tests (Surefire) and integration tests (Failsafe) in every module"
  local started=$SECONDS status=0
  pulse_mvn verify "$@" || status=$?
  say "tests finished in $((SECONDS - started)) s with exit code $status"
  return "$status"
}
