#!/usr/bin/env bash
# Starts a onebox and runs the operations acceptance checks of spec/ops-cluster.md on the real processes, with curl
# and `./enif shell -e`: CFG-A1..A4 (config over HTTP and config-dump), HTTP-A1 (307 from a standby), HTTP-A2, HTTP-A3,
# HTTP-A4, RC-A1, RC-A2 (without the restart), RC-A3 (kill a replica, it is rebuilt with its data), SH-A1, SH-A2,
# every process's /metrics parses as Prometheus text, the perf-counters and checkpoint commands answer, and an
# unknown remote command answers "unknown command '<name>'". Clears its onebox on exit, also when a check fails.
# Usage: [ONEBOX_BASE_PORT=35600] [ONEBOX_DIR=/tmp/ob] scripts/check-onebox-ops.sh
#   ONEBOX_BASE_PORT  the onebox's --base-port (default 34600: meta servers on 34601..34603, replicas on 34801..34803)
#   ONEBOX_DIR        the onebox's --dir (default: the launcher's, ./onebox)
# Needs curl and python3 (installs curl with apt-get when it is missing). Takes about a minute once Enif is built.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if ! command -v curl >/dev/null; then
  echo "installing curl" >&2
  { apt-get update -qq && apt-get install -y -qq curl; } >/dev/null 2>&1 || { echo "FAILED: curl is needed" >&2; exit 1; }
fi
command -v python3 >/dev/null || { echo "FAILED: python3 is needed" >&2; exit 1; }
base="${ONEBOX_BASE_PORT:-34600}"
dir="${ONEBOX_DIR:-$root/onebox}"
dir_args=()
[[ -n "${ONEBOX_DIR:-}" ]] && dir_args=(--dir "$ONEBOX_DIR")
metas=("127.0.0.1:$((base + 1))" "127.0.0.1:$((base + 2))" "127.0.0.1:$((base + 3))")
replicas=("127.0.0.1:$((base + 201))" "127.0.0.1:$((base + 202))" "127.0.0.1:$((base + 203))")
cluster="$(IFS=,; echo "${metas[*]}")"
work="$(mktemp -d)"
trap './enif onebox clear "${dir_args[@]}" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

failures=0
fail() { echo "  FAILED: $*" >&2; return 1; }
check() { # check <name> <function>: runs one acceptance check, counts a failure and goes on
  local name="$1"; shift
  if "$@"; then echo "ok    $name"; else echo "FAIL  $name" >&2; failures=$((failures + 1)); fi
}
http() { curl -s --max-time 10 "http://$1$2"; }
http_code() { curl -s -o /dev/null --max-time 10 -w '%{http_code}' "http://$1$2"; }
shell() { ./enif shell --cluster "$cluster" -e "$1" 2>&1 || true; }
has() { # has <text> <word>...: every word occurs in the text
  local text="$1"; shift
  for w in "$@"; do grep -qF -- "$w" <<<"$text" || { fail "no '$w' in: $(head -c 600 <<<"$text")"; return 1; }; done
}
count() { grep -oF -- "$2" <<<"$1" | wc -l | tr -d ' '; }
field() { grep -o "\"$2\":\"[^\"]*\"" <<<"$1" | head -1 | sed 's/.*:"\(.*\)"/\1/'; }
ini_value() { # ini_value <process dir> <key>: the key's value in that process's config.ini, or nothing
  sed -n "s/^[[:space:]]*$2[[:space:]]*=[[:space:]]*//p" "$dir/$1/config.ini" | tail -1
}
calls() { grep '^CALL ' <<<"$1" || true; } # the CALL lines of remote_command's output, in order

started=$(date +%s)
./enif onebox start -w --base-port "$base" "${dir_args[@]}" > "$work/start.log" 2>&1 \
  || { cat "$work/start.log"; echo "FAILED: the onebox did not start" >&2; exit 1; }
