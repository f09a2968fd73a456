package dev.ben.config;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP ingest endpoint of the sidecar, and the limits that protect it; {@code socket} is the
 * framed socket sidecar, which shares the line limit and the offer timeout. {@code trustedProxies}
 * are the peers whose {@code X-Forwarded-For} is believed about a beacon's client address; {@code
 * connections} bound what clients may hold of the listener before they are served; {@code
 * invokeQueue} is how many invocations may wait to enter one pipeline.
 */
public record IngestSettings(
    Endpoint endpoint,
    long maxRequestBytes,
    int maxLineBytes,
    Duration offerTimeout,
    int invokeQueue,
    SocketSettings socket,
    List<Cidr> trustedProxies,
    ConnectionLimits connections) {

  public IngestSettings {
    trustedProxies = List.copyOf(trustedProxies);
  }

  /**
   * Reads {@code ben.ingest}; {@code askTimeout} is the node's ({@code ben.node.ask-timeout}), the
   * longest a batch waits for the pipeline directory.
   */
  public static IngestSettings fromConfig(Config root, Duration askTimeout) {
    ConfigReader reader = new ConfigReader(root, "ben.ingest");
    long maxRequest = reader.positiveBytes("max-request-bytes");
    int maxLine = reader.positiveInt("max-line-bytes");
    if (maxLine > maxRequest) {
      throw reader.invalid(
          "max-line-bytes", "must not exceed max-request-bytes (" + maxRequest + ")");
    }
    Duration offerTimeout = reader.positiveDuration("offer-timeout");
    SocketSettings socket = SocketSettings.fromConfig(root);
    // A session cannot send while its batch waits for the pipeline and for the directory, so a
    // shorter idle timeout would close sessions for the node's own slowness.
    if (socket.idleTimeout().compareTo(offerTimeout.plus(askTimeout)) <= 0) {
      throw new SettingsException(
          "ben.ingest.socket.idle-timeout",
          "must be longer than ben.ingest.offer-timeout ("
              + offerTimeout.toMillis()
              + " ms) plus ben.node.ask-timeout ("
              + askTimeout.toMillis()
              + " ms), got "
              + socket.idleTimeout().toMillis()
              + " ms");
    }
    List<Cidr> proxies = new ArrayList<>();
    for (String block : reader.stringList("trusted-proxies")) {
      proxies.add(
          Cidr.parse(block)
              .orElseThrow(
                  () ->
                      reader.invalid(
                          "trusted-proxies",
                          "`"
                              + block
                              + "` is not an address or address/prefix such as 10.0.0.0/8")));
    }
    return new IngestSettings(
        Endpoint.read(reader),
        maxRequest,
        maxLine,
        offerTimeout,
        reader.positiveInt("invoke-queue"),
        socket,
        proxies,
        ConnectionLimits.fromConfig(root, "ben.ingest"));
  }
}
