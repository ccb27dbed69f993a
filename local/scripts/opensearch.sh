# shellcheck shell=bash
# Where OpenSearch is installed and who runs it: shared by `./pulse setup` (which installs it) and
# `./pulse services` (which starts it). Sourced, never run.
[ -n "${PULSE_OPENSEARCH_SH:-}" ] && return 0
PULSE_OPENSEARCH_SH=1
# shellcheck source=local/scripts/common.sh
source "$PULSE_ROOT/local/scripts/common.sh"

PULSE_OPENSEARCH_VERSION="3.8.0"
PULSE_OPENSEARCH_USER="${PULSE_OPENSEARCH_USER:-pulse-opensearch}"

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

# As root, hands the install to OpenSearch's user (it writes its keystore under config/); checked cheaply first.
pulse_opensearch_chown() {
  pulse_is_root || return 0
  [ "$(stat -c %U "$PULSE_OS_HOME/config")" = "$PULSE_OPENSEARCH_USER" ] && return 0
  chown -R "$PULSE_OPENSEARCH_USER:$PULSE_OPENSEARCH_USER" "$PULSE_OS_HOME"
}