echo "onebox up in $(( $(date +%s) - started )) s"
leader="$(field "$(curl -sL --max-time 10 "http://${metas[0]}/meta/cluster")" primary_meta_server)"
[[ -n "$leader" ]] || { echo "FAILED: no meta leader" >&2; exit 1; }
app_id="$(field "$(http "$leader" "/meta/app?name=temp")" app_id)"

cfg_a1() {
  local want body
  want="$(ini_value meta1 fd_grace_seconds)"; want="${want:-22}"
  body="$(http "${metas[0]}" "/config?name=fd_grace_seconds")"
  has "$body" '"section":"replication"' '"type":"FV_INT32"' "\"value\":\"$want\""
}

cfg_a2_update() { # the restart half runs last (cfg_a2_restart)
  local r="${replicas[2]}"
  [[ "$(http "$r" "/updateConfig?gc_disk_garbage_replica_interval_seconds=60")" == '{"update_status":"ERR_OK"}' ]] \
    || { fail "updateConfig refused"; return 1; }
  has "$(http "$r" "/config?name=gc_disk_garbage_replica_interval_seconds")" '"value":"60"' 'flag_tag::FT_MUTABLE'
}

cfg_a3() {
  local want="${1:-}" body
  want="$(ini_value meta1 fd_grace_seconds)"; want="${want:-22}"
  body="$(http "${metas[0]}" "/updateConfig?fd_grace_seconds=5")"
  [[ "$body" == '{"update_status":"ERR_INVALID_PARAMETERS'* ]] || { fail "non-mutable key: $body"; return 1; }
  has "$(http "${metas[0]}" "/config?name=fd_grace_seconds")" "\"value\":\"$want\"" || return 1
  has "$(http "${metas[0]}" "/updateConfig?a=1&b=2")" "exactly one"
}

cfg_a4() {
  local out server_list
  server_list="$(ini_value meta1 server_list)"
  out="$(shell "remote_command -l ${metas[0]} config-dump")"
  has "$out" "[meta_server]" "server_list = $server_list" || return 1
  out="$(shell "remote_command -l ${metas[0]} config-dump $work/dump.ini")"
  has "$out" "succeed" || return 1
  [[ -f "$work/dump.ini" ]] || { fail "config-dump wrote no $work/dump.ini"; return 1; }
  has "$(cat "$work/dump.ini")" "[meta_server]" "server_list = $server_list"
}

http_a1() {
  local m headers followed n=0
  for m in "${metas[@]}"; do
    [[ "$m" == "$leader" ]] && continue
    n=$((n + 1))
    headers="$(curl -si --max-time 10 "http://$m/meta/cluster" | tr -d '\r')"
    grep -qE '^HTTP/1\.[01] 307' <<<"$headers" || { fail "standby $m: $(head -1 <<<"$headers")"; return 1; }
    grep -qiF "location: http://$leader/meta/cluster" <<<"$headers" || { fail "standby $m: no Location of $leader"; return 1; }
    followed="$(curl -sL --max-time 10 "http://$m/meta/cluster")"
    [[ "$(field "$followed" primary_meta_server)" == "$leader" ]] || { fail "followed from $m: $followed"; return 1; }
  done
  [[ $n -eq 2 ]] || fail "expected 2 standbys, found $n"
}

http_a2() { # /meta/nodes?detail and the shell's nodes -d agree on every count of every node
  local text from_text from_http
  text="$(shell "nodes -d")"
  from_text="$(awk '/^[0-9.]+:[0-9]+ +(ALIVE|UNALIVE)/ {print $1, $2, $3, $4, $5}' <<<"$text" | sort)"
  from_http="$(http "$leader" "/meta/nodes?detail" | python3 -c '
import json, sys
for address, node in json.load(sys.stdin)["details"].items():
    print(address, node["status"], node["replica_count"], node["primary_count"], node["secondary_count"])
' | sort)"
  [[ -n "$from_text" && "$from_text" == "$from_http" ]] || { fail "nodes -d: $from_text / http: $from_http"; return 1; }
}

