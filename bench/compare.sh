#!/usr/bin/env bash
# Side-by-side YCSB comparison: Enif (onebox, a replication-3 and a replication-1 table), Apache Cassandra (1 node RF1,
# 3 nodes RF3 with QUORUM), Redis (1 node, persistence off) and RocksDB (in-process), run one system after another,
# never at once, with the same YCSB client, workloads, record count, value size and thread count.
#
# It installs what it needs itself: builds Enif and the YCSB bindings with Maven, fetches cassandra-all from Maven
# Central with Maven, and installs Redis from Debian's packages with apt-get. Everything runs under --work (default
# /tmp/enif-compare) and is stopped and deleted at the end. The results table goes to <work>/results.md and to stdout;
# raw YCSB reports stay in <work>/raw/<system>__<workload>__r<rep>.txt. docs/benchmarks.md says how to read them.
#
#   bench/compare.sh                 # the full run: 100,000 records, 100,000 operations, 3 repetitions
#   bench/compare.sh --smoke         # proves the script end to end: 1,000 records, 1 repetition
#   bench/compare.sh --systems "enif-rf3 redis" --reps 5
#
# Options (defaults in brackets):
#   --records N [100000]    --operations N [100000]    --reps N [3]    --threads N [16]
#   --workloads "..." [load a b c]   --systems "..." [enif-rf3 enif-rf1 cassandra-rf1 cassandra-rf3 redis rocksdb]
#   --work DIR [/tmp/enif-compare]   --base-port N [39600]   --cassandra-version V [5.0.6]   --keep (keep <work>)
#   --profile   record JFR on Enif's replica servers during each Enif workload (<work>/profiles/*.jfr)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

records=100000
operations=100000
reps=3
threads=16
workloads="load a b c"
systems="enif-rf3 enif-rf1 cassandra-rf1 cassandra-rf3 redis rocksdb"
work="${TMPDIR:-/tmp}/enif-compare"
base_port=39600
cassandra_version=5.0.6
keep=0
profile=0

usage() { sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-2}"; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --smoke) records=1000; operations=1000; reps=1; threads=4; shift ;;
    --records) records="$2"; shift 2 ;;
    --operations) operations="$2"; shift 2 ;;
    --reps) reps="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --workloads) workloads="$2"; shift 2 ;;
    --systems) systems="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --base-port) base_port="$2"; shift 2 ;;
    --cassandra-version) cassandra_version="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    --profile) profile=1; shift ;;
    -h|--help) usage 0 ;;
    *) echo "ERROR: unknown option '$1'" >&2; usage 2 ;;
  esac
done

# Ports, all derived from the base port so that this run can sit beside other oneboxes.
meta_servers="127.0.0.1:$((base_port + 1)),127.0.0.1:$((base_port + 2)),127.0.0.1:$((base_port + 3))"
cassandra_native_port=$((base_port + 50))
cassandra_storage_port=$((base_port + 60))
redis_port=$((base_port + 70))

log() { echo "[compare $(date -u +%H:%M:%S)] $*" >&2; }
die() { echo "ERROR: $*" >&2; exit 1; }

mkdir -p "$work"
work="$(cd "$work" && pwd)"
raw="$work/raw"
rm -rf "$raw"
mkdir -p "$raw" "$work/logs"

