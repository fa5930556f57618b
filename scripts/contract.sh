#!/usr/bin/env bash
# Contract checks of the API against openapi/openapi.json and its clients.
#
#   scripts/contract.sh [OPTIONS] [BINARY]
#
# With BINARY (default: ${CARGO_TARGET_DIR:-target}/debug/returns-api) the
# script starts `BINARY serve --demo` on a free port with a temporary
# database, takes the merchant key it prints, runs the checks and stops it.
# With --base-url and --api-key it checks a running server instead; the
# Schemathesis step then rewrites that brand's settings and returns, so point
# it at a throw-away server only.
#
# Steps, in this order (each one time-boxed, each reported as PASS or FAIL):
#   redocly       Redocly CLI lint, recommended rules, of openapi/openapi.json
#   typescript    openapi-typescript types from the spec, then tsc --strict of
#                 examples/typescript/portal-flow.ts against them
#   portal-types  the reference portal's committed types (portal/types/api.d.ts)
#                 are what openapi-typescript makes of the spec, and tsc
#                 --checkJs finds no error in its JavaScript
#                 (scripts/portal-check.sh)
#   newman        the Postman collection (openapi/returns-api.postman_collection.json)
#   rust-example  cargo's example portal_flow (built binary when present)
#   shell-example examples/portal_flow.sh
#   webhook-example  examples/webhook_receiver registered as an endpoint of
#                 the brand, pinged, and its delivery found in the log
#   python-client openapi-python-client generates a client from the spec
#                 (examples/python/generator.yml), then examples/python/
#                 portal_flow.py walks the journey and the merchant's review
#                 through it, the label PDF included
#   hey-api       @hey-api/openapi-ts generates a client (examples/generated/
#                 openapi-ts.config.mjs), tsc --strict compiles
#                 examples/generated/hey-api-flow.ts with it, and it runs
#   typescript-fetch  openapi-generator's typescript-fetch client, compiled
#                 with tsc --strict with examples/generated/
#                 typescript-fetch-flow.ts, which runs
#                 (each of the three generator steps fails on a warning
#                 about the spec, but for the few that generator_warnings in
#                 this script lists with their reasons)
#   schemathesis  every check, stateful links, credentials of a real lookup,
#                 the brand path parameter pinned (scripts/contract/schemathesis.toml),
#                 a return in the right state for each action
#                 (scripts/contract/fixtures.sh); deterministic: a fixed seed,
#                 a fixed number of cases, no example database, so the same
#                 commit always gets the same verdict. Ends with the list of
#                 operations reached, and fails when an operation that can
#                 succeed never did (scripts/contract/reached.py).
#
# Options:
#   --only STEP[,STEP…]   run only these steps (e.g. --only redocly)
#   --skip STEP[,STEP…]   run all but these
#   --base-url URL        a running server (with --api-key; RETURNS_API_KEY works too)
#   --api-key KEY         merchant key of --brand on that server
#   --brand SLUG          brand to exercise (default demo)
#   --vendor-key KEY      with --base-url: a key of the brand's vendor nordic-knits
#   --admin-key KEY       with --base-url: an admin key
#   --seed N              Schemathesis seed (default $CONTRACT_SCHEMATHESIS_SEED or 20261207)
#   --examples N          cases per operation (default 20)
#   --explore MINUTES     instead of the fixed run: rounds with a fresh random
#                         seed each (not deterministic), until MINUTES have
#                         passed; every failing round prints its seed and the
#                         command that replays it
#   --replay SEED         one round as --explore ran it with that seed
#   -h, --help            this text
#
# Environment: CONTRACT_CACHE (tools and reports; default .cache/contract),
# CONTRACT_STEP_TIMEOUT (seconds per step, default 600; --explore raises it),
# CONTRACT_SCHEMATHESIS_SEED (the fixed run's seed).
#
# Tools come from their registries on first use: npm packages pinned by
# scripts/contract/package-lock.json into $CONTRACT_CACHE/node_modules and by
# examples/typescript/package-lock.json into examples/typescript/node_modules;
# Schemathesis pinned by scripts/contract/requirements.txt into a venv in
# $CONTRACT_CACHE/venv; the generators pinned by
# examples/generated/package-lock.json (into examples/generated/node_modules),
# examples/python/requirements.txt and examples/generated/requirements.txt
# (venvs in $CONTRACT_CACHE). Needs node and npm, python3, curl, jq, cargo
# and, for openapi-generator, Java 11 or later.
# shellcheck disable=SC2317 # the steps and the exit trap are called indirectly
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
ALL_STEPS=(redocly typescript portal-types newman rust-example shell-example webhook-example python-client hey-api
    typescript-fetch schemathesis)
