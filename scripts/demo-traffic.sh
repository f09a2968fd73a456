#!/usr/bin/env bash
# Sample traffic for ./ben demo: steady login events from a few apps, and every 30 s a burst of failed
# logins from one user (the pattern the example contracts flag once they are deployed).
set -euo pipefail
INGEST="${1:?usage: demo-traffic.sh INGEST_URL}"
users=(ann bob cho dev eli fay)
countries=(NL DE FR US BR JP)
apps=(shop blog api)
tick=0
while true; do
  batch=""
  for _ in 1 2 3 4 5; do
    u=${users[RANDOM % ${#users[@]}]}
    c=${countries[RANDOM % ${#countries[@]}]}
    batch+="{\"ts\":$(date +%s),\"tenant\":\"acme\",\"user\":\"$u\",\"ip\":\"192.0.2.$((RANDOM % 250 + 1))\",\"country\":\"$c\",\"attempts\":$((RANDOM % 3))}"$'\n'
  done
  if (( tick % 30 == 29 )); then
    for _ in $(seq 1 40); do
      batch+="{\"ts\":$(date +%s),\"tenant\":\"acme\",\"user\":\"mallory\",\"ip\":\"203.0.113.66\",\"country\":\"KP\",\"attempts\":$((RANDOM % 40 + 10))}"$'\n'
    done
  fi
  app=${apps[RANDOM % ${#apps[@]}]}
  curl -sS -o /dev/null -XPOST "$INGEST/api/v1/events?pipeline=demo&app=$app" --data-binary "$batch" || true
  tick=$((tick + 1))
  sleep 1
done
