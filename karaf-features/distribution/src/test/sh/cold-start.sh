#!/usr/bin/env bash
#
# Cold start of the distribution, without network: unpacks the archive into a fresh
# folder, runs bin/start inside a network namespace that has only the loopback
# interface (unshare -n, needs root) and with an empty HOME (no ~/.m2 to fall back
# on), and reports the seconds from bin/start until GET /api/v1/health answers 200.
# Then bin/stop, and the folder is removed unless KEEP=1.
#
#   karaf-features/distribution/src/test/sh/cold-start.sh \
#       karaf-features/distribution/target/zorgtafel-0.1.0-SNAPSHOT.tar.gz [timeout-seconds]
#
set -euo pipefail

if [[ "${ZT_IN_NETNS:-}" != 1 ]]; then
  exec unshare -n env ZT_IN_NETNS=1 bash -c 'ip link set lo up && exec "$0" "$@"' "$0" "$@"
fi

archive=$(realpath "$1")
timeout=${2:-120}
work=$(mktemp -d /tmp/zorgtafel-cold.XXXXXX)
mkdir "$work/home"
tar xzf "$archive" -C "$work"
karaf_home=$(find "$work" -mindepth 1 -maxdepth 1 -type d -name 'zorgtafel-*')
port=$(sed -n 's/^org\.osgi\.service\.http\.port *= *//p' "$karaf_home/etc/org.ops4j.pax.web.cfg")
url="http://127.0.0.1:${port}/api/v1/health"

cleanup() {
  HOME="$work/home" "$karaf_home/bin/stop" >/dev/null 2>&1 || true
  if [[ "${KEEP:-}" != 1 ]]; then rm -rf "$work"; else echo "kept: $karaf_home"; fi
}
trap cleanup EXIT

started=$(date +%s%N)
HOME="$work/home" "$karaf_home/bin/start"
until curl -fsS -o /dev/null "$url" 2>/dev/null; do
  if (( ($(date +%s%N) - started) / 1000000000 > timeout )); then
    echo "no answer from $url after ${timeout}s; last log lines:" >&2
    tail -n 40 "$karaf_home/data/log/karaf.log" >&2 || true
    exit 1
  fi
  sleep 0.1
done
elapsed_ms=$(( ($(date +%s%N) - started) / 1000000 ))
printf 'health answered %s after %d.%03d s (bin/start to HTTP 200, no network)\n' \
  "$(curl -fsS "$url")" $((elapsed_ms / 1000)) $((elapsed_ms % 1000))