CACHE="${CONTRACT_CACHE:-$ROOT/.cache/contract}"
STEP_TIMEOUT="${CONTRACT_STEP_TIMEOUT:-600}"
REPORTS="$CACHE/reports"

usage() { sed -n '2,/^# shellcheck/p' "$0" | sed '$d; s/^# \{0,1\}//'; }
die() { echo "contract: $*" >&2; exit 2; }

# ---------------------------------------------------------------- tools

node_tools() {
    # Reinstalls when the committed lock file changed since the last install.
    if ! cmp -s scripts/contract/package-lock.json "$CACHE/package-lock.json" ||
        [[ ! -x "$CACHE/node_modules/.bin/newman" ]]; then
        echo "installing Redocly CLI and newman into $CACHE/node_modules"
        cp scripts/contract/package.json scripts/contract/package-lock.json "$CACHE/"
        (cd "$CACHE" && npm ci --no-audit --no-fund --loglevel=error)
    fi
}

typescript_tools() {
    local dir=examples/typescript
    if ! cmp -s "$dir/package-lock.json" "$dir/node_modules/.package-lock.json.installed" 2>/dev/null; then
        echo "installing openapi-typescript, openapi-fetch and TypeScript into $dir/node_modules"
        (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
        cp "$dir/package-lock.json" "$dir/node_modules/.package-lock.json.installed"
    fi
}

schemathesis_tool() {
    if ! cmp -s scripts/contract/requirements.txt "$CACHE/venv/requirements.txt" 2>/dev/null; then
        echo "installing Schemathesis into $CACHE/venv"
        rm -rf "$CACHE/venv"
        python3 -m venv "$CACHE/venv"
        "$CACHE/venv/bin/pip" install --quiet --disable-pip-version-check -r scripts/contract/requirements.txt
        cp scripts/contract/requirements.txt "$CACHE/venv/requirements.txt"
    fi
}

# A venv in $CACHE/NAME with the pinned requirements REQS; reinstalled
# when the committed file changed since the last install.
pinned_venv() {
    local name=$1 reqs=$2
    if ! cmp -s "$reqs" "$CACHE/$name/requirements.txt" 2>/dev/null; then
        echo "installing $reqs into $CACHE/$name"
        rm -rf "${CACHE:?}/$name"
        python3 -m venv "$CACHE/$name"
        "$CACHE/$name/bin/pip" install --quiet --disable-pip-version-check -r "$reqs"
        cp "$reqs" "$CACHE/$name/requirements.txt"
    fi
}

generated_ts_tools() {
    local dir=examples/generated
    if ! cmp -s "$dir/package-lock.json" "$dir/node_modules/.package-lock.json.installed" 2>/dev/null; then
        echo "installing @hey-api/openapi-ts and TypeScript into $dir/node_modules"
        (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
        cp "$dir/package-lock.json" "$dir/node_modules/.package-lock.json.installed"
    fi
}

# ---------------------------------------------------------------- server

needs_server() {
    local step
    for step in "${STEPS[@]}"; do
        case "$step" in redocly | typescript | portal-types) ;; *) return 0 ;; esac
    done
    return 1
}

