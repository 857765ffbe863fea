#!/usr/bin/env bash
# Runs the storage JMH benchmarks (Enif's partition store against raw RocksDB with the same options).
# Extra arguments go to JMH, e.g.: scripts/bench-storage.sh -p hashKeys=1000 -wi 1 -i 1
# Results: docs/benchmarks.md says how to read them.
set -euo pipefail
cd "$(dirname "$0")/.."
cp_file=enif-bench/target/classpath.txt
# One reactor run builds the modules and writes enif-bench's classpath (enif-bench is the last module written).
mvn -B -q -ntp package dependency:build-classpath -DskipTests -pl enif-bench -am -Dmdep.outputFile="$(pwd)/$cp_file"
classpath="enif-bench/target/classes:$(cat "$cp_file")"
exec java -cp "$classpath" org.openjdk.jmh.Main 'io.enif.bench.storage.StorageBenchmark' "$@"
