# shellcheck shell=bash
# CDK synth, diff and deploy for ./pulse. Sourced, never run.
#   pulse_synth  [--env dev|prod] [--update-snapshots]
#       offline: builds the CDK app, writes every stack's template to infra/cdk/cdk.out; --update-snapshots also
#       rewrites the committed template snapshots (infra/cdk/src/test/resources/snapshots) from the CDK tests' synth
#   pulse_diff   [--env dev|prod] [--function NAME]
#       `cdk diff` against the deployed stacks (needs AWS credentials and the account)
#   pulse_deploy [--env dev|prod] [--function NAME] [--skip-tests]
#       runs the unit and CDK tests and builds the function jars, then `cdk deploy` of every stack, or of NAME's
#       stack only (needs AWS credentials)
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

# A wrong argument: exit 2, like ./pulse's unknown command.
pulse_cdk_usage_error() {
  printf '%s\n' "pulse: error: $*" >&2
  exit 2
}

# Parses [--env dev|prod] into PULSE_CDK_ENV, [--function NAME] into PULSE_CDK_FUNCTION, [--skip-tests] into
# PULSE_CDK_SKIP_TESTS and [--update-snapshots] into PULSE_CDK_UPDATE_SNAPSHOTS; anything else is passed through to
# cdk in PULSE_CDK_ARGS.
pulse_cdk_args() {
  PULSE_CDK_ENV="${PULSE_ENV:-dev}"
  PULSE_CDK_FUNCTION=""
  PULSE_CDK_SKIP_TESTS=0
  PULSE_CDK_UPDATE_SNAPSHOTS=0
  PULSE_CDK_ARGS=()
  while [ $# -gt 0 ]; do
    case "$1" in
      --env) [ $# -ge 2 ] || pulse_cdk_usage_error "--env needs dev or prod"; PULSE_CDK_ENV="$2"; shift 2 ;;
      --env=*) PULSE_CDK_ENV="${1#--env=}"; shift ;;
      --function) [ $# -ge 2 ] && [ -n "$2" ] || pulse_cdk_usage_error "--function needs a function name"
                  PULSE_CDK_FUNCTION="$2"; shift 2 ;;
      --function=*) PULSE_CDK_FUNCTION="${1#--function=}"
                    [ -n "$PULSE_CDK_FUNCTION" ] || pulse_cdk_usage_error "--function needs a function name"; shift ;;
      --skip-tests) PULSE_CDK_SKIP_TESTS=1; shift ;;
      --update-snapshots) PULSE_CDK_UPDATE_SNAPSHOTS=1; shift ;;
      *) PULSE_CDK_ARGS+=("$1"); shift ;;
    esac
  done
  case "$PULSE_CDK_ENV" in
    dev|prod) ;;
    *) pulse_cdk_usage_error "unknown environment '$PULSE_CDK_ENV': use --env dev or --env prod" ;;
  esac
}

# The stack of one topology function (Pulse-<env>-Function-<name>), from the built CDK app; an unknown name exits 2
# with the list of valid ones.
pulse_cdk_function_stack() {
  local -a command
  mapfile -d '' command < <(pulse_java_command tool infra/cdk dev.pulse.cdk.FunctionStackName "$PULSE_CDK_ENV" "$1")
  local status=0
  (cd "$PULSE_ROOT" && exec "${command[@]}") || status=$?
  [ "$status" -eq 0 ] || exit "$status"
}

# The stacks a deploy or diff acts on, as cdk arguments: every stack, or (--function) that function's stack alone;
# --exclusively keeps cdk from taking the stacks it depends on along.
pulse_cdk_targets() {
  PULSE_CDK_TARGETS=(--all)
  if [ -n "$PULSE_CDK_FUNCTION" ]; then
    local stack
    stack="$(pulse_cdk_function_stack "$PULSE_CDK_FUNCTION")" || exit $?
    PULSE_CDK_TARGETS=(--exclusively "$stack")
  fi
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
  if [ "$PULSE_CDK_UPDATE_SNAPSHOTS" = 1 ]; then
    pulse_cdk_update_snapshots
  fi
}

# Rewrites the normalized template snapshots of both environments from the CDK tests' own synth (the one that
# TemplateSnapshotTest compares), then shows what changed, to be reviewed and committed with the change.
pulse_cdk_update_snapshots() {
  say "updating the template snapshots (dev and prod) in infra/cdk/src/test/resources/snapshots"
  pulse_mvn -q -pl infra/cdk -am test -Dtest=TemplateSnapshotTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dpulse.snapshots.update=true || die "the snapshot update failed (see above)"
  if command -v git >/dev/null && git -C "$PULSE_ROOT" rev-parse --git-dir >/dev/null 2>&1; then
    git -C "$PULSE_ROOT" status --short -- infra/cdk/src/test/resources/snapshots
  fi
  say "snapshots updated: review the diff (git diff infra/cdk/src/test/resources/snapshots) and commit it"
}

