package dev.ben.config;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * The bux websocket's bounds ({@code ben.gateway.socket}): how many subscriptions one socket may
 * hold and how long a client's subscription id may be; how large a client frame may be and how long
 * it may take to arrive; how many malformed frames a socket may send before it is closed; how many
 * items of each stream topic are held for resuming clients (and for slow ones, which skip to the
 * oldest held with a gap); and how many events, in how many bytes, one test-bench request may run.
 */
public record WebSocketSettings(
    int maxSubscriptions,
    int maxSubIdChars,
    long maxFrameBytes,
    Duration frameTimeout,
    int maxRefusedFrames,
    int streamRing,
    long testbenchMaxEventBytes,
    int testbenchMaxEvents) {

  static WebSocketSettings fromConfig(Config root, String gateway) {
    ConfigReader reader = new ConfigReader(root, gateway + ".socket");
    long maxFrameBytes = reader.positiveBytes("max-frame-bytes");
    long eventBytes = reader.positiveBytes("testbench-max-event-bytes");
    if (eventBytes > maxFrameBytes) {
      throw reader.invalid(
          "testbench-max-event-bytes",
          "must not exceed max-frame-bytes (" + maxFrameBytes + "), which carries the events");
    }
    return new WebSocketSettings(
        reader.positiveInt("max-subscriptions"),
        reader.positiveInt("max-sub-id-chars"),
        maxFrameBytes,
        reader.positiveDuration("frame-timeout"),
        reader.positiveInt("max-refused-frames"),
        reader.positiveInt("stream-ring"),
        eventBytes,
        reader.positiveInt("testbench-max-events"));
  }
}
