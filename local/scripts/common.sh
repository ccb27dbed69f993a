# shellcheck shell=bash
# Shared shell helpers for ./pulse: paths, ports, Java 25 selection, logging. Sourced (by every other script, once),
# never run. Needs PULSE_ROOT, which ./pulse sets.
[ -n "${PULSE_COMMON_SH:-}" ] && return 0
PULSE_COMMON_SH=1

PULSE_HOME="${PULSE_HOME:-$PULSE_ROOT/.pulse}"          # all local data, logs and PIDs (git-ignored)
# shellcheck disable=SC2034 # read by the scripts that source this one
PULSE_LOGS="$PULSE_HOME/logs"
# shellcheck disable=SC2034 # read by the scripts that source this one
PULSE_PIDS="$PULSE_HOME/pids"
# Development JWT key pair made by `./pulse setup` (PKCS#8 RSA 2048 private key, SPKI public key).
export PULSE_JWT_PRIVATE_KEY="${PULSE_JWT_PRIVATE_KEY:-$PULSE_HOME/keys/dev-jwt-private.pem}"
export PULSE_JWT_PUBLIC_KEY="${PULSE_JWT_PUBLIC_KEY:-$PULSE_HOME/keys/dev-jwt-public.pem}"
# The loopback ports, declared once for the scripts and the Java code (dev.pulse.core.topology.LocalPort).
PULSE_PORTS_FILE="$PULSE_ROOT/core-topology/src/main/resources/dev/pulse/core/topology/local-ports.properties"

say()  { printf '%s\n' "pulse: $*"; }
die()  { printf '%s\n' "pulse: error: $*" >&2; exit 1; }
# Warnings go to stderr so they survive when stdout is piped or captured.
warn() { printf '%s\n' "pulse: warning: $*" >&2; }

# Exports each PULSE_*_PORT of the ports file, unless the environment already sets it (non-empty).
pulse_load_ports() {
  local name value
  [ -f "$PULSE_PORTS_FILE" ] || die "the local ports file is missing: $PULSE_PORTS_FILE"
  while IFS='=' read -r name value || [ -n "$name" ]; do
    case "$name" in "" | "#"*) continue ;; esac
    [[ "$name" =~ ^PULSE_[A-Z_]+_PORT$ ]] || die "$PULSE_PORTS_FILE: '$name' is not a PULSE_*_PORT declaration"
    export "$name=${!name:-$value}"
  done <"$PULSE_PORTS_FILE"
}
pulse_load_ports

# Finds a JDK 25 without trusting the caller's JAVA_HOME or PATH, so every machine builds with one toolchain.
pulse_find_java25() {
  local candidate
  local jvms="${PULSE_JVM_DIR:-/usr/lib/jvm}"
  for candidate in "${PULSE_JAVA_HOME:-}" "$jvms"/temurin-25-jdk-amd64 "$jvms"/temurin-25* "$jvms"/*-25*; do
    if [ -z "$candidate" ] || [ ! -x "$candidate/bin/java" ]; then
      continue
    fi
    if "$candidate/bin/java" -version 2>&1 | head -n1 | grep -qE '"25(\.|")'; then
      printf '%s\n' "$candidate"
      return 0
    fi
  done
  return 1
}

pulse_setup_java() {
  local jdk
  jdk="$(pulse_find_java25)" || die "JDK 25 not found (looked in \$PULSE_JAVA_HOME and ${PULSE_JVM_DIR:-/usr/lib/jvm}/*25*); install Temurin 25 or set PULSE_JAVA_HOME to a JDK 25"
  export JAVA_HOME="$jdk"
  export PATH="$JAVA_HOME/bin:$PATH"
}

pulse_mvn() {
  (cd "$PULSE_ROOT" && ./mvnw -B --no-transfer-progress "$@")
}

# Root needs extra care (apt, OpenSearch's unprivileged user), so every caller asks the same way.
pulse_is_root() { [ "$(id -u)" -eq 0 ]; }
