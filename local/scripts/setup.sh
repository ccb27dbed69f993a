# shellcheck shell=bash
# `./pulse setup`: installs what the local platform needs (Debian packages, npm tools, OpenSearch, dev keys).
# Sourced, never run. Every step checks first, so a second run is quick and quiet.
[ -n "${PULSE_SETUP_SH:-}" ] && return 0
PULSE_SETUP_SH=1
# shellcheck source=local/scripts/common.sh
source "$PULSE_ROOT/local/scripts/common.sh"
# shellcheck source=local/scripts/opensearch.sh
source "$PULSE_ROOT/local/scripts/opensearch.sh"

# Debian packages the local platform needs (redis-server brings redis-cli through redis-tools; chromium runs the web
# app's browser tests, as Playwright's own browser download is unreachable here).
PULSE_APT_PACKAGES=(redis-server unzip curl openssl ca-certificates chromium)
# Maven Central (or a mirror of it) that serves the OpenSearch distribution.
PULSE_MAVEN_REPO="${PULSE_MAVEN_REPO:-https://repo1.maven.org/maven2}"
# SHA-1 of org.opensearch.distribution.integ-test-zip:opensearch:3.8.0:zip, pinned like a lockfile entry.
PULSE_OPENSEARCH_SHA1="52ef610f93d6c50ac60b8edae4e6f940bdbb73b0"

# The one entry point: each step is idempotent and prints only when it changes something.
pulse_setup() {
  local started=$SECONDS
  pulse_setup_java
  pulse_setup_apt "${PULSE_APT_PACKAGES[@]}"
  pulse_setup_npm
  pulse_setup_web
  pulse_setup_opensearch
  pulse_setup_keys
  say "setup: ready ($((SECONDS - started)) s; JDK $JAVA_HOME)"
}

# Lists the given Debian packages that are not installed, so apt runs only when something is missing.
pulse_apt_missing() {
  local pkg status
  for pkg in "$@"; do
    status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
    [ "$status" = "install ok installed" ] || printf '%s\n' "$pkg"
  done
}

# Installs the given Debian packages that are missing, as root; a non-root user gets the exact command to run instead.
pulse_setup_apt() {
  local -a wanted=("$@") missing=()
  command -v dpkg-query >/dev/null 2>&1 || die "dpkg-query not found: the set-up expects Debian 12 (install ${wanted[*]} by hand)"
  command -v node >/dev/null 2>&1 || wanted+=(nodejs npm)
  mapfile -t missing < <(pulse_apt_missing "${wanted[@]}")
  [ "${#missing[@]}" -eq 0 ] && return 0
  if ! pulse_is_root; then
    printf '%s\n' "pulse: error: missing Debian packages; run this, then ./pulse setup again:" >&2
    printf '%s\n' "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
  say "setup: installing Debian packages: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed"
  case " ${missing[*]} " in *" redis-server "*) pulse_stop_packaged_redis ;; esac
}

# Debian's redis-server package may start its own daemon on :6379; Pulse runs its own on another port instead.
pulse_stop_packaged_redis() {
  if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
    systemctl disable --now redis-server >/dev/null 2>&1 || true
  elif command -v service >/dev/null 2>&1; then
    service redis-server stop >/dev/null 2>&1 || true
  fi
}

# First field of sha256sum/sha1sum output, so callers compare plain hashes.
pulse_hash() {
  local algo="$1" file="$2" sum _
  read -r sum _ < <("${algo}sum" "$file")
  printf '%s\n' "$sum"
}

# Installs the npm tools exactly as the lockfile pins them; skipped while node_modules matches the lockfile.
pulse_setup_npm() {
  command -v npm >/dev/null 2>&1 || die "npm not found: install Node.js 20 (with npm), then ./pulse setup again"
  local lock="$PULSE_ROOT/package-lock.json" stamp="$PULSE_ROOT/node_modules/.pulse-lock.sha256" want
  [ -f "$lock" ] || die "package-lock.json is missing from $PULSE_ROOT"
  want="$(pulse_hash sha256 "$lock")"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -e "$PULSE_ROOT/node_modules/kinesalite/index.js" ]; then
    return 0
  fi
  say "setup: installing npm tools from package-lock.json (npm ci)"
  # The tools need no install scripts: the native LevelDB bindings ship prebuilt, and the servers run in memory.
  (cd "$PULSE_ROOT" && npm ci --ignore-scripts --no-audit --no-fund --no-update-notifier --loglevel=error) || die "npm ci failed"
  printf '%s\n' "$want" >"$stamp"
}

# Builds the web app into web/dist (hashed assets, uPlot vendored from node_modules); the local runtime serves it.
pulse_setup_web() {
  node "$PULSE_ROOT/web/build.mjs" --out "$PULSE_ROOT/web/dist" >/dev/null || die "the web app's build (web/build.mjs) failed"
}

# Installs the OpenSearch integ-test distribution from Maven Central (no bundled JDK; runs on JDK 25).
pulse_setup_opensearch() {
  pulse_opensearch_user_ensure
  pulse_opensearch_paths
  if [ -f "$PULSE_OS_HOME/.pulse-installed" ]; then
    pulse_opensearch_chown
    return 0
  fi
  pulse_opensearch_fallback_note
  local parent="${PULSE_OS_HOME%/*}"
  pulse_opensearch_dirs
  pulse_opensearch_zip "$parent"
  pulse_opensearch_extract "$PULSE_OS_ZIP" "$parent"
  pulse_opensearch_chown
  say "setup: OpenSearch $PULSE_OPENSEARCH_VERSION installed in $PULSE_OS_HOME"
}

