# ./pulse bench NAME: benchmarks from bench/, run on purpose, never in tests. Sourced by ./pulse, never run.

# Builds if needed, makes sure the servers are up, and runs the named benchmark's main class from bench/'s classpath.
pulse_bench() {
  local name="${1:-}" main
  [ $# -gt 0 ] && shift
  case "$name" in
    ingest) main=dev.pulse.bench.IngestBench ;;
    mentions) main=dev.pulse.bench.mentions.MentionsBench ;;
    http) main=dev.pulse.bench.http.HttpBench ;;
    coldstart) main=dev.pulse.bench.coldstart.ColdStartBench ;;
    *) die "usage: ./pulse bench ingest|mentions|http|coldstart [ARGS]" ;;
  esac
  pulse_setup
  pulse_setup_java
  # The HTTP bench drives the emulator with wrk, a load generator only benchmarks need.
  if [ "$name" = http ] && ! command -v wrk >/dev/null 2>&1; then
    PULSE_APT_PACKAGES=(wrk)
    pulse_setup_apt
  fi
  # shellcheck source=local/scripts/services.sh
  source "$PULSE_ROOT/local/scripts/services.sh"
  # shellcheck source=local/scripts/run.sh
  source "$PULSE_ROOT/local/scripts/run.sh"
  services_main up
  pulse_build_if_stale
  # The cold-start probes serve one real request, so the topology's tables, indices and aliases must exist.
  if [ "$name" = coldstart ]; then pulse_java dev.pulse.local.bootstrap.BootstrapCommand >/dev/null; fi
  PULSE_JAVA_OPTS="-Xmx4g" pulse_java_in bench "$main" "$@"
}
