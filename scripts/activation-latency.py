#!/usr/bin/env python3
"""Activation latency (deploy -> activated) of every activation in a pipeline's history.

Usage: bin/benctl status PIPELINE --history -o json | scripts/activation-latency.py
Reads the ledger's own event times, so benctl's start-up is not counted.
"""
import datetime
import json
import statistics
import sys


def millis(event):
    return datetime.datetime.fromisoformat(event["time"].replace("Z", "+00:00")).timestamp() * 1000


def main():
    status = json.load(sys.stdin)
    started, latencies = {}, []
    for event in status["history"]:
        if event["type"] in ("deploy", "rollback"):
            started[event["version"]] = millis(event)
        elif event["type"] == "activated" and event["version"] in started:
            latencies.append(round(millis(event) - started.pop(event["version"])))
    if not latencies:
        sys.exit("no completed activation in the history of " + status["pipeline"])
    print(f"{status['pipeline']}: {len(latencies)} activations, deploy->active ms: min {min(latencies)}, "
          f"median {statistics.median(latencies):.0f}, max {max(latencies)} (all: {latencies})")


if __name__ == "__main__":
    main()