# Finds a verified copy of the distribution zip (Maven's local repository first, else a download) in PULSE_OS_ZIP.
pulse_opensearch_zip() {
  local dir="$1" rel name cached url
  name="opensearch-$PULSE_OPENSEARCH_VERSION.zip"
  rel="org/opensearch/distribution/integ-test-zip/opensearch/$PULSE_OPENSEARCH_VERSION/$name"
  cached="${HOME:-/nonexistent}/.m2/repository/$rel"
  if [ -f "$cached" ] && [ "$(pulse_hash sha1 "$cached")" = "$PULSE_OPENSEARCH_SHA1" ]; then
    PULSE_OS_ZIP="$cached"
    return 0
  fi
  url="$PULSE_MAVEN_REPO/$rel"
  pulse_check_published_sha1 "$url.sha1"
  pulse_download_verified "$url" "$dir/$name" "$PULSE_OPENSEARCH_SHA1"
  PULSE_OS_ZIP="$dir/$name"
}

# Compares the repository's .sha1 file with the pinned hash, so a changed artifact is caught before 160 MB move.
pulse_check_published_sha1() {
  local published
  published="$(curl -fsSL --retry 3 --connect-timeout 20 --max-time 60 "$1")" || die "could not fetch $1"
  published="${published:0:40}"
  [ "$published" = "$PULSE_OPENSEARCH_SHA1" ] \
    || die "OpenSearch checksum mismatch: $1 says $published, the set-up pins $PULSE_OPENSEARCH_SHA1"
}

# Downloads to DEST.part and renames only after the SHA-1 matches, so a cut download is never taken for a whole one.
pulse_download_verified() {
  local url="$1" dest="$2" sha1="$3" part="$2.part" attempt
  [ -f "$dest" ] && [ "$(pulse_hash sha1 "$dest")" = "$sha1" ] && return 0
  if [ -f "$part" ] && [ "$(pulse_hash sha1 "$part")" = "$sha1" ]; then
    mv -f "$part" "$dest"
    return 0
  fi
  for attempt in 1 2; do
    say "setup: downloading $url (about 160 MB)"
    # -C - resumes an interrupted .part; a bad or over-long .part is dropped and fetched anew on the 2nd attempt.
    if curl -fL --retry 3 --retry-delay 2 --connect-timeout 20 -C - "$(pulse_curl_progress_flag)" -o "$part" "$url" \
      && [ "$(pulse_hash sha1 "$part")" = "$sha1" ]; then
      mv -f "$part" "$dest"
      return 0
    fi
    rm -f "$part"
    [ "$attempt" = 1 ] && warn "download of $url failed or did not match SHA-1 $sha1; retrying from scratch"
  done
  die "could not download $url with SHA-1 $sha1"
}

# A progress bar for people at a terminal; CI logs get curl's errors only (the caller says what is downloading).
pulse_curl_progress_flag() {
  if [ -t 2 ]; then printf '%s\n' "--progress-bar"; else printf '%s\n' "--no-progress-meter"; fi
}

# Unzips into a scratch folder and renames it into place, so a half-extracted tree is never taken for an install.
pulse_opensearch_extract() {
  local zip="$1" parent="$2" scratch
  # Scratch folders of set-ups interrupted long ago; a recent one may belong to a set-up running now.
  find "$parent" -maxdepth 1 -name '.extract.*' -mmin +60 -exec rm -rf {} + 2>/dev/null || true
  scratch="$(mktemp -d "$parent/.extract.XXXXXX")"
  if ! unzip -q "$zip" -d "$scratch"; then
    rm -rf "$scratch"
    die "could not unzip $zip (disk full?)"
  fi
  [ -x "$scratch/opensearch-$PULSE_OPENSEARCH_VERSION/bin/opensearch" ] || {
    rm -rf "$scratch"
    die "$zip does not hold opensearch-$PULSE_OPENSEARCH_VERSION/bin/opensearch"
  }
  printf '%s\n' "$PULSE_OPENSEARCH_SHA1" >"$scratch/opensearch-$PULSE_OPENSEARCH_VERSION/.pulse-installed"
  rm -rf "$PULSE_OS_HOME"
  # -T: never move the tree *into* an install that appeared meanwhile (a concurrent set-up).
  mv -T "$scratch/opensearch-$PULSE_OPENSEARCH_VERSION" "$PULSE_OS_HOME"
  rm -rf "$scratch"
  # Maven's cached copy stays; our own download is not needed once extracted.
  case "$zip" in "$parent"/*) rm -f "$zip" ;; esac
}

# Makes the development JWT key pair once: the local runtime verifies tokens with it, `pulse` issues them with it.
pulse_setup_keys() {
  local dir="${PULSE_JWT_PRIVATE_KEY%/*}" private="$PULSE_JWT_PRIVATE_KEY" public="$PULSE_JWT_PUBLIC_KEY"
  [ -s "$private" ] && [ -s "$public" ] && return 0
  command -v openssl >/dev/null 2>&1 || die "openssl not found; install it (apt-get install openssl)"
  install -d -m 0700 "$dir"
  if [ ! -s "$private" ]; then
    (umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$private.tmp" 2>/dev/null) \
      || die "openssl could not make the development JWT key"
    chmod 600 "$private.tmp"
    mv -f "$private.tmp" "$private"
    rm -f "$public"
  fi
  openssl pkey -in "$private" -pubout -out "$public.tmp" 2>/dev/null || die "openssl could not derive $public"
  chmod 644 "$public.tmp"
  mv -f "$public.tmp" "$public"
  say "setup: development JWT keys made in $dir"
}
