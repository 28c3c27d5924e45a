#!/usr/bin/env bash
# The GitHub Action's step (action.yml), runnable anywhere: installs and builds the CLI from the
# action's own checkout when it has not been built, then lints INPUT_PATHS from the working
# folder. With INPUT_SARIF_FILE it also writes a SARIF log there (URIs relative to the working
# folder, the repository root in a workflow). Exit status: the linting run's (1 on errors).
set -euo pipefail
root="${GITHUB_ACTION_PATH:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
cli="$root/dist/cli.js"
if [ ! -f "$cli" ]; then
  (cd "$root" && npm ci --no-audit --no-fund --loglevel=error >&2 && npm run build --silent >&2)
fi

args=(lint)
# Rules and paths are lists: commas or new lines, spaces or new lines.
while IFS= read -r rule; do
  rule="${rule//[[:space:]]/}"
  [ -n "$rule" ] && args+=(--rule "$rule")
done < <(printf '%s\n' "${INPUT_RULES:-}" | tr ',' '\n')
read -r -d '' -a paths < <(printf '%s\0' "${INPUT_PATHS:-.}" | tr '\n' ' ') || true
[ "${#paths[@]}" -eq 0 ] && paths=(.)

if [ -n "${INPUT_SARIF_FILE:-}" ]; then
  # The log is written whatever the findings; the run below decides the step's status.
  node "$cli" "${args[@]}" --format sarif --sarif-root . "${paths[@]}" > "$INPUT_SARIF_FILE" || [ $? -eq 1 ]
fi
format=()
[ -n "${INPUT_FORMAT:-}" ] && format=(--format "$INPUT_FORMAT")
exec node "$cli" "${args[@]}" "${format[@]}" "${paths[@]}"