start_server() {
    if [[ -n "$BASE_URL" ]]; then
        [[ -n "$API_KEY" ]] || die "--base-url needs --api-key (or RETURNS_API_KEY)"
        BASE_URL="${BASE_URL%/}"
        curl -fsS "$BASE_URL/healthz" >/dev/null || die "no server answers at $BASE_URL"
        echo "checking the server at $BASE_URL"
        return
    fi
    BINARY="${BINARY:-${CARGO_TARGET_DIR:-$ROOT/target}/debug/returns-api}"
    [[ -x "$BINARY" ]] || die "no server binary at $BINARY (build it with cargo build, or pass its path or --base-url)"
    # Webhooks may go to 127.0.0.1 (the example receiver); what the fuzzer
    # registers gets delivered too, so the server runs on a throw-away
    # database only.
    # Every round of --explore looks a fresh order up from 127.0.0.1 after
    # the fuzzer's failed lookups of the rounds before: the per-client
    # lockout (30 failures per window) would refuse it by the third round.
    local per_client=30
    [[ -n "$EXPLORE" ]] && per_client=1000000
    LOOKUP_FAILURES_PER_CLIENT="$per_client" WEBHOOK_ALLOW_PRIVATE=true WEBHOOK_TIMEOUT_MS=2000 \
        "$BINARY" serve --demo --host 127.0.0.1 --port 0 --database-url "sqlite://$WORK/contract.db" \
        --data-dir "$WORK/data" >"$WORK/server.log" 2>&1 &
    SERVER_PID=$!
    local _
    for _ in $(seq 1 100); do
        if grep -q '^Listening on ' "$WORK/server.log"; then break; fi
        kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; die "the server exited"; }
        sleep 0.2
    done
    BASE_URL="http://$(sed -n 's/^Listening on \([^ ]*\).*/\1/p' "$WORK/server.log" | head -n1)"
    API_KEY="$(sed -n 's/^Merchant API key.*: \(rk_[A-Za-z0-9_]*\).*/\1/p' "$WORK/server.log" | head -n1)"
    VENDOR_KEY="$(sed -n 's/^Vendor API key.*: \([A-Za-z0-9_]*\).*/\1/p' "$WORK/server.log" | head -n1)"
    [[ "$BASE_URL" != http:// && -n "$API_KEY" && -n "$VENDOR_KEY" ]] ||
        { cat "$WORK/server.log" >&2; die "no address or keys in the server's output"; }
    DB_FILE="$WORK/contract.db"
    ADMIN_KEY="$("$BINARY" keys create --admin --name contract --database-url "sqlite://$DB_FILE" 2>/dev/null |
        grep -o 'rk_[A-Za-z0-9_]*' | head -n1)"
    [[ -n "$ADMIN_KEY" ]] || die "could not create an admin key"
    cp "$WORK/server.log" "$REPORTS/server.log"
    echo "started $BINARY at $BASE_URL (pid $SERVER_PID, database in $WORK)"
}

# ---------------------------------------------------------------- steps

step_redocly() {
    node_tools
    # Errors fail the lint by themselves; warnings fail this step too (the
    # findings kept on purpose are in .redocly.lint-ignore.yaml, with reasons).
    local out
    out="$("$CACHE/node_modules/.bin/redocly" lint openapi/openapi.json --extends=recommended --format=stylish 2>&1)" ||
        { echo "$out"; return 1; }
    echo "$out"
    if grep -qE '^ +[0-9]+:[0-9]+ +warning ' <<<"$out"; then
        echo "redocly: warnings are not accepted"
        return 1
    fi
}

step_typescript() {
    typescript_tools
    (cd examples/typescript && node generate.mjs && npx --no-install tsc -p . --strict --noEmit)
}

step_portal_types() {
    typescript_tools
    scripts/portal-check.sh
}

step_newman() {
    node_tools
    "$CACHE/node_modules/.bin/newman" run openapi/returns-api.postman_collection.json \
        -e openapi/returns-api.postman_environment.json --working-dir openapi \
        --env-var "base_url=$BASE_URL" --env-var "brand=$BRAND" --env-var "api_key=$API_KEY" \
        --reporters cli,junit --reporter-junit-export "$REPORTS/newman.xml" --color off
}

step_rust_example() {
    local example="" args=(--base-url "$BASE_URL" --brand "$BRAND" --api-key "$API_KEY" --output "$WORK/label-rust.pdf")
    [[ -n "$BINARY" ]] && example="$(dirname "$BINARY")/examples/portal_flow"
    if [[ -x "$example" && "$example" -nt examples/portal_flow.rs ]]; then
        "$example" "${args[@]}"
    else
        cargo run --quiet --example portal_flow -- "${args[@]}"
    fi
}

step_shell_example() {
    BASE_URL="$BASE_URL" BRAND="$BRAND" API_KEY="$API_KEY" OUTPUT="$WORK/label-shell.pdf" \
        examples/portal_flow.sh
}

