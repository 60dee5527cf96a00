#!/usr/bin/env bash
# Builds the platform (tests skipped), unpacks the distribution under target/ and starts it
# in the foreground on its embedded defaults: HTTP on 8181, Derby under its data/ folder.
#
#   ./run.sh           start; an earlier unpacked copy (and its data) is reused
#   ./run.sh --fresh   start from a newly unpacked distribution, without earlier data
set -euo pipefail
cd "$(dirname "$0")"

mvn -B -q -ntp install -DskipTests

archive=$(ls karaf-features/distribution/target/zorgtafel-*.tar.gz | head -1)
name=$(basename "$archive" .tar.gz)
home="target/$name"

if [[ "${1:-}" == "--fresh" ]]; then
  rm -rf "$home"
fi
if [[ ! -d "$home" ]]; then
  mkdir -p target
  tar -xzf "$archive" -C target
fi

echo "Starting $name from $home; health: http://localhost:8181/api/v1/health"
if [[ -t 0 ]]; then
  exec "$home/bin/karaf"
else
  exec "$home/bin/karaf" server
fi
