#!/usr/bin/env bash
# Process-level chaos on the real onebox (issue 6 item 4, docs/simulation.md "Process-level chaos"): starts its own
# onebox (3 meta + 3 replica servers, table temp 8 x 3) with test-profile failure-detector timers, runs `./enif chaos`
# (client threads under a recorded workload while a seeded injector kill -9s, SIGSTOPs/SIGCONTs and restarts random
# meta and replica servers; then it heals everything, reads every cell back and checks for lost writes and
# linearizability violations), and clears the onebox on exit, also when a check fails.
# Usage: [ONEBOX_BASE_PORT=36600] [ONEBOX_DIR=/tmp/ob] scripts/check-onebox-chaos.sh [--short|--long] [seed]
#   --short  (the default; CI) a fixed seed and 120 s of faults: about 2.5 minutes in all (plus a build on first use)
#   --long   20 minutes of faults (CHAOS_DURATION seconds to change it), with the seed given or today's date
#   ONEBOX_BASE_PORT  the onebox's --base-port (default 36600)
#   ONEBOX_DIR        the onebox's --dir (default: a fresh directory under /tmp, deleted on exit)
# Exit status 0 when the run passes (no lost write, no violation, the minimums reached), 1 otherwise.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mode="short"
seed=""
for arg in "$@"; do
  case "$arg" in
    --short) mode="short" ;;
    --long) mode="long" ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) seed="$arg" ;;
  esac
done
if [[ "$mode" == "short" ]]; then
  seed="${seed:-20261125}"
  duration="${CHAOS_DURATION:-120}"
else
  seed="${seed:-$(date -u +%Y%m%d)}"
  duration="${CHAOS_DURATION:-1200}"
fi
base="${ONEBOX_BASE_PORT:-36600}"
made_dir=""
if [[ -n "${ONEBOX_DIR:-}" ]]; then
  onebox="$ONEBOX_DIR"
else
  onebox="$(mktemp -d /tmp/enif-chaos.XXXXXX)"
  made_dir="$onebox"
fi
log="$(mktemp /tmp/enif-chaos-client.XXXXXX.log)"
report=""
# On failure keep the evidence: the whole report (with the history excerpts of every violation), the client log
# and every server's log.
keep_evidence() {
  local evidence
  evidence="$(mktemp -d /tmp/enif-chaos-evidence.XXXXXX)"
  [[ -n "$report" && -f "$report" ]] && cp "$report" "$evidence/chaos-report.txt"
  [[ -f "$log" ]] && cp "$log" "$evidence/client.log"
  for d in "$onebox"/meta* "$onebox"/replica* "$onebox"/zookeeper; do
    [[ -f "$d/result" ]] && cp "$d/result" "$evidence/$(basename "$d").log"
  done
  echo "onebox chaos: report, client and server logs kept in $evidence" >&2
}
cleanup() {
  local status=$?
  [[ $status -ne 0 ]] && keep_evidence
  ./enif onebox clear --dir "$onebox" >/dev/null 2>&1 || true
  [[ -n "$made_dir" ]] && rm -rf "$made_dir"
  rm -f "$log" "$report"
}
trap cleanup EXIT

# DESIGN §10's test timers: beacon 1 s, lease 6 s, grace 8 s, cure every 2 s, ZooKeeper session 6 s.
timers=(
  --set replication.fd_beacon_interval_seconds=1
  --set replication.fd_check_interval_seconds=1
  --set replication.fd_lease_seconds=6
  --set replication.fd_grace_seconds=8
  --set replication.lb_interval_ms=2000
  --set zookeeper.timeout_ms=6000
)
started=$(date +%s)
./enif onebox start -w -m 3 -r 3 --base-port "$base" --dir "$onebox" "${timers[@]}"
echo "onebox up in $(( $(date +%s) - started )) s (base port $base, dir $onebox); chaos: $mode, seed $seed, $duration s of faults"

report="$(mktemp /tmp/enif-chaos-report.XXXXXX.txt)"
# The client library logs every failover it rides out; that goes to a file, kept only when the run fails. The
# history excerpts of violations (indented lines) go only to the kept report.
set +e
./enif chaos --dir "$onebox" --seed "$seed" --duration "$duration" --min-faults 10 --min-throughput 100 2>"$log" | tee "$report" | grep --line-buffered -v "^    "
status=${PIPESTATUS[0]}
set -e
if [[ $status -ne 0 ]]; then
  echo "onebox chaos: FAILED after $(( $(date +%s) - started )) s (replay: scripts/check-onebox-chaos.sh --$mode $seed)" >&2
  exit 1
fi
echo "onebox chaos: OK in $(( $(date +%s) - started )) s ($mode, seed $seed)"
