#!/usr/bin/env bash
# Issue 4's scenario on real processes: start a onebox, write through the shell, kill -9 one replica server,
# wait until writes succeed again (prints the gap), read every earlier write back, restart the server and wait
# until `temp` is fully healthy again (3/3 on every partition). Clears the onebox at the end. Not part of CI
# (it takes about two minutes with the production failure-detector timers). Usage: scripts/check-onebox-failover.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="$(mktemp)"
trap './enif onebox clear >/dev/null 2>&1 || true; rm -f "$out"' EXIT
keys=100

fail() {
  echo "FAILED: $*" >&2
  exit 1
}

./enif onebox start -w
{
  echo "use temp"
  for i in $(seq 1 "$keys"); do echo "set before$i s v$i"; done
} | ./enif shell > "$out" 2>&1 || fail "the writes before the kill: $(tail -3 "$out")"

victim="$(cat onebox/replica1/pid)"
kill -9 "$victim"
killed_at=$(date +%s)
echo "killed replica@1 (pid $victim) with SIGKILL"

# Writes to 64 hash keys reach every partition of temp (8) with near certainty; the batch must succeed whole.
after_batch() {
  echo "use temp"
  for i in $(seq 1 64); do echo "set after$i s v"; done
}
deadline=$((killed_at + 90))
until after_batch | ./enif shell > "$out" 2>&1; do
  [[ $(date +%s) -lt $deadline ]] || fail "writes to every partition did not resume within 90 s: $(tail -3 "$out")"
done
echo "writes to every partition resumed $(( $(date +%s) - killed_at )) s after the kill"

{
  echo "use temp"
  for i in $(seq 1 "$keys"); do echo "get before$i s"; done
} | ./enif shell > "$out" 2>&1 || fail "reading the writes back: $(tail -3 "$out")"
for i in $(seq 1 "$keys"); do
  grep -qF "\"v$i\"" "$out" || fail "the acknowledged write before$i is lost"
done
echo "all $keys acknowledged writes read back"

./enif onebox start-instance -r 1
deadline=$(( $(date +%s) + 120 ))
until ./enif shell -e "ls -d" > "$out" 2>&1 && grep -qE "^1 +temp +8 +8 +0 +0 +0" "$out"; do
  [[ $(date +%s) -lt $deadline ]] || fail "temp is not fully healthy 120 s after the restart: $(cat "$out")"
done
echo "onebox failover: OK (temp fully healthy again after the restart)"