# ---- processes this script started: stopped on exit, by pid ----
pids=()
onebox_started=0
cleanup() {
  local status=$?
  for pid in "${pids[@]+"${pids[@]}"}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]+"${pids[@]}"}"; do
    wait "$pid" 2>/dev/null || true
  done
  if [[ "$onebox_started" == 1 ]]; then
    "$root/enif" onebox clear --dir "$work/onebox" >/dev/null 2>&1 || true
  fi
  if [[ "$keep" == 0 ]]; then
    rm -rf "$work/onebox" "$work/cassandra-data" "$work/rocksdb"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Waits until host:port accepts connections, or fails after $3 seconds.
await_port() {
  local host="$1" port="$2" limit="$3" waited=0
  until (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; do
    ((waited++ < limit)) || return 1
    sleep 1
  done
}

# ---- build Enif and the bindings; write their class path ----
log "building Enif and the YCSB bindings (Maven)"
cp_file="$work/bench.classpath"
(cd "$root" && mvn -B -q -ntp package dependency:build-classpath -DskipTests -Dassembly.skipAssembly=true \
  -Dspotless.skip=true -Dmdep.includeScope=runtime -pl enif-bench -am -Dmdep.outputFile="$cp_file") \
  >"$work/logs/build.log" 2>&1 || { tail -30 "$work/logs/build.log" >&2; die "the build failed"; }
classpath="$root/enif-bench/target/classes:$(cat "$cp_file")"

# ---- the workloads: YCSB's core workloads, 1 KB values (one field of 1024 bytes), zipfian ----
mkdir -p "$work/workloads"
write_workload() {
  cat >"$work/workloads/$1" <<EOF
workload=site.ycsb.workloads.CoreWorkload
recordcount=$records
operationcount=$operations
fieldcount=1
fieldlength=1024
readallfields=true
writeallfields=true
requestdistribution=zipfian
readproportion=$2
updateproportion=$3
scanproportion=0
insertproportion=0
hdrhistogram.percentiles=50,99,99.9
EOF
}
write_workload load 0 0
write_workload a 0.5 0.5
write_workload b 0.95 0.05
write_workload c 1 0

# Runs one YCSB phase: ycsb <system> <workload> <rep> <binding class> [-p key=value ...]
ycsb() {
  local system="$1" workload="$2" rep="$3" binding="$4"
  shift 4
  local phase="-t"
  [[ "$workload" == load ]] && phase="-load"
  local out="$raw/${system}__${workload}__r${rep}.txt"
  log "$system rep $rep: workload $workload"
  local recording="${system}__${workload}__r${rep}"
  [[ "$profile" == 1 && "$system" == enif-* ]] && jfr_replicas start "$recording"
  if ! java -Xms1g -Xmx1g -cp "$classpath" site.ycsb.Client "$phase" -db "$binding" -threads "$threads" \
      -P "$work/workloads/$workload" "$@" >"$out" 2>"$work/logs/${system}__${workload}__r${rep}.err"; then
    tail -20 "$work/logs/${system}__${workload}__r${rep}.err" >&2
    die "YCSB failed on $system, workload $workload"
  fi
  [[ "$profile" == 1 && "$system" == enif-* ]] && jfr_replicas stop "$recording"
  grep -E '^\[OVERALL\], Throughput' "$out" | sed "s/^/  $system $workload: /" >&2
  if grep -E '^\[[A-Z]+\], Return=' "$out" | grep -qv 'Return=OK'; then
    log "WARNING: $system $workload had operations that did not return OK:"
    grep -E '^\[[A-Z]+\], Return=' "$out" | grep -v 'Return=OK' >&2
  fi
}

# JFR on every replica server of the onebox: jfr_replicas start|stop <recording name>
jfr_replicas() {
  local action="$1" name="$2" pid
  mkdir -p "$work/profiles"
  for pid in $("$root/enif" onebox list --dir "$work/onebox" | awk '$1 ~ /^replica@/ {print $3}'); do
    if [[ "$action" == start ]]; then
      jcmd "$pid" JFR.start name=compare settings=profile \
        filename="$work/profiles/${name}__replica-$pid.jfr" >/dev/null 2>&1 || log "WARNING: JFR did not start on $pid"
    else
      jcmd "$pid" JFR.stop name=compare >/dev/null 2>&1 || log "WARNING: JFR did not stop on $pid"
    fi
  done
  return 0
}

# Runs every workload, load first, for each repetition: run_system <system> <binding> <props for rep (function)>
run_workloads() {
  local system="$1" binding="$2" props_fn="$3"
  for rep in $(seq 1 "$reps"); do
    local props=()
    "$props_fn" "$rep"
    for workload in $workloads; do
      ycsb "$system" "$workload" "$rep" "$binding" "${props[@]}"
    done
  done
}

# ---- Enif: the onebox with its own ports and directory; one fresh table per repetition ----
enif_replicas=3
enif_props() {
  local table="ycsb_rf${enif_replicas}_r$1"
  # The previous repetition's table is dropped, so that its compactions do not run under this one.
  if (($1 > 1)); then
    "$root/enif" shell --cluster "$meta_servers" -e "drop ycsb_rf${enif_replicas}_r$(($1 - 1))" \
      >"$work/logs/drop-$table.log" 2>&1 || { cat "$work/logs/drop-$table.log" >&2; die "cannot drop the last table"; }
  fi
  "$root/enif" bench --meta "$meta_servers" --table "$table" --create-replicas "$enif_replicas" \
    --create-partitions 8 --create-only >"$work/logs/create-$table.log" 2>&1 \
    || { cat "$work/logs/create-$table.log" >&2; die "cannot create table $table"; }
  props=(-p "table=$table" -p "enif.meta_servers=$meta_servers" -p enif.timeout_ms=5000)
}
start_enif() {
  if [[ "$onebox_started" == 0 ]]; then
    log "starting the Enif onebox (base port $base_port) in $work/onebox"
    "$root/enif" onebox clear --dir "$work/onebox" >/dev/null 2>&1 || true
    "$root/enif" onebox start --dir "$work/onebox" --base-port "$base_port" -w --timeout 300 \
      --set replication.mutation_2pc_min_replica_count=0 >"$work/logs/onebox.log" 2>&1 \
      || { tail -20 "$work/logs/onebox.log" >&2; die "the onebox did not start"; }
    onebox_started=1
  fi
}
stop_enif() {
  if [[ "$onebox_started" == 1 ]]; then
    "$root/enif" onebox clear --dir "$work/onebox" >/dev/null 2>&1 || true
    onebox_started=0
  fi
}

# ---- Cassandra: cassandra-all from Maven Central, 1 GB heap per node, JDK 17 flags ----
cassandra_home="$work/cassandra-$cassandra_version"
fetch_cassandra() {
  [[ -f "$cassandra_home/.fetched" ]] && return 0
  log "fetching cassandra-all $cassandra_version and its dependencies from Maven Central"
  mkdir -p "$cassandra_home"
  cat >"$cassandra_home/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>io.enif.bench</groupId>
  <artifactId>cassandra-fetch</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.apache.cassandra</groupId>
      <artifactId>cassandra-all</artifactId>
      <version>$cassandra_version</version>
    </dependency>
  </dependencies>
</project>
EOF
  (cd "$cassandra_home" && mvn -B -q -ntp dependency:copy-dependencies -DoutputDirectory=lib -DincludeScope=runtime) \
    >"$work/logs/cassandra-fetch.log" 2>&1 || { tail -20 "$work/logs/cassandra-fetch.log" >&2; die "fetching Cassandra failed"; }
  touch "$cassandra_home/.fetched"
}

# The flags Cassandra 5.0 ships for JDK 17 (conf/jvm17-server.options) and a 1 GB heap.
cassandra_jvm_flags=(
  -Xms1g -Xmx1g -Xss256k -XX:+UseG1GC -XX:+ParallelRefProcEnabled -XX:MaxTenuringThreshold=1 -XX:G1HeapRegionSize=16m
  -XX:MaxGCPauseMillis=300 -XX:InitiatingHeapOccupancyPercent=70 -Djava.net.preferIPv4Stack=true
  -Djdk.attach.allowAttachSelf=true -Dio.netty.tryReflectionSetAccessible=true
  -Dio.netty.allocator.useCacheForAllThreads=true -Dio.netty.allocator.maxOrder=11
  --add-exports java.base/jdk.internal.misc=ALL-UNNAMED
  --add-exports java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED
  --add-exports java.rmi/sun.rmi.registry=ALL-UNNAMED --add-exports java.rmi/sun.rmi.server=ALL-UNNAMED
  --add-exports java.sql/java.sql=ALL-UNNAMED --add-exports java.base/java.lang.ref=ALL-UNNAMED
  --add-exports jdk.unsupported/sun.misc=ALL-UNNAMED --add-exports jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED
  --add-exports jdk.attach/sun.tools.attach=ALL-UNNAMED
  --add-opens java.base/java.lang.module=ALL-UNNAMED --add-opens java.base/jdk.internal.loader=ALL-UNNAMED
  --add-opens java.base/jdk.internal.ref=ALL-UNNAMED --add-opens java.base/jdk.internal.reflect=ALL-UNNAMED
  --add-opens java.base/jdk.internal.math=ALL-UNNAMED --add-opens java.base/jdk.internal.module=ALL-UNNAMED
  --add-opens java.base/jdk.internal.util.jar=ALL-UNNAMED
  --add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens java.base/java.io=ALL-UNNAMED --add-opens java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens jdk.compiler/com.sun.tools.javac=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED
  --add-opens java.base/java.util=ALL-UNNAMED
)

# Starts Cassandra node N (1..3) on 127.0.0.N and waits for its native port.
start_cassandra_node() {
  local n="$1" nodes="$2"
  local dir="$work/cassandra-data/node$n" ip="127.0.0.$n"
  mkdir -p "$dir"
  cat >"$dir/cassandra.yaml" <<EOF
cluster_name: enif-compare
num_tokens: 16
allocate_tokens_for_local_replication_factor: $nodes
partitioner: org.apache.cassandra.dht.Murmur3Partitioner
data_file_directories: [$dir/data]
commitlog_directory: $dir/commitlog
saved_caches_directory: $dir/saved_caches
hints_directory: $dir/hints
cdc_raw_directory: $dir/cdc_raw
commitlog_sync: periodic
commitlog_sync_period: 10000ms
seed_provider:
  - class_name: org.apache.cassandra.locator.SimpleSeedProvider
    parameters:
      - seeds: "127.0.0.1:$cassandra_storage_port"
listen_address: $ip
rpc_address: $ip
storage_port: $cassandra_storage_port
native_transport_port: $cassandra_native_port
start_native_transport: true
endpoint_snitch: SimpleSnitch
concurrent_reads: 32
concurrent_writes: 32
EOF
  cat >"$dir/logback.xml" <<EOF
<configuration>
  <appender name="FILE" class="ch.qos.logback.core.FileAppender">
    <file>$dir/system.log</file>
    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{20} - %msg%n</pattern></encoder>
  </appender>
  <root level="INFO"><appender-ref ref="FILE"/></root>
</configuration>
EOF
  log "starting Cassandra node $n on $ip:$cassandra_native_port"
  java "${cassandra_jvm_flags[@]}" -Dcassandra.config="file://$dir/cassandra.yaml" -Dcassandra.storagedir="$dir" \
    -Dlogback.configurationFile="$dir/logback.xml" -Dcassandra-foreground=yes -Dcassandra.ring_delay_ms=5000 \
    -Dcassandra.skip_wait_for_gossip_to_settle=0 -cp "$cassandra_home/lib/*" \
    org.apache.cassandra.service.CassandraDaemon >"$dir/stdout.log" 2>&1 &
  pids+=($!)
  await_port "$ip" "$cassandra_native_port" 300 \
    || { tail -30 "$dir/system.log" "$dir/stdout.log" >&2 || true; die "Cassandra node $n did not open its native port"; }
}
stop_cassandra() {
  for pid in "${pids[@]+"${pids[@]}"}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]+"${pids[@]}"}"; do wait "$pid" 2>/dev/null || true; done
  pids=()
  rm -rf "$work/cassandra-data"
}
cassandra_rf=1
cassandra_hosts=127.0.0.1
cassandra_props() {
  props=(-p "cassandra.hosts=$cassandra_hosts" -p "cassandra.port=$cassandra_native_port"
    -p "cassandra.keyspace=ycsb_r$1" -p "cassandra.replication_factor=$cassandra_rf"
    -p cassandra.consistency=QUORUM -p table=usertable)
}

# ---- Redis: Debian's package, one node, no RDB snapshots, no AOF ----
start_redis() {
  if ! command -v redis-server >/dev/null; then
    log "installing Redis from Debian's packages"
    local sudo=""
    [[ "$(id -u)" != 0 ]] && sudo=sudo
    $sudo apt-get update -qq >"$work/logs/apt.log" 2>&1 || true
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >>"$work/logs/apt.log" 2>&1 \
      || { tail -20 "$work/logs/apt.log" >&2; die "installing redis-server failed"; }
  fi
  mkdir -p "$work/redis"
  log "starting Redis on 127.0.0.1:$redis_port (persistence off)"
  redis-server --bind 127.0.0.1 --port "$redis_port" --save "" --appendonly no --dir "$work/redis" \
    --daemonize no >"$work/logs/redis.log" 2>&1 &
  pids+=($!)
  await_port 127.0.0.1 "$redis_port" 30 || die "Redis did not start"
}
redis_props() {
  redis-cli -p "$redis_port" flushall >/dev/null
  props=(-p redis.host=127.0.0.1 -p "redis.port=$redis_port")
}

# ---- RocksDB: in the YCSB process, a fresh directory per repetition ----
rocksdb_props() {
  rm -rf "$work/rocksdb"
  props=(-p "rocksdb.dir=$work/rocksdb/r$1")
}

load1="$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo 0)"
if awk -v l="$load1" 'BEGIN { exit !(l > 1.0) }'; then
  log "WARNING: the load average is $load1: the machine is not idle, so the figures will not be comparable"
fi
log "systems: $systems; workloads: $workloads; $records records, $operations operations, $threads threads, $reps reps"
for system in $systems; do
  case "$system" in
    enif-rf3|enif-rf1)
      start_enif
      enif_replicas="${system#enif-rf}"
      run_workloads "$system" io.enif.bench.ycsb.EnifBinding enif_props
      ;;
    cassandra-rf1|cassandra-rf3)
      stop_enif
      fetch_cassandra
      cassandra_rf="${system#cassandra-rf}"
      cassandra_hosts=127.0.0.1
      for n in $(seq 1 "$cassandra_rf"); do
        start_cassandra_node "$n" "$cassandra_rf"
        if ((n > 1)); then cassandra_hosts="$cassandra_hosts,127.0.0.$n"; fi
      done
      run_workloads "$system" io.enif.bench.ycsb.CassandraBinding cassandra_props
      stop_cassandra
      ;;
    redis)
      stop_enif
      start_redis
      run_workloads redis io.enif.bench.ycsb.RedisBinding redis_props
      for pid in "${pids[@]+"${pids[@]}"}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
      pids=()
      ;;
    rocksdb)
      stop_enif
      run_workloads rocksdb io.enif.bench.ycsb.RocksDbBinding rocksdb_props
      ;;
    *) die "unknown system '$system' (enif-rf3 enif-rf1 cassandra-rf1 cassandra-rf3 redis rocksdb)" ;;
  esac
done
stop_enif

{
  echo "Run: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(uptime | sed 's/.*load average/load average/')"
  echo "Settings: $records records, $operations operations per workload, $threads YCSB threads, $reps repetitions,"
  echo "1 field of 1024 bytes, zipfian; systems: $systems"
  echo
  java -cp "$classpath" io.enif.bench.ycsb.ResultTable "$raw"
} >"$work/results.md"
cat "$work/results.md"
log "results in $work/results.md; raw YCSB reports in $raw"
