#!/usr/bin/env bash
# Starts a onebox, pipes scripts/onebox-shell-session.txt into `./enif shell`, checks the output's key words and the
# exit status, and clears the onebox. Not part of CI. Usage: scripts/check-onebox-session.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="$(mktemp)"
trap './enif onebox clear >/dev/null 2>&1 || true; rm -f "$out"' EXIT

./enif onebox start -w
status=0
./enif shell < scripts/onebox-shell-session.txt > "$out" 2>&1 || status=$?
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
[[ $missing -eq 0 ]] && echo "onebox shell session: OK"
exit $missing
