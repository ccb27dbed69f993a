# shellcheck shell=bash
# CDK synth and deploy for ./pulse. Sourced, never run.
#   pulse_synth  [--env dev|prod]   offline: builds the CDK app, writes every stack's template to infra/cdk/cdk.out
#   pulse_deploy [--env dev|prod]   builds the function jars, then `cdk deploy --all` (needs AWS credentials)
[ -n "${PULSE_CDK_SH:-}" ] && return 0
PULSE_CDK_SH=1
# shellcheck source=local/scripts/common.sh
source "$PULSE_ROOT/local/scripts/common.sh"
# shellcheck source=local/scripts/java.sh
source "$PULSE_ROOT/local/scripts/java.sh"

PULSE_CDK_DIR="$PULSE_ROOT/infra/cdk"

# Keeps the pinned CLI quiet and offline: no version check, no notices, no telemetry, no EC2 metadata probe.
pulse_cdk_env() {
  export CDK_DISABLE_VERSION_CHECK=true
  export CDK_DISABLE_CLI_TELEMETRY=true
  export AWS_EC2_METADATA_DISABLED=true
  export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
  export JSII_DEPRECATED=quiet
}

# The CDK CLI pinned by the root package-lock.json (installed by `./pulse setup`, i.e. npm ci).
pulse_cdk_cli() {
  local cli="$PULSE_ROOT/node_modules/.bin/cdk"
  [ -x "$cli" ] || die "CDK CLI not found at node_modules/.bin/cdk: run ./pulse setup (npm ci installs the pinned aws-cdk)"
  printf '%s\n' "$cli"
}

# Parses [--env dev|prod] into PULSE_CDK_ENV; anything else is passed through to cdk in PULSE_CDK_ARGS.
pulse_cdk_args() {
  PULSE_CDK_ENV="${PULSE_ENV:-dev}"
  PULSE_CDK_ARGS=()
  while [ $# -gt 0 ]; do
    case "$1" in
      --env) [ $# -ge 2 ] || die "--env needs dev or prod"; PULSE_CDK_ENV="$2"; shift 2 ;;
      --env=*) PULSE_CDK_ENV="${1#--env=}"; shift ;;
      *) PULSE_CDK_ARGS+=("$1"); shift ;;
    esac
  done
  case "$PULSE_CDK_ENV" in
    dev|prod) ;;
    *) die "unknown environment '$PULSE_CDK_ENV': use --env dev or --env prod" ;;
  esac
}

# Compiles the CDK app (and core, which it reads the topology from) and writes its target/classpath.txt.
pulse_cdk_build_app() {
  say "building the CDK app (infra/cdk)"
  pulse_mvn -q -DskipTests -pl infra/cdk -am package || die "the CDK app did not build"
  [ -s "$PULSE_CDK_DIR/target/classpath.txt" ] || die "infra/cdk/target/classpath.txt was not written by the build"
}

# The CDK app as the CLI's --app: started by ./pulse's one Java launcher (cdk.json's own app line serves a bare
# `npx cdk` in infra/cdk).
pulse_cdk_app() {
  pulse_java_shell_command tool infra/cdk dev.pulse.cdk.PulseApp
}

pulse_synth() {
  pulse_cdk_args "$@"
  pulse_setup_java
  pulse_cdk_env
  local cli app
  cli="$(pulse_cdk_cli)"
  pulse_cdk_build_app
  app="$(pulse_cdk_app)"
  say "synthesizing Pulse ($PULSE_CDK_ENV) into infra/cdk/cdk.out"
  (
    cd "$PULSE_CDK_DIR" || exit 1
    # Synth needs no account; fixed placeholders keep it offline and the templates reproducible.
    export CDK_DEFAULT_ACCOUNT="${CDK_DEFAULT_ACCOUNT:-000000000000}"
    export CDK_DEFAULT_REGION="${CDK_DEFAULT_REGION:-${AWS_REGION:-us-east-1}}"
    rm -rf cdk.out # one environment's templates at a time, nothing stale
    "$cli" synth --quiet --no-notices --no-lookups --output cdk.out --app "$app" \
      -c env="$PULSE_CDK_ENV" -c code=auto ${PULSE_CDK_ARGS[@]+"${PULSE_CDK_ARGS[@]}"}
  ) || die "cdk synth failed"
  local template count=0
  for template in "$PULSE_CDK_DIR"/cdk.out/*.template.json; do
    [ -e "$template" ] || continue
    count=$((count + 1))
    say "  ${template#"$PULSE_ROOT"/}"
  done
  [ "$count" -gt 0 ] || die "cdk synth wrote no templates"
  say "$count templates written"
}

# Fails before the long build when no AWS credentials can be found; an EC2 or CI role can skip the check.
pulse_cdk_require_credentials() {
  [ "${PULSE_DEPLOY_SKIP_CREDENTIAL_CHECK:-0}" = 1 ] && return 0
  if [ -n "${AWS_PROFILE:-}${AWS_ACCESS_KEY_ID:-}${AWS_WEB_IDENTITY_TOKEN_FILE:-}" ] \
    || [ -n "${AWS_CONTAINER_CREDENTIALS_FULL_URI:-}${AWS_CONTAINER_CREDENTIALS_RELATIVE_URI:-}" ] \
    || [ -f "${AWS_SHARED_CREDENTIALS_FILE:-$HOME/.aws/credentials}" ] || [ -f "${AWS_CONFIG_FILE:-$HOME/.aws/config}" ]; then
    return 0
  fi
  die "no AWS credentials found: set AWS_PROFILE (or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY), or PULSE_DEPLOY_SKIP_CREDENTIAL_CHECK=1 on an instance role; see docs/DEPLOYING.md"
}

pulse_deploy() {
  pulse_cdk_args "$@"
  pulse_cdk_require_credentials
  pulse_setup_java
  pulse_cdk_env
  local cli app
  cli="$(pulse_cdk_cli)"
  say "building and packaging the function jars"
  pulse_mvn -q -DskipTests package || die "the build failed: nothing was deployed"
  [ -s "$PULSE_CDK_DIR/target/classpath.txt" ] || die "infra/cdk/target/classpath.txt was not written by the build"
  app="$(pulse_cdk_app)"
  say "deploying Pulse ($PULSE_CDK_ENV) with cdk deploy --all"
  (
    cd "$PULSE_CDK_DIR" || exit 1
    # Unlike synth, deploy talks to AWS: account and region come from the caller's credentials and profile.
    unset AWS_EC2_METADATA_DISABLED
    "$cli" deploy --all --no-notices --require-approval "${PULSE_CDK_APPROVAL:-broadening}" --output cdk.out --app "$app" \
      -c env="$PULSE_CDK_ENV" -c code=jars ${PULSE_CDK_ARGS[@]+"${PULSE_CDK_ARGS[@]}"}
  ) || die "cdk deploy failed (see above); CloudFormation rolled back any stack that failed"
}
