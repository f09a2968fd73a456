package dev.ben.tests.support;

import com.typesafe.config.ConfigFactory;
import dev.ben.config.ConnectorSettings;
import dev.ben.config.ConnectorSettings.ClickHouseSettings;
import dev.ben.config.ConnectorSettings.NatsSettings;
import dev.ben.config.ConnectorSettings.S3Settings;
import java.net.URI;
import java.util.Map;

/**
 * The real servers `./ben test` starts ({@code scripts/servers.sh start}). An integration test that
 * needs one and does not find it fails, saying how to start them: a skipped real-server test would
 * look like a pass.
 */
public final class TestServers {

  private TestServers() {}

  public static URI natsUrl() {
    return URI.create(require("BEN_TEST_NATS_URL"));
  }

  /** The test server with the default timings of ben.connectors.nats. */
  public static NatsSettings nats() {
    return connectors(Map.of("nats.url", natsUrl().toString())).nats().orElseThrow();
  }

  public static ClickHouseSettings clickHouse(String database) {
    return clickHouseAt(clickHouseUrl(), database);
  }

  /** The test ClickHouse's HTTP address, for a node process's configuration. */
  public static URI clickHouseUrl() {
    return URI.create(require("BEN_TEST_CLICKHOUSE_URL"));
  }

  /** ClickHouse at {@code url} with the defaults of ben.connectors.clickhouse (user, timings). */
  public static ClickHouseSettings clickHouseAt(URI url, String database) {
    return connectors(Map.of("clickhouse.url", url.toString(), "clickhouse.database", database))
        .clickHouse()
        .orElseThrow();
  }

  public static S3Settings s3(String bucket) {
    return new S3Settings(
        URI.create(require("BEN_TEST_S3_ENDPOINT")),
        require("BEN_TEST_S3_ACCESS_KEY"),
        require("BEN_TEST_S3_SECRET_KEY"),
        "us-east-1",
        bucket);
  }

  private static ConnectorSettings connectors(Map<String, String> overrides) {
    return ConnectorSettings.fromConfig(
        ConfigFactory.parseMap(overrides)
            .atPath("ben.connectors")
            .withFallback(ConfigFactory.defaultReference())
            .resolve());
  }

  /** A name unique to this test run, so reruns against long-lived servers never collide. */
  public static String unique(String base) {
    return base + "_" + Long.toString(System.nanoTime(), 36);
  }

  private static String require(String variable) {
    String value = System.getenv(variable);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          variable
              + " is not set: run `scripts/servers.sh start && source "
              + ".ben-test/servers.env` first, or run everything with `./ben test`");
    }
    return value;
  }
}
