# shellcheck shell=bash
# `./pulse test`: install what is missing, start the servers the tests need, run every unit and integration test.
# Sourced, never run.
[ -n "${PULSE_TEST_SH:-}" ] && return 0
PULSE_TEST_SH=1
# shellcheck source=local/scripts/common.sh
source "$PULSE_ROOT/local/scripts/common.sh"
# shellcheck source=local/scripts/setup.sh
source "$PULSE_ROOT/local/scripts/setup.sh"
# shellcheck source=local/scripts/services.sh
source "$PULSE_ROOT/local/scripts/services.sh"

# True when every local server already answers, so a test run knows whether it owns them.
services_all_running() {
  local name
  for name in "${PULSE_SERVICES[@]}"; do
    svc_healthy "$name" || return 1
  done
}

# Runs the whole suite; servers that this run started are stopped again at the end, so the machine is left as found.
pulse_test() {
  pulse_setup
  pulse_setup_java

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
