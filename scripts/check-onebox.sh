#!/usr/bin/env bash
# The onebox checks CI runs: scripts/check-onebox-session.sh, scripts/check-onebox-ops.sh,
# scripts/check-onebox-failover.sh, then the short process-level chaos run (scripts/check-onebox-chaos.sh --short,
# about 2.5 minutes), one after the other on the same base port and directory (each starts its own
# onebox and clears it on exit, also on failure). All run even when one fails; the exit status is non-zero when any
# failed.
# Usage: [ONEBOX_BASE_PORT=35600] [ONEBOX_DIR=/tmp/ob] scripts/check-onebox.sh
#   defaults here: base port 35600 and a fresh directory under /tmp, so it never meets a developer's onebox
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ONEBOX_BASE_PORT="${ONEBOX_BASE_PORT:-35600}"
made_dir=""
if [[ -z "${ONEBOX_DIR:-}" ]]; then
  ONEBOX_DIR="$(mktemp -d /tmp/enif-check-onebox.XXXXXX)"
  made_dir="$ONEBOX_DIR"
fi
export ONEBOX_DIR
trap '[[ -n "$made_dir" ]] && rm -rf "$made_dir"' EXIT

failed=()
for check in check-onebox-session.sh check-onebox-ops.sh check-onebox-failover.sh check-onebox-chaos.sh; do
  echo "=== $check (base port $ONEBOX_BASE_PORT, dir $ONEBOX_DIR)"
  started=$(date +%s)
  if "$root/scripts/$check"; then
    echo "=== $check passed in $(( $(date +%s) - started )) s"
  else
    echo "=== $check FAILED after $(( $(date +%s) - started )) s" >&2
    failed+=("$check")
  fi
done
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "onebox checks failed: ${failed[*]}" >&2
  exit 1
fi
echo "onebox checks: OK"
