package dev.ben.config;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * Bounds of the interfaces that search the event log and draw lineage trees: how many events one
 * search or join reads at most ({@code maxScan}), how deep and how large a tree grows, and how long
 * ben_api waits for an answer.
 */
public record EventQuerySettings(
    int maxScan, int treeMaxDepth, int treeMaxNodes, Duration timeout) {

  public static EventQuerySettings fromConfig(Config root) {
    ConfigReader reader = new ConfigReader(root, "ben.eventlog.queries");
    return new EventQuerySettings(
        reader.positiveInt("max-scan"),
        reader.positiveInt("tree-max-depth"),
        reader.positiveInt("tree-max-nodes"),
        reader.positiveDuration("timeout"));
  }
}