# Fails before the long build when no AWS credentials can be found; an EC2 or CI role can skip the check. $1 says
# what needs them.
pulse_cdk_require_credentials() {
  local what="${1:-deploy}"
  [ "${PULSE_DEPLOY_SKIP_CREDENTIAL_CHECK:-0}" = 1 ] && return 0
  if [ -n "${AWS_PROFILE:-}${AWS_ACCESS_KEY_ID:-}${AWS_WEB_IDENTITY_TOKEN_FILE:-}" ] \
    || [ -n "${AWS_CONTAINER_CREDENTIALS_FULL_URI:-}${AWS_CONTAINER_CREDENTIALS_RELATIVE_URI:-}" ] \
    || [ -f "${AWS_SHARED_CREDENTIALS_FILE:-$HOME/.aws/credentials}" ] || [ -f "${AWS_CONFIG_FILE:-$HOME/.aws/config}" ]; then
    return 0
  fi
  die "$what needs AWS credentials and the target account, and none were found (nothing was compared or deployed): set AWS_PROFILE (or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY), or PULSE_DEPLOY_SKIP_CREDENTIAL_CHECK=1 on an instance role; see docs/DEPLOYING.md"
}

# cdk diff: what a deploy would change in the deployed stacks. It reads them, so it needs credentials and the account.
pulse_diff() {
  pulse_cdk_args "$@"
  pulse_setup_java
  pulse_cdk_env
  local cli app
  cli="$(pulse_cdk_cli)"
  if [ -n "$PULSE_CDK_FUNCTION" ]; then
    # A wrong name is a usage error, reported before the credentials are looked at.
    pulse_cdk_build_app
    pulse_cdk_targets
  fi
  pulse_cdk_require_credentials "./pulse diff"
  [ -n "$PULSE_CDK_FUNCTION" ] || { pulse_cdk_build_app; pulse_cdk_targets; }
  app="$(pulse_cdk_app)"
  say "comparing Pulse ($PULSE_CDK_ENV) with the deployed stacks: cdk diff ${PULSE_CDK_TARGETS[*]}"
  (
    cd "$PULSE_CDK_DIR" || exit 1
    unset AWS_EC2_METADATA_DISABLED
    # code=auto: a diff of the infrastructure needs no jar; with the jars built it also shows code changes.
    "$cli" diff "${PULSE_CDK_TARGETS[@]}" --no-notices --output cdk.out --app "$app" \
      -c env="$PULSE_CDK_ENV" -c code=auto ${PULSE_CDK_ARGS[@]+"${PULSE_CDK_ARGS[@]}"}
  ) || die "cdk diff failed (see above): it needs AWS credentials that can read the account's CloudFormation stacks"
}

# The gate before a deploy: one Maven run that runs every unit and CDK test (Surefire; integration tests belong to
# verify and do not run) and then packages the function jars. --skip-tests packages without them, and says so.
pulse_deploy_build() {
  if [ "$PULSE_CDK_SKIP_TESTS" = 1 ]; then
    warn "--skip-tests: deploying WITHOUT running the unit and CDK tests"
    say "building and packaging the function jars"
    pulse_mvn -q -DskipTests package || die "the build failed: nothing was deployed"
  else
    say "running the unit and CDK tests (no integration tests), then packaging the function jars"
    pulse_mvn -q package || die "the tests or the build failed: nothing was deployed (--skip-tests deploys without the tests)"
  fi
}

pulse_deploy() {
  pulse_cdk_args "$@"
  pulse_setup_java
  pulse_cdk_env
  local cli app
  cli="$(pulse_cdk_cli)"
  if [ -n "$PULSE_CDK_FUNCTION" ]; then
    # The name is checked against the topology first (a usage error), and before the long test run.
    pulse_cdk_build_app
  fi
  pulse_cdk_targets
  pulse_cdk_require_credentials "./pulse deploy"
  pulse_deploy_build
  [ -s "$PULSE_CDK_DIR/target/classpath.txt" ] || die "infra/cdk/target/classpath.txt was not written by the build"
  app="$(pulse_cdk_app)"
  say "deploying Pulse ($PULSE_CDK_ENV) with cdk deploy ${PULSE_CDK_TARGETS[*]}"
  (
    cd "$PULSE_CDK_DIR" || exit 1
    # Unlike synth, deploy talks to AWS: account and region come from the caller's credentials and profile.
    unset AWS_EC2_METADATA_DISABLED
    "$cli" deploy "${PULSE_CDK_TARGETS[@]}" --no-notices --require-approval "${PULSE_CDK_APPROVAL:-broadening}" --output cdk.out --app "$app" \
      -c env="$PULSE_CDK_ENV" -c code=jars ${PULSE_CDK_ARGS[@]+"${PULSE_CDK_ARGS[@]}"}
  ) || die "cdk deploy failed (see above); CloudFormation rolled back any stack that failed"
}
