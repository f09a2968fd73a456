package dev.ben.config;

import com.typesafe.config.Config;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * External servers Ben may use. Each is off (empty) unless its URL is configured, in which case the
 * embedded default is replaced: in-JVM notifications for NATS, the embedded store for ClickHouse, a
 * local folder for S3.
 */
public record ConnectorSettings(
    Optional<NatsSettings> nats,
    Optional<ClickHouseSettings> clickHouse,
    Optional<S3Settings> s3,
    EmbeddedSettings embedded) {

  /**
   * NATS with JetStream, KV and Object Store. {@code namespace} prefixes every subject, stream and
   * consumer Ben uses, so several clusters (or test runs) can share one server without hearing each
   * other. {@code connectionTimeout} bounds connecting, {@code flushTimeout} the wait for the
   * server to confirm a subscription, and {@code fetchWait} one pull of a durable consumer.
   */
  public record NatsSettings(
      URI url,
      String namespace,
      Duration connectionTimeout,
      Duration flushTimeout,
      Duration fetchWait) {}

  /**
   * ClickHouse over HTTP; {@code connectTimeout} bounds opening a connection, {@code
   * requestTimeout} one statement or insert.
   */
  public record ClickHouseSettings(
      URI url,
      String user,
      String password,
      String database,
      Duration connectTimeout,
      Duration requestTimeout) {}

  /**
   * The embedded store (DuckDB), used when no ClickHouse is configured: {@code
   * checkpointThresholdBytes} of write-ahead log make DuckDB write its tables back into the file;
   * up to {@code writers} connections append one large batch at once.
   */
  public record EmbeddedSettings(long checkpointThresholdBytes, int writers) {}

  /** An S3-compatible object store (MinIO, s3proxy, AWS). */
  public record S3Settings(
      URI endpoint, String accessKey, String secretKey, String region, String bucket) {}

  public static ConnectorSettings fromConfig(Config root) {
    ConfigReader nats = new ConfigReader(root, "ben.connectors.nats");
    ConfigReader ch = new ConfigReader(root, "ben.connectors.clickhouse");
    ConfigReader s3 = new ConfigReader(root, "ben.connectors.s3");
    ConfigReader embedded = new ConfigReader(root, "ben.connectors.embedded");
    // Timings are read whether or not a server is configured, so a bad one is refused at once.
    Duration natsConnect = nats.positiveDuration("connection-timeout");
    Duration natsFlush = nats.positiveDuration("flush-timeout");
    Duration natsFetch = nats.positiveDuration("fetch-wait");
    Duration chConnect = ch.positiveDuration("connect-timeout");
    Duration chRequest = ch.positiveDuration("request-timeout");
    return new ConnectorSettings(
        optionalUri(nats, "url", "nats")
            .map(url -> new NatsSettings(url, namespace(nats), natsConnect, natsFlush, natsFetch)),
        optionalUri(ch, "url", "http", "https")
            .map(
                url ->
                    new ClickHouseSettings(
                        url,
                        ch.string("user"),
                        ch.string("password"),
                        identifier(ch, "database"),
                        chConnect,
                        chRequest)),
        optionalUri(s3, "endpoint", "http", "https")
            .map(
                url ->
                    new S3Settings(
                        url,
                        s3.string("access-key"),
                        s3.string("secret-key"),
                        s3.string("region"),
                        bucket(s3))),
        new EmbeddedSettings(
            embedded.positiveBytes("checkpoint-threshold"), embedded.positiveInt("writers")));
  }

  private static Optional<URI> optionalUri(ConfigReader reader, String key, String... schemes) {
    String text = reader.string(key).trim();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = URI.create(text);
    } catch (IllegalArgumentException e) {
      throw reader.invalid(key, "`" + text + "` is not a URL: " + e.getMessage());
    }
    for (String scheme : schemes) {
      if (scheme.equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null) {
        return Optional.of(uri);
      }
    }
    throw reader.invalid(
        key, "`" + text + "` must be a " + String.join(" or ", schemes) + "://host:port URL");
  }

  private static String namespace(ConfigReader reader) {
    String value = reader.string("namespace");
    if (!value.matches("[A-Za-z0-9_-]{1,32}")) {
      throw reader.invalid(
          "namespace",
          "`"
              + value
              + "` must be 1-32 letters, digits, _ or - (it names NATS subjects"
              + " and streams)");
    }
    return value;
  }

  private static String identifier(ConfigReader reader, String key) {
    String value = reader.string(key);
    if (!value.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw reader.invalid(
          key,
          "`" + value + "` must be letters, digits and underscores, not starting with a digit");
    }
    return value;
  }

  private static String bucket(ConfigReader reader) {
    String value = reader.string("bucket");
    if (!value.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
      throw reader.invalid(
          "bucket",
          "`"
              + value
              + "` is not a valid S3 bucket name (3-63 lower-case letters, digits, . and -)");
    }
    return value;
  }
}