http_a3() {
  local body
  body="$(http "$leader" "/meta/app?name=temp&detail")"
  [[ "$(count "$body" '"pidx":')" == 8 ]] || { fail "not 8 replicas rows: $body"; return 1; }
  [[ "$(count "$body" '"replica_count":"3/3"')" == 8 ]] || { fail "not 8 × 3/3: $body"; return 1; }
  has "$body" '"fully_healthy_partition_count":"8"' || return 1
  [[ "$(http_code "$leader" "/meta/app?name=nope")" == 404 ]] || fail "/meta/app?name=nope is not 404"
}

start_time_of() { # start_time_of <node>: /recentStartTime and server_info's start_time, both
  local rst info
  rst="$(field "$(http "$1" /recentStartTime)" RecentStartTime)"
  info="$(shell "server_info -l $1")"
  echo "$rst|$(grep -o '"start_time":"[^"]*"' <<<"$info" | head -1 | sed 's/.*:"\(.*\)"/\1/')"
}

http_a4_versions() {
  local n versions=""
  for n in "${metas[@]}" "${replicas[@]}"; do
    versions+="$(field "$(http "$n" /version)" Version)"$'\n'
  done
  [[ "$(sort -u <<<"$versions" | grep -c .)" == 1 ]] || { fail "versions differ: $versions"; return 1; }
  local times
  times="$(start_time_of "${replicas[2]}")"
  [[ -n "${times%%|*}" && "${times%%|*}" == "${times##*|}" ]] || fail "recentStartTime|server_info: $times"
}

rc_a1_value=""
rc_a1() {
  local out
  out="$(shell "remote_command -t meta-server meta.lb.assign_delay_ms")"
  [[ "$(calls "$out" | grep -cE 'succeed: \{"error":"ok","meta.lb.assign_delay_ms":"[0-9]+"\}')" == 1 ]] \
    || { fail "not one leader value: $out"; return 1; }
  [[ "$(count "$out" "succeed: unknown command 'meta.lb.assign_delay_ms'")" == 2 ]] || { fail "$out"; return 1; }
  has "$out" "Succeed count: 3" || return 1
  rc_a1_value="$(grep -o '"meta.lb.assign_delay_ms":"[0-9]*"' <<<"$out" | sed 's/.*:"\(.*\)"/\1/')"
}

rc_a2() {
  local c="remote_command -l $leader meta.lb.assign_delay_ms" out lines
  out="$(shell "$c 10; $c; $c abc; $c; $c DEFAULT; $c")"
  mapfile -t lines < <(calls "$out")
  [[ ${#lines[@]} -eq 6 ]] || { fail "expected 6 CALL lines: $out"; return 1; }
  has "${lines[0]}" '{"error":"ok"}' && has "${lines[1]}" '"meta.lb.assign_delay_ms":"10"' \
    && has "${lines[2]}" '"error":"ERR: ' && has "${lines[3]}" '"meta.lb.assign_delay_ms":"10"' \
    && has "${lines[4]}" '{"error":"ok"}' && has "${lines[5]}" "\"meta.lb.assign_delay_ms\":\"${rc_a1_value:-300000}\""
}

partition0() { grep -o '"replicas":{"0":{[^}]*}' <<<"$(http "$leader" "/meta/app?name=temp&detail")" || true; }

rc_a3() {
  local target="${replicas[1]}" i script="use temp" out p0 ballot0 ballot seen_gone=0 deadline
  for i in $(seq 1 16); do script+="; set rc_a3_$i s v$i"; done
  out="$(shell "$script")"
  [[ "$(count "$out" "OK")" -ge 16 ]] || { fail "writes: $out"; return 1; }
  # the meta server notices the closed replica at the replica server's next config sync: make that 1 s now
  [[ "$(http "$target" "/updateConfig?config_sync_interval_ms=1000")" == '{"update_status":"ERR_OK"}' ]] \
    || { fail "config_sync_interval_ms is not mutable"; return 1; }
  ballot0="$(field "$(partition0)" ballot)"
  out="$(shell "remote_command -l $target replica.kill_partition $app_id 0")"
  has "$out" "succeed: ERR_OK" || return 1
  deadline=$(( $(date +%s) + 60 ))
  while (( $(date +%s) < deadline )); do
    p0="$(partition0)"
    grep -qF "$target" <<<"$p0" || seen_gone=1
    ballot="$(field "$p0" ballot)"
    if [[ -n "$ballot" ]] && (( ballot > ballot0 )) && grep -qF '"replica_count":"3/3"' <<<"$p0" \
        && grep -qF "$target" <<<"$p0"; then
      break
    fi
    sleep 0.2
  done
  grep -qF '"replica_count":"3/3"' <<<"$p0" && (( ballot > ballot0 )) || { fail "not rebuilt in 60 s: $p0"; return 1; }
  # removed and added back: seen without the node, or two ballot steps (remove, then add)
  (( seen_gone == 1 || ballot >= ballot0 + 2 )) || { fail "the replica was not removed: ballot $ballot0 -> $ballot"; return 1; }
  script="use temp"
  for i in $(seq 1 16); do script+="; get rc_a3_$i s"; done
  out="$(shell "$script")"
  for i in $(seq 1 16); do has "$out" "\"v$i\"" || return 1; done
  http "$target" "/updateConfig?config_sync_interval_ms=30000" >/dev/null
}

sh_a1() {
  local out
  out="$(shell "nodes -d; app temp -d")"
  [[ "$(awk '/^[0-9.]+:[0-9]+ +ALIVE/ {r += $3; p += $4} END {print r, p}' <<<"$out")" == "24 8" ]] \
    || { fail "nodes -d sums: $out"; return 1; }
  grep -qE '^total +8 +16 +24 *$' <<<"$out" || fail "app temp -d total row: $out"
}

json_ok() { # json_ok <text>: parses as JSON (python3 when present, else a bracket and string balance check)
  if command -v python3 >/dev/null; then
    python3 -c 'import json,sys; json.loads(sys.stdin.read())' <<<"$1"
  else
    awk 'BEGIN {RS = "\0"} {
      s = $0; gsub(/\\./, "", s); gsub(/"[^"]*"/, "\"\"", s)
      d = 0; for (i = 1; i <= length(s); i++) { c = substr(s, i, 1)
        if (c == "{" || c == "[") d++; else if (c == "}" || c == "]") { d--; if (d < 0) exit 1 } }
      exit (d != 0 || s !~ /^[[:space:]]*[{[]/) }' <<<"$1"
  fi
}

sh_a2() {
  local text json from_text from_json
  text="$(shell "nodes -d")"
  json="$(shell "nodes -d -j" | grep '^{')"
  json_ok "$json" || { fail "nodes -d -j is not JSON: $json"; return 1; }
  from_text="$(awk '/^[0-9.]+:[0-9]+ +(ALIVE|UNALIVE)/ {print $1, $3, $4, $5}' <<<"$text" | sort)"
  from_json="$(grep -o '{"address":"[^"]*","status":"[A-Z]*","replica_count":[0-9]*,"primary_count":[0-9]*,"secondary_count":[0-9]*}' <<<"$json" \
    | sed 's/{"address":"\([^"]*\)","status":"[A-Z]*","replica_count":\([0-9]*\),"primary_count":\([0-9]*\),"secondary_count":\([0-9]*\)}/\1 \2 \3 \4/' | sort)"
  [[ -n "$from_text" && "$from_text" == "$from_json" ]] || { fail "text: $from_text / json: $from_json"; return 1; }
}

prometheus() {
  local n body bad name='[a-zA-Z_:][a-zA-Z0-9_:]*' label='[a-zA-Z_][a-zA-Z0-9_]*="([^"\\]|\\.)*"'
  local sample="^$name(\\{($label(,$label)*,?)?\\})? (-?[0-9.]+([eE][-+]?[0-9]+)?|[-+]?Inf|NaN)( -?[0-9]+)?\$"
  local comment="^# (HELP $name .*|TYPE $name (counter|gauge|summary|histogram|untyped))\$"
  for n in "${metas[@]}" "${replicas[@]}"; do
    body="$(http "$n" /metrics)"
    [[ "$(grep -cE "$sample" <<<"$body")" -gt 10 ]] || { fail "$n: too few samples"; return 1; }
    bad="$(grep -vE "$sample" <<<"$body" | grep -vE "$comment" | grep -v '^$' || true)"
    [[ -z "$bad" ]] || { fail "$n: lines that are not Prometheus text: $(head -3 <<<"$bad")"; return 1; }
    grep -qE '^[a-z_]+\{[^}]*cluster="' <<<"$body" || { fail "$n: no cluster label"; return 1; }
  done
}

unknown_command() {
  local out
  out="$(shell "remote_command -l ${replicas[0]},${metas[0]} no.such.command")"
  [[ "$(count "$out" "succeed: unknown command 'no.such.command'")" == 2 ]] || fail "$out"
}

perf_counters_and_checkpoints() {
  local r="${replicas[0]}" out
  out="$(shell "remote_command -l $r perf-counters-by-substr get_requests; remote_command -l $r perf-counters 'get_('")"
  has "$out" '"result":"OK"' 'replica*replica*get_requests@' '"result":"ERROR: invalid filter: get_("' || return 1
  out="$(shell "remote_command -l $r replica.trigger-checkpoint $app_id; remote_command -l $r replica.query-compact $app_id.0,x")"
  has "$out" "8 processed, 0 not found" " : triggered" "succeed: invalid arguments"
}

cfg_a2_restart() { # CFG-A2's restart, with HTTP-A4's "a restarted node's start time changes"
  local r="${replicas[2]}" before after want deadline
  before="$(start_time_of "$r")"
  ./enif onebox restart-instance -r 3 -s 1 "${dir_args[@]}" >/dev/null || { fail "restart-instance failed"; return 1; }
  deadline=$(( $(date +%s) + 30 ))
  until [[ -n "$(http "$r" /version)" ]] || (( $(date +%s) >= deadline )); do sleep 0.2; done
  want="$(ini_value replica3 gc_disk_garbage_replica_interval_seconds)"; want="${want:-86400}"
  has "$(http "$r" "/config?name=gc_disk_garbage_replica_interval_seconds")" "\"value\":\"$want\"" || return 1
  after="$(start_time_of "$r")"
  [[ "${after%%|*}" != "${before%%|*}" && "${after%%|*}" == "${after##*|}" ]] \
    || fail "start times before $before, after $after"
}

check "SH-A1 nodes -d and app temp -d counts" sh_a1
check "SH-A2 nodes -d -j is JSON with the text's numbers" sh_a2
check "CFG-A1 /config of fd_grace_seconds" cfg_a1
check "CFG-A2 /updateConfig of a mutable key" cfg_a2_update
check "CFG-A3 a non-mutable key and two keys are refused" cfg_a3
check "CFG-A4 config-dump, and to a file" cfg_a4
check "HTTP-A1 standbys answer 307 to the leader" http_a1
check "HTTP-A2 /meta/nodes?detail agrees with nodes -d" http_a2
check "HTTP-A3 /meta/app detail and 404" http_a3
check "HTTP-A4 one version; recentStartTime = server_info" http_a4_versions
check "RC-A1 meta.lb.assign_delay_ms on the leader only" rc_a1
check "RC-A2 set, bad value, DEFAULT" rc_a2
check "unknown command '<name>'" unknown_command
check "/metrics of every process is Prometheus text" prometheus
check "perf-counters*, trigger-checkpoint, query-compact" perf_counters_and_checkpoints
check "RC-A3 replica.kill_partition, rebuilt with its data" rc_a3
check "CFG-A2/HTTP-A4 after a restart" cfg_a2_restart

if [[ $failures -ne 0 ]]; then
  echo "onebox ops checks: $failures FAILED (base port $base)" >&2
  exit 1
fi
echo "onebox ops checks: OK in $(( $(date +%s) - started )) s (base port $base)"
