#!/usr/bin/env bash
# Runs every check and test: formatting (checked on CI, applied locally), the layering rules, and all tests.
set -euo pipefail
cd "$(dirname "$0")/.."
exec mvn -B -ntp verify "$@"