step_webhook_example() {
    local port endpoint secret id receiver="" status i
    port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    endpoint="$(curl -sS "$BASE_URL/v1/brands/$BRAND/webhook-endpoints" -H "Authorization: Bearer $API_KEY" \
        -H 'Content-Type: application/json' \
        --data-binary "{\"url\":\"http://127.0.0.1:$port/webhooks\",\"event_types\":[\"return.approved\"]}")"
    id="$(jq -r .id <<<"$endpoint")"
    secret="$(jq -r .secret <<<"$endpoint")"
    [[ "$secret" == whsec_* ]] || { echo "registration answered: $endpoint"; return 1; }
    [[ -n "$BINARY" ]] && receiver="$(dirname "$BINARY")/examples/webhook_receiver"
    if [[ ! -x "$receiver" || ! "$receiver" -nt examples/webhook_receiver.rs ]]; then
        cargo build --quiet --example webhook_receiver
        receiver="${CARGO_TARGET_DIR:-$ROOT/target}/debug/examples/webhook_receiver"
    fi
    "$receiver" --port "$port" --secret "$secret" >"$WORK/receiver.log" 2>&1 &
    local pid=$!
    trap 'kill $pid 2>/dev/null || true' RETURN
    for i in $(seq 1 50); do
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
        sleep 0.1
    done
    status="$(curl -sS -o /dev/null -w '%{http_code}' -X POST "$BASE_URL/v1/brands/$BRAND/webhook-endpoints/$id/test" \
        -H "Authorization: Bearer $API_KEY")"
    [[ "$status" == 202 ]] || { echo "test answered $status"; return 1; }
    for i in $(seq 1 100); do
        grep -q "ping for endpoint $id" "$WORK/receiver.log" && break
        sleep 0.1
    done
    cat "$WORK/receiver.log"
    grep -q "ping for endpoint $id" "$WORK/receiver.log" || { echo "the receiver got no verified ping"; return 1; }
    for i in $(seq 1 50); do
        status="$(curl -sS "$BASE_URL/v1/brands/$BRAND/webhook-endpoints/$id/deliveries" -H "Authorization: Bearer $API_KEY" |
            jq -r '.data[0].status')"
        [[ "$status" == succeeded ]] && break
        sleep 0.1
    done
    [[ "$status" == succeeded ]] || { echo "the delivery log says $status"; return 1; }
    curl -sS -o /dev/null -X DELETE "$BASE_URL/v1/brands/$BRAND/webhook-endpoints/$id" -H "Authorization: Bearer $API_KEY"
    echo "the example receiver verified the ping; the log shows it delivered"
}

# The warnings a generator may print about this spec, one extended regular
# expression a line, each with the reason it stays; any other warning fails
# its step.
generator_warnings() {
    case "$1" in
        python-client)
            # The operator's imports also take text/csv, which the generator
            # cannot send; their JSON form is generated (admin-only routes,
            # used with curl or the command line).
            echo '^WARNING parsing POST /v1/(service-points|postal-centroids)/import within operations\.$'
            ;;
        typescript-fetch)
            # Printed for every OpenAPI 3.1 document.
            echo 'OpenAPI 3\.1 support is still in beta'
            # Printed for `additionalProperties: false`: request bodies are
            # closed on purpose (unknown fields are a 422).
            echo 'Failed to get the schema name: null'
            # From `validate`: the webhook envelopes (the merchant's and the
            # vendor's, the warehouse's) are used by the top-level `webhooks` only (which it
            # does not count); they stay in components, named, for receivers
            # to parse events with.
            echo '^[[:space:]]*- Unused model: (EndpointEvent|ReceiptEvent|ReturnEvent|VendorPartEvent)$'
            ;;
    esac
}

# Prints OUTPUT (a generator's log) and fails when it has a warning (lines
# matching PATTERN) that generator_warnings does not expect for STEP.
check_warnings() {
    local step=$1 pattern=$2 output=$3 unexpected
    echo "$output"
    unexpected="$(grep -E "$pattern" <<<"$output" | grep -vE -f <(generator_warnings "$step") || true)"
    if [[ -n "$unexpected" ]]; then
        printf '%s: warnings about the spec:\n%s\n' "$step" "$unexpected"
        return 1
    fi
}

step_python_client() {
    pinned_venv python-client examples/python/requirements.txt
    local out="$WORK/python-client" log
    rm -rf "$out"
    mkdir -p "$out"
    log="$("$CACHE/python-client/bin/openapi-python-client" generate --meta none \
        --config examples/python/generator.yml --path openapi/openapi.json \
        --output-path "$out/returns_api_client" 2>&1)" || { echo "$log"; return 1; }
    check_warnings python-client '^WARNING|^Unable to' "$log" || return 1
    PYTHONPATH="$out" BASE_URL="$BASE_URL" BRAND="$BRAND" API_KEY="$API_KEY" OUTPUT="$WORK/label-python.pdf" \
        "$CACHE/python-client/bin/python" examples/python/portal_flow.py
}

