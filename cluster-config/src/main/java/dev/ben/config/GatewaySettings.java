package dev.ben.config;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.List;

/**
 * The bux gateway: web UI, ben_api, websocket push (the metrics topic every {@code
 * countersInterval}), /metrics and /health. {@code allowedOrigins} are the web origins besides the
 * gateway's own whose pages may open its websocket and log in, in {@link WebOrigin}'s canonical
 * form. A request body larger than {@code maxRequestBytes} is refused while it is read; {@code
 * connections} bound what clients may hold of the listener before they are served; {@code socket}
 * bounds what one websocket client may ask of it. ben_api's query of stored events spans at most
 * {@code queryMaxRange}, and its reads of the ledger, the cluster's sharding and the store each
 * wait up to {@code readTimeout}.
 */
public record GatewaySettings(
    Endpoint endpoint,
    Duration keepAlive,
    int clientBuffer,
    Duration countersInterval,
    List<String> allowedOrigins,
    int loginFailures,
    Duration loginFailureWindow,
    long maxRequestBytes,
    ConnectionLimits connections,
    Duration queryMaxRange,
    Duration readTimeout,
    WebSocketSettings socket) {

  public GatewaySettings {
    allowedOrigins = List.copyOf(allowedOrigins);
  }

  public static GatewaySettings fromConfig(Config root) {
    ConfigReader reader = new ConfigReader(root, "ben.gateway");
    return new GatewaySettings(
        Endpoint.read(reader),
        reader.positiveDuration("keep-alive"),
        reader.positiveInt("client-buffer"),
        reader.positiveDuration("counters-interval"),
        allowedOrigins(reader),
        reader.positiveInt("login-failures"),
        reader.positiveDuration("login-failure-window"),
        reader.positiveBytes("max-request-bytes"),
        ConnectionLimits.fromConfig(root, "ben.gateway"),
        reader.positiveDuration("query-max-range"),
        reader.positiveDuration("read-timeout"),
        WebSocketSettings.fromConfig(root, "ben.gateway"));
  }

  private static List<String> allowedOrigins(ConfigReader reader) {
    return reader.stringList("allowed-origins").stream()
        .map(
            origin ->
                WebOrigin.canonical(origin)
                    .orElseThrow(
                        () ->
                            reader.invalid(
                                "allowed-origins",
                                "`"
                                    + origin
                                    + "` is not a web origin such as https://bux.example.com"
                                    + " (scheme, host and optional port, no path)")))
        .distinct()
        .toList();
  }
}
