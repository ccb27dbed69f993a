# Shared shell helpers for ./pulse: paths, ports, Java 25 selection, logging. Sourced, never run.

PULSE_HOME="${PULSE_HOME:-$PULSE_ROOT/.pulse}"          # all local data, logs and PIDs (git-ignored)
PULSE_LOGS="$PULSE_HOME/logs"
PULSE_PIDS="$PULSE_HOME/pids"

# Non-default loopback ports; each can be overridden from the environment.
export PULSE_OPENSEARCH_PORT="${PULSE_OPENSEARCH_PORT:-19200}"
export PULSE_REDIS_PORT="${PULSE_REDIS_PORT:-16379}"
export PULSE_KINESIS_PORT="${PULSE_KINESIS_PORT:-14567}"
export PULSE_DYNAMODB_PORT="${PULSE_DYNAMODB_PORT:-14568}"
export PULSE_SQS_PORT="${PULSE_SQS_PORT:-19324}"
export PULSE_API_PORT="${PULSE_API_PORT:-3000}"

say()  { printf '%s\n' "pulse: $*"; }
die()  { printf '%s\n' "pulse: error: $*" >&2; exit 1; }

# Finds a JDK 25 without trusting the caller's JAVA_HOME or PATH, so every machine builds with one toolchain.
pulse_find_java25() {
  local candidate
  local jvms="${PULSE_JVM_DIR:-/usr/lib/jvm}"
  for candidate in "${PULSE_JAVA_HOME:-}" "$jvms"/temurin-25-jdk-amd64 "$jvms"/temurin-25* "$jvms"/*-25*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
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

# --- Local platform helpers (set-up and services) ---------------------------------------------

export PULSE_OPENSEARCH_TRANSPORT_PORT="${PULSE_OPENSEARCH_TRANSPORT_PORT:-19300}"
PULSE_OPENSEARCH_VERSION="3.8.0"
PULSE_OPENSEARCH_USER="${PULSE_OPENSEARCH_USER:-pulse-opensearch}"
# Development JWT key pair made by `./pulse setup` (PKCS#8 RSA 2048 private key, SPKI public key).
export PULSE_JWT_PRIVATE_KEY="${PULSE_JWT_PRIVATE_KEY:-$PULSE_HOME/keys/dev-jwt-private.pem}"
export PULSE_JWT_PUBLIC_KEY="${PULSE_JWT_PUBLIC_KEY:-$PULSE_HOME/keys/dev-jwt-public.pem}"

# Warnings go to stderr so they survive when stdout is piped or captured.
warn() { printf '%s\n' "pulse: warning: $*" >&2; }

# Root needs extra care (apt, OpenSearch's unprivileged user), so every caller asks the same way.
pulse_is_root() { [ "$(id -u)" -eq 0 ]; }

# OpenSearch refuses to run as root, so root runs it as this system user; creates it once.
pulse_opensearch_user_ensure() {
  pulse_is_root || return 0
  id -u "$PULSE_OPENSEARCH_USER" >/dev/null 2>&1 && return 0
  useradd --system --user-group --no-create-home --home-dir /nonexistent \
    --shell /usr/sbin/nologin "$PULSE_OPENSEARCH_USER" \
    || die "could not create the system user '$PULSE_OPENSEARCH_USER' that runs OpenSearch"
}

# Runs a command as OpenSearch's user (root) or as oneself, so path checks match what OpenSearch will see.
pulse_as_opensearch_user() {
  if pulse_is_root; then
    setpriv --reuid="$PULSE_OPENSEARCH_USER" --regid="$PULSE_OPENSEARCH_USER" --init-groups -- "$@"
  else
    "$@"
  fi
}

# Decides where OpenSearch lives: under .pulse, unless root's unprivileged user cannot reach it (e.g. /root is 700);
# then the install goes to /var/lib/pulse (shared by every clone, read-only in use) and the data to a folder per clone.
# Sets PULSE_OS_HOME (install), PULSE_OS_BASE, PULSE_OS_DATA, PULSE_OS_LOGS, PULSE_OS_TMP, PULSE_OS_FALLBACK (0/1).
pulse_opensearch_paths() {
  local hash
  PULSE_OS_FALLBACK=0
  PULSE_OS_BASE="$PULSE_HOME"
  PULSE_OS_HOME="$PULSE_HOME/opensearch/opensearch-$PULSE_OPENSEARCH_VERSION"
  if pulse_is_root; then
    [ -d "$PULSE_HOME" ] || install -d -m 0755 "$PULSE_HOME"
    if ! id -u "$PULSE_OPENSEARCH_USER" >/dev/null 2>&1 || ! pulse_as_opensearch_user test -x "$PULSE_HOME" 2>/dev/null; then
      hash="$(printf '%s' "$PULSE_ROOT" | sha256sum)"
      PULSE_OS_FALLBACK=1
      PULSE_OS_BASE="/var/lib/pulse/${hash:0:12}"
      PULSE_OS_HOME="/var/lib/pulse/opensearch/opensearch-$PULSE_OPENSEARCH_VERSION"
    fi
  fi
  PULSE_OS_DATA="$PULSE_OS_BASE/data/opensearch"
  PULSE_OS_LOGS="$PULSE_OS_BASE/logs/opensearch"
  PULSE_OS_TMP="$PULSE_OS_BASE/tmp/opensearch"
}

# Creates missing folders with mode 755 (whatever the umask), so OpenSearch's user can traverse them; existing ones stay as they are.
pulse_mkdir_shared() {
  local dir
  for dir in "$@"; do
    [ -d "$dir" ] || install -d -m 0755 "$dir"
  done
}

# Creates OpenSearch's folders, parents first; as root, hands its data, log and temp folders to its user.
pulse_opensearch_dirs() {
  if [ "${PULSE_OS_FALLBACK:-0}" = 1 ]; then
    pulse_mkdir_shared /var/lib/pulse
  fi
  pulse_mkdir_shared "${PULSE_OS_HOME%/*}" "$PULSE_OS_BASE" "$PULSE_OS_BASE/data" "$PULSE_OS_BASE/logs" \
    "$PULSE_OS_BASE/tmp" "$PULSE_OS_DATA" "$PULSE_OS_LOGS" "$PULSE_OS_TMP"
  if pulse_is_root; then
    chown "$PULSE_OPENSEARCH_USER:$PULSE_OPENSEARCH_USER" "$PULSE_OS_DATA" "$PULSE_OS_LOGS" "$PULSE_OS_TMP"
  fi
}

# Tells the user once why OpenSearch's files are not under .pulse.
pulse_opensearch_fallback_note() {
  [ "${PULSE_OS_FALLBACK:-0}" = 1 ] || return 0
  say "note: '$PULSE_OPENSEARCH_USER' cannot reach $PULSE_HOME, so OpenSearch is in $PULSE_OS_HOME and its data in $PULSE_OS_BASE"
}

# pulse_setup is called from ./pulse directly, so its definition must always be loaded with these helpers.
# shellcheck source=local/scripts/setup.sh
source "$PULSE_ROOT/local/scripts/setup.sh"