step_hey_api() {
    generated_ts_tools
    local log
    cd examples/generated
    rm -rf hey-api dist
    log="$(NO_COLOR=1 npx --no-install openapi-ts -f openapi-ts.config.mjs 2>&1)" || { echo "$log"; return 1; }
    check_warnings hey-api '[Ww]arn|⚠' "$log" || return 1
    npx --no-install tsc -p tsconfig.hey-api.json --strict
    BASE_URL="$BASE_URL" BRAND="$BRAND" API_KEY="$API_KEY" node dist/hey-api-flow.js
}

step_typescript_fetch() {
    generated_ts_tools
    pinned_venv openapi-generator examples/generated/requirements.txt
    command -v java >/dev/null || { echo "openapi-generator needs Java (11 or later)"; return 1; }
    local log generator="$CACHE/openapi-generator/bin/openapi-generator-cli"
    cd examples/generated
    rm -rf typescript-fetch dist
    log="$("$generator" validate -i ../../openapi/openapi.json 2>&1 &&
        "$generator" generate -g typescript-fetch -i ../../openapi/openapi.json -o typescript-fetch 2>&1)" ||
        { echo "$log"; return 1; }
    check_warnings typescript-fetch 'WARN|^[[:space:]]*- ' "$(grep -v '^\[main\] INFO' <<<"$log")" || return 1
    npx --no-install tsc -p tsconfig.typescript-fetch.json --strict
    BASE_URL="$BASE_URL" BRAND="$BRAND" API_KEY="$API_KEY" node dist/typescript-fetch-flow.js
}

# One Schemathesis run: SEED, EXAMPLES cases per operation, deterministic
# unless exploring; the reports of the run go to DIR.
schemathesis_run() {
    local seed=$1 dir=$2 mode=(--generation-database none)
    # The example database would replay what earlier runs found: a verdict
    # that depends on the machine's history is not reproducible. (The
    # deterministic mode keeps none by itself.)
    ((DETERMINISTIC)) && mode=(--generation-deterministic)
    SCHEMATHESIS_HOOKS="$ROOT/scripts/contract/hooks.py" "$CACHE/venv/bin/schemathesis" \
        --config-file "$ROOT/scripts/contract/schemathesis.toml" \
        run "$ROOT/openapi/openapi.json" --checks all --workers 1 \
        --seed "$seed" --max-examples "$EXAMPLES" "${mode[@]}" \
        --report junit,ndjson --report-dir "$dir"
}

