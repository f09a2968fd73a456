package dev.ben.config;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * The HTTP ingest endpoint of the sidecar, and the limits that protect it; {@code socket} is the framed socket
 * sidecar, which shares the line limit and the offer timeout.
 */
public record IngestSettings(Endpoint endpoint, long maxRequestBytes, int maxLineBytes, Duration offerTimeout,
    SocketSettings socket) {

  public static IngestSettings fromConfig(Config root) {
    ConfigReader reader = new ConfigReader(root, "ben.ingest");
    long maxRequest = reader.positiveBytes("max-request-bytes");
    int maxLine = reader.positiveInt("max-line-bytes");
    if (maxLine > maxRequest) {
      throw reader.invalid("max-line-bytes", "must not exceed max-request-bytes (" + maxRequest + ")");
    }
    return new IngestSettings(Endpoint.read(reader), maxRequest, maxLine, reader.positiveDuration("offer-timeout"),
        SocketSettings.fromConfig(root));
  }
}
