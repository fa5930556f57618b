#!/usr/bin/env bash
# Creates a migration with the same name in both trees:
#   scripts/new-migration.sh add_vendor_parts
# makes migrations/{sqlite,postgres}/<YYYY-MM-DD-NNNNNN>_add_vendor_parts/{up,down}.sql,
# numbered after the newest existing migration. Write both dialects, then run
# `cargo test migrations` (both trees must hold the same names and run up,
# down and up again).
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: scripts/new-migration.sh NAME (snake_case)}"
[[ "$name" =~ ^[a-z][a-z0-9_]*$ ]] || { echo "NAME must be snake_case" >&2; exit 2; }
last=$(ls migrations/sqlite | sort | tail -n1)
seq=$((10#${last:11:6} + 1))
id="$(date -u +%Y-%m-%d)-$(printf '%06d' "$seq")_${name}"
for tree in sqlite postgres; do
    dir="migrations/$tree/$id"
    mkdir -p "$dir"
    printf -- '-- %s (%s)\n' "$name" "$tree" > "$dir/up.sql"
    printf -- '-- undo %s (%s)\n' "$name" "$tree" > "$dir/down.sql"
    echo "created $dir/{up,down}.sql"
done
