#!/usr/bin/env bash
# Issue 4's scenario on real processes, with the shipped failure-detector timers: start a onebox, write through the
# shell, kill -9 the replica server with the most primaries, wait until writes to every partition succeed again (fails unless that happens
# within 45 s of the kill; prints the measured gap), read every earlier write back, check that `nodes -s unalive`
# lists exactly the killed server (SH-A3), restart the server, wait until
# `temp` is fully healthy again (3/3 on every partition) and check, from the INFO line each replica logs when it
# finishes learning, that the restarted server caught up by cache or log learning and copied no checkpoint. Clears the
# onebox at the end, also when a check fails. Takes about a minute and a half.
# Usage: [ONEBOX_BASE_PORT=35600] [ONEBOX_DIR=/tmp/ob] scripts/check-onebox-failover.sh
#   ONEBOX_BASE_PORT  the onebox's --base-port (default 34600: meta servers on 34601..34603, ZooKeeper on 22181)
#   ONEBOX_DIR        the onebox's --dir (default: the launcher's, ./onebox)
# With both set it runs beside other oneboxes (CI runs it through scripts/check-onebox.sh).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
base="${ONEBOX_BASE_PORT:-34600}"
onebox="${ONEBOX_DIR:-$root/onebox}"
dir_args=()
[[ -n "${ONEBOX_DIR:-}" ]] && dir_args=(--dir "$ONEBOX_DIR")
metas="127.0.0.1:$((base + 1)),127.0.0.1:$((base + 2)),127.0.0.1:$((base + 3))"
out="$(mktemp)"
trap './enif onebox clear "${dir_args[@]}" >/dev/null 2>&1 || true; rm -f "$out"' EXIT
keys=100
max_gap_ms=45000

fail() {
  echo "FAILED: $*" >&2
  exit 1
}

shell() {
  ./enif shell --cluster "$metas" "$@"
}

now_ms() {
  echo $(( $(date +%s%N) / 1000000 ))
}

started=$(date +%s)
./enif onebox start -w --base-port "$base" "${dir_args[@]}"
{
  echo "use temp"
  for i in $(seq 1 "$keys"); do echo "set before$i s v$i"; done
} | shell > "$out" 2>&1 || fail "the writes before the kill: $(tail -3 "$out")"

# The victim: the replica server with the most primaries (the onebox has no balancer, so one server may hold all
# of them); `nodes -d` lists "address status replica_count primary_count secondary_count".
shell -e "nodes -d" > "$out" 2>&1 || fail "nodes -d: $(tail -3 "$out")"
read -r victim_address victim_primaries < <(awk '$2 == "ALIVE" { print $1, $4 }' "$out" | sort -k2,2nr | head -1)
[[ -n "${victim_address:-}" ]] || fail "no alive replica server in: $(cat "$out")"
n=$(( ${victim_address##*:} - base - 200 ))
[[ -f "$onebox/replica$n/pid" ]] || fail "no onebox replica server $n for $victim_address"
pid="$(cat "$onebox/replica$n/pid")"
kill -9 "$pid"
killed_at=$(now_ms)
echo "killed replica@$n ($victim_address, primary of $victim_primaries partitions, pid $pid) with SIGKILL"

# Writes to 64 hash keys reach every partition of temp (8) with near certainty; the batch must succeed whole.
after_batch() {
  echo "use temp"
  for i in $(seq 1 64); do echo "set after$i s v"; done
}
# The gap is measured to the end of the first batch that succeeded whole (an upper bound: each failed batch costs a
# shell start); the batch's start is printed too.
attempt_at=$(now_ms)
until after_batch | shell > "$out" 2>&1; do
  (( $(now_ms) - killed_at < max_gap_ms )) \
    || fail "writes to every partition did not resume within $((max_gap_ms / 1000)) s: $(tail -3 "$out")"
  attempt_at=$(now_ms)
done
gap_ms=$(( $(now_ms) - killed_at ))
(( gap_ms <= max_gap_ms )) || fail "writes to every partition resumed only after $gap_ms ms (limit $max_gap_ms ms)"
echo "writes to every partition resumed $gap_ms ms after the kill (limit $max_gap_ms ms; the batch that succeeded" \
  "started after $(( attempt_at - killed_at )) ms)"

{
  echo "use temp"
  for i in $(seq 1 "$keys"); do echo "get before$i s"; done
} | shell > "$out" 2>&1 || fail "reading the writes back: $(tail -3 "$out")"
for i in $(seq 1 "$keys"); do
  grep -qF "\"v$i\"" "$out" || fail "the acknowledged write before$i is lost"
done
echo "all $keys acknowledged writes read back"

# SH-A3: once the meta server has declared the victim dead, `nodes -s unalive` lists exactly it, and the summary
# says unalive_node_count 1.
deadline=$(( $(date +%s) + 60 ))
until shell -e "nodes -s unalive" > "$out" 2>&1 \
    && [[ "$(awk '/^[0-9.]+:[0-9]+ / { print $1, $2 }' "$out")" == "$victim_address UNALIVE" ]] \
    && grep -qE '^unalive_node_count[^0-9]*1[[:space:]]*$' "$out"; do
  [[ $(date +%s) -lt $deadline ]] || fail "nodes -s unalive does not list exactly $victim_address: $(cat "$out")"
done
echo "nodes -s unalive lists exactly $victim_address"

log="$onebox/replica$n/result"
log_lines_before=$(wc -l < "$log")
./enif onebox start-instance -r "$n" "${dir_args[@]}"
restarted_at=$(date +%s)
deadline=$(( restarted_at + 120 ))
until shell -e "ls -d" > "$out" 2>&1 && grep -qE "^1 +temp +8 +8 +0 +0 +0" "$out"; do
  [[ $(date +%s) -lt $deadline ]] || fail "temp is not fully healthy 120 s after the restart: $(cat "$out")"
done
echo "temp fully healthy again $(( $(date +%s) - restarted_at )) s after the restart"

# One line per finished learning, e.g. "1.3@127.0.0.1:34801 finished learning (ballot 5, committed 38): LT_CACHE=1
# LT_APP=0 LT_LOG=0" (the counts are the learn replies of that learning, by learn type).
learnings="$(tail -n +"$((log_lines_before + 1))" "$log" | grep -F "finished learning" || true)"
count=$(grep -c . <<< "$learnings" || true)
[[ $count -ge 8 ]] || fail "the restarted server logged $count finished learnings, expected one per partition (8)"
if grep -qE "LT_APP=[1-9]" <<< "$learnings"; then
  fail "the restarted server copied a checkpoint: $(grep -E "LT_APP=[1-9]" <<< "$learnings" | head -3)"
fi
grep -qE "LT_(CACHE|LOG)=[1-9]" <<< "$learnings" || fail "no learning by cache or log: $learnings"
echo "the restarted server finished $count learnings, all by cache or log, none by checkpoint:"
sed -E 's/.*PartitionRunner - /  /' <<< "$learnings"
echo "onebox failover: OK in $(( $(date +%s) - started )) s (base port $base; write gap $gap_ms ms)"
