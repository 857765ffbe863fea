#!/usr/bin/env bash
# Regenerates enif-proto/src/gen-java from the IDL in enif-proto/src/main/thrift.
#
# Needs the thrift compiler 0.17.0 (the version libthrift is pinned to): apt-get install thrift-compiler.
# base.thrift is never generated: its placeholder types are hand-written (io.enif.proto.base).
# The generated code is committed, so a build never needs the compiler.
set -euo pipefail
cd "$(dirname "$0")/.."
idl=enif-proto/src/main/thrift
out=enif-proto/src/gen-java

if ! command -v thrift >/dev/null; then
  echo "gen-thrift: the thrift compiler is not installed (apt-get install thrift-compiler)" >&2
  exit 2
fi
version=$(thrift --version | awk '{print $3}')
if [ "$version" != "0.17.0" ]; then
  echo "gen-thrift: thrift $version found; libthrift is pinned to 0.17.0, so the compiler must be 0.17.0" >&2
  exit 2
fi

rm -rf "$out"
mkdir -p "$out"
for f in "$idl"/*.thrift; do
  [ "$(basename "$f")" = base.thrift ] && continue
  thrift --gen java:generated_annotations=suppress -out "$out" "$f"
done
echo "gen-thrift: generated $(find "$out" -name '*.java' | wc -l) files in $out"
