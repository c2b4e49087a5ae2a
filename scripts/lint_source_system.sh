#!/usr/bin/env bash
# sqlfluff on a source system's staging and adapter models. They are disabled unless the var
# source_system names their system, and sqlfluff's dbt templater skips disabled models, so this
# lints them with the var set (and raw_dir at the system's committed fixture; linting compiles
# only, so the public demo salt may stand in for a real one).
#   scripts/lint_source_system.sh servicenow
set -euo pipefail
system="$1"
root="$(cd "$(dirname "$0")/.." && pwd)"
case "$system" in
    servicenow) fixture="tests/fixtures/servicenow" ;;
    zendesk | intercom) fixture="tests/fixtures/fivetran_${system}" ;;
    *) echo "lint_source_system: unknown system '$system' (servicenow, zendesk, intercom)" >&2; exit 2 ;;
esac
paths=()
for folder in "models/staging/$system" "models/adapters/$system"; do
    [[ -d "$root/$folder" ]] && paths+=("$folder")
done
if [[ ${#paths[@]} -eq 0 ]]; then
    echo "lint_source_system: no models for $system yet"
    exit 0
fi
config="$(mktemp)"
trap 'rm -f "$config"' EXIT
sed -e "s#^project_dir = .*#project_dir = $root#" -e "s#^profiles_dir = .*#profiles_dir = $root#" "$root/.sqlfluff" > "$config"
printf '\n[sqlfluff:templater:dbt:context]\nsource_system = %s\nraw_dir = %s\npseudonym_demo_salt_allowed = true\n' \
    "$system" "$root/$fixture" >> "$config"
cd "$root"
"$root/.venv/bin/sqlfluff" lint --config "$config" "${paths[@]}"
