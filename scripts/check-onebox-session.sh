#!/usr/bin/env bash
# Starts a onebox, pipes scripts/onebox-shell-session.txt into `./enif shell`, checks the output's key words and the
# exit status, and clears the onebox (also when a check fails).
# Usage: [ONEBOX_BASE_PORT=35600] [ONEBOX_DIR=/tmp/ob] scripts/check-onebox-session.sh
#   ONEBOX_BASE_PORT  the onebox's --base-port (default 34600: meta servers on 34601..34603, ZooKeeper on 22181)
#   ONEBOX_DIR        the onebox's --dir (default: the launcher's, ./onebox)
# With both set it runs beside other oneboxes (CI runs it through scripts/check-onebox.sh).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
base="${ONEBOX_BASE_PORT:-34600}"
dir_args=()
[[ -n "${ONEBOX_DIR:-}" ]] && dir_args=(--dir "$ONEBOX_DIR")
metas="127.0.0.1:$((base + 1)),127.0.0.1:$((base + 2)),127.0.0.1:$((base + 3))"
out="$(mktemp)"
trap './enif onebox clear "${dir_args[@]}" >/dev/null 2>&1 || true; rm -f "$out"' EXIT

started=$(date +%s)
./enif onebox start -w --base-port "$base" "${dir_args[@]}"
status=0
./enif shell --cluster "$metas" < scripts/onebox-shell-session.txt > "$out" 2>&1 || status=$?
cat "$out"
if [[ $status -ne 0 ]]; then
  echo "FAILED: the shell exited with status $status" >&2
  exit 1
fi
missing=0
for word in "primary_meta_server" "ALIVE" "list nodes succeed" "list apps succeed" "fully_healthy" \
    "shell_check is ready now!" "OK" '"c"' "key-value pairs got, fetch completed." "Infinite" "True" \
    "Not found" "list app shell_check succeed" "drop app shell_check succeed" "AS_DROPPED"; do
  if ! grep -qF -- "$word" "$out"; then
    echo "FAILED: no '$word' in the output" >&2
    missing=1
  fi
done
if grep -q "ERROR:" "$out"; then
  echo "FAILED: the session printed an error" >&2
  missing=1
fi
[[ $missing -eq 0 ]] && echo "onebox shell session: OK in $(( $(date +%s) - started )) s (base port $base)"
exit $missing
