#!/usr/bin/env bash
# Checks the returns portal (portal/): its API types are generated from the
# current openapi/openapi.json, and its JavaScript type-checks against them.
# Uses the tools pinned in examples/typescript (installed there with npm ci
# when missing); the portal itself has no dependencies.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$root/examples/typescript"

if [ ! -d "$tools/node_modules" ]; then
  (cd "$tools" && npm ci --no-audit --no-fund)
fi

fresh="$(mktemp "${TMPDIR:-/tmp}/portal-api.XXXXXX.d.ts")"
trap 'rm -f "$fresh"' EXIT

node "$tools/generate.mjs" "$root/openapi/openapi.json" "$fresh" >/dev/null
if ! diff -u "$root/portal/types/api.d.ts" "$fresh" >/dev/null; then
  diff -u "$root/portal/types/api.d.ts" "$fresh" | head -40 || true
  echo "portal/types/api.d.ts is out of date with openapi/openapi.json; regenerate it with:" >&2
  echo "  node examples/typescript/generate.mjs openapi/openapi.json portal/types/api.d.ts" >&2
  exit 1
fi

cd "$tools"
npx --no-install tsc -p "$root/portal/tsconfig.json" --noEmit
echo "portal: types up to date, type check passed"
