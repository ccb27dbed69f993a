# shellcheck shell=bash
# `./pulse bench NAME`: benchmarks from bench/, run on purpose, never in tests. Sourced, never run.
[ -n "${PULSE_BENCH_SH:-}" ] && return 0
PULSE_BENCH_SH=1
# shellcheck source=local/scripts/common.sh
source "$PULSE_ROOT/local/scripts/common.sh"
# shellcheck source=local/scripts/setup.sh
source "$PULSE_ROOT/local/scripts/setup.sh"
# shellcheck source=local/scripts/services.sh
source "$PULSE_ROOT/local/scripts/services.sh"
# shellcheck source=local/scripts/java.sh
source "$PULSE_ROOT/local/scripts/java.sh"

# Builds if needed, makes sure the servers are up, and runs the named benchmark's main class from bench/'s classpath.
pulse_bench() {
  local name="${1:-}" main
  [ $# -gt 0 ] && shift
  case "$name" in
    ingest) main=dev.pulse.bench.IngestBench ;;
    mentions) main=dev.pulse.bench.mentions.MentionsBench ;;
    http) main=dev.pulse.bench.http.HttpBench ;;
    coldstart) main=dev.pulse.bench.coldstart.ColdStartBench ;;
    tracked) main=dev.pulse.bench.accounts.TrackedLookupBench ;;
    reporting) main=dev.pulse.bench.reporting.ReportingBench ;;
    accounts) main=dev.pulse.bench.accounts.AccountsBench ;;
    web) main=dev.pulse.bench.web.WebBench ;;
    legacy) main=dev.pulse.bench.legacy.LegacyBench ;;
    *) die "usage: ./pulse bench ingest|mentions|http|coldstart|tracked|accounts|web|reporting|legacy [ARGS]" ;;
  esac
  pulse_setup
  pulse_setup_java
  # The HTTP bench drives the emulator with wrk, a load generator only benchmarks need.
  if [ "$name" = http ] && ! command -v wrk >/dev/null 2>&1; then
    pulse_setup_apt wrk
  fi
  services_main up
  # The cold-start probes serve one real request, so the topology's tables, indices and aliases must exist.
  if [ "$name" = coldstart ]; then pulse_java dev.pulse.local.bootstrap.BootstrapCommand >/dev/null; fi
  pulse_java_run bench bench "$main" "$@"
}