step_schemathesis() {
    schemathesis_tool
    # shellcheck source=scripts/contract/fixtures.sh
    source "$ROOT/scripts/contract/fixtures.sh"
    cd "$CACHE"
    if [[ -z "$EXPLORE" ]]; then
        fuzz_fixtures
        echo "schemathesis: seed $SEED, $EXAMPLES cases per operation$( ((DETERMINISTIC)) && echo ", deterministic")"
        rm -rf "$REPORTS/schemathesis"
        local code=0
        schemathesis_run "$SEED" "$REPORTS/schemathesis" || code=$?
        python3 "$ROOT/scripts/contract/reached.py" "$REPORTS/schemathesis" "$ROOT/openapi/openapi.json" || code=1
        return "$code"
    fi
    local until=$((SECONDS + EXPLORE * 60)) round=0 seed failed=()
    while ((SECONDS < until)); do
        round=$((round + 1))
        seed="$(python3 -c 'import random; print(random.randrange(1, 2**31))')"
        printf '\n---- explore round %s, seed %s\n' "$round" "$seed"
        fuzz_fixtures
        if ! schemathesis_run "$seed" "$REPORTS/explore-$seed"; then
            failed+=("$seed")
            echo "explore: round $round failed; replay: scripts/contract.sh --only schemathesis --replay $seed --examples $EXAMPLES"
        fi
    done
    echo "explore: $round rounds in $EXPLORE minutes, ${#failed[@]} failed${failed[*]:+ (seeds ${failed[*]})}"
    ((${#failed[@]} == 0))
}

# ---------------------------------------------------------------- main

# `contract.sh __step NAME` runs one step: the steps run in their own
# process, under `timeout`, with the settings exported below.
if [[ "${1:-}" == __step ]]; then
    "step_${2//-/_}"
    exit
fi

ONLY="" SKIP="" BASE_URL="" API_KEY="${RETURNS_API_KEY:-}" BRAND=demo BINARY=""
VENDOR_KEY="" ADMIN_KEY="" DB_FILE="" DETERMINISTIC=1
SEED="${CONTRACT_SCHEMATHESIS_SEED:-20261207}" EXAMPLES=20 EXPLORE=""
while (($#)); do
    case "$1" in
        --only) ONLY="${2:?--only needs steps}"; shift 2 ;;
        --skip) SKIP="${2:?--skip needs steps}"; shift 2 ;;
        --base-url) BASE_URL="${2:?--base-url needs a URL}"; shift 2 ;;
        --api-key) API_KEY="${2:?--api-key needs a key}"; shift 2 ;;
        --brand) BRAND="${2:?--brand needs a slug}"; shift 2 ;;
        --vendor-key) VENDOR_KEY="${2:?--vendor-key needs a key}"; shift 2 ;;
        --admin-key) ADMIN_KEY="${2:?--admin-key needs a key}"; shift 2 ;;
        --seed) SEED="${2:?--seed needs a number}"; shift 2 ;;
        --examples) EXAMPLES="${2:?--examples needs a number}"; shift 2 ;;
        --explore) EXPLORE="${2:?--explore needs minutes}"; DETERMINISTIC=0; shift 2 ;;
        --replay) SEED="${2:?--replay needs a seed}"; DETERMINISTIC=0; shift 2 ;;
        -h | --help) usage; exit 0 ;;
        -*) die "unknown option $1 (see --help)" ;;
        *) BINARY="$1"; shift ;;
    esac
done

[[ -z "$EXPLORE" ]] || [[ "$EXPLORE" =~ ^[1-9][0-9]*$ ]] || die "--explore takes whole minutes"
[[ "$SEED" =~ ^[0-9]+$ && "$EXAMPLES" =~ ^[1-9][0-9]*$ ]] || die "--seed and --examples take numbers"
# An exploring run's last round may start just before the time is up.
[[ -z "$EXPLORE" ]] || STEP_TIMEOUT=$((EXPLORE * 60 + STEP_TIMEOUT))

STEPS=()
for step in "${ALL_STEPS[@]}"; do
    if [[ -n "$ONLY" && ",$ONLY," != *",$step,"* ]]; then continue; fi
    if [[ ",$SKIP," == *",$step,"* ]]; then continue; fi
    STEPS+=("$step")
done
for name in ${ONLY//,/ } ${SKIP//,/ }; do
    [[ " ${ALL_STEPS[*]} " == *" $name "* ]] || die "no step $name (steps: ${ALL_STEPS[*]})"
done
((${#STEPS[@]})) || die "no step selected"

mkdir -p "$CACHE" "$REPORTS"
WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
    if [[ -n "$SERVER_PID" ]]; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

header() { printf '\n==== %s ====\n' "$*"; }

# ---------------------------------------------------------------- run

if needs_server; then start_server; fi

# The steps run as child processes (see __step above) and see these.
export ROOT CACHE REPORTS WORK BASE_URL API_KEY VENDOR_KEY ADMIN_KEY DB_FILE BRAND BINARY \
    SEED EXAMPLES EXPLORE DETERMINISTIC
declare -A RESULT
FAILED=0
for step in "${STEPS[@]}"; do
    header "$step"
    started=$SECONDS
    # Each step in its own shell, time-boxed; the output also goes to a log.
    set +e
    timeout --kill-after=10 "$STEP_TIMEOUT" "$ROOT/scripts/contract.sh" __step "$step" 2>&1 |
        tee "$REPORTS/$step.log"
    code=${PIPESTATUS[0]}
    set -e
    if ((code == 0)); then
        RESULT[$step]="PASS"
    else
        ((code == 124)) && echo "contract: $step did not finish within ${STEP_TIMEOUT}s"
        RESULT[$step]="FAIL (exit $code)"
        FAILED=1
    fi
    RESULT[$step]+=" in $((SECONDS - started))s"
done

header "summary (logs in $REPORTS)"
for step in "${STEPS[@]}"; do printf '  %-16s %s\n' "$step" "${RESULT[$step]}"; done
exit "$FAILED"
