#!/usr/bin/env bash
# Sample traffic for ./ben demo. Every second: a few logins from several apps into pipeline `auth`, the page views of
# examples/web into `web`, and a line into the pass-through pipeline `demo`. Every 30 s: the attack burst of
# examples/auth (one account hammered from one address), which fires the lockout playbook and sends its signal to
# the app `shop`. Every 10 s, a login carrying an attachment, which the `scan_blob` rule routes to the Lucius scrub
# queue (see ben_lucius_queue_events on /metrics). The contracts decide what is flagged, redacted, dropped and signalled; this only sends events.
# Each app sends with its key: KEY_DIR/<app>.header holds its `Authorization: Bearer <key>` line (./ben demo makes
# them with `benctl apps create`), read by curl from the file so no key shows in the process list.
set -euo pipefail
INGEST="${1:?usage: demo-traffic.sh INGEST_URL KEY_DIR}"
KEYS="${2:?usage: demo-traffic.sh INGEST_URL KEY_DIR}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ATTACK="$ROOT/examples/auth/events/attack.ndjson"
BEACONS="$ROOT/examples/web/events/beacons.ndjson"
users=(ann bob cho dev eli fay)
countries=(NL DE FR US BR JP)
apps=(shop blog api)
tick=0
post() {
  curl -sS -o /dev/null -XPOST -H "@$KEYS/$2.header" -H 'Content-Type: application/x-ndjson' \
    "$INGEST/api/v1/events?pipeline=$1" --data-binary "$3" || true
}
while true; do
  now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  logins=""
  for _ in 1 2 3 4 5; do
    u=${users[RANDOM % ${#users[@]}]}
    c=${countries[RANDOM % ${#countries[@]}]}
    logins+="{\"ts\":\"$now\",\"tenant\":\"acme\",\"user\":\"$u\",\"ip\":\"198.51.100.$((RANDOM % 250 + 1))\",\"country\":\"$c\",\"attempts\":$((RANDOM % 3)),\"email\":\"$u@example.com\"}"$'\n'
  done
  post auth "${apps[RANDOM % ${#apps[@]}]}" "$logins"
  post web shop "@$BEACONS"
  post demo demo "{\"ts\":\"$now\",\"note\":\"pass-through\"}"
  if (( tick % 10 == 3 )); then
    post auth shop "{\"ts\":\"$now\",\"tenant\":\"acme\",\"user\":\"ann\",\"ip\":\"198.51.100.9\",\"attempts\":0,\"attachment\":\"invoice-$tick.pdf\"}"
  fi
  if (( tick % 30 == 5 )); then
    post auth shop "@$ATTACK"
  fi
  tick=$((tick + 1))
  sleep 1
done
