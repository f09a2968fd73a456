package dev.ben.config;

import com.typesafe.config.Config;
import java.nio.file.Path;

/** Everything a Ben node is configured with, read and validated once at start-up. */
public record BenSettings(
    Path home,
    NodeSettings node,
    IngestSettings ingest,
    GatewaySettings gateway,
    OpsSettings ops,
    FlowSettings flow,
    WalSettings wal,
    LedgerSettings ledger,
    ControlSettings control,
    AuthSettings auth,
    SpineSettings spine,
    DetectorSettings detector,
    ConnectorSettings connectors,
    StoreSettings store,
    SupervisionSettings supervision,
    OrchestratorSettings orchestrator,
    TlsSettings tls,
    ClusterTlsSettings clusterTls,
    HistorySettings history,
    EventLogSettings eventLog,
    EventQuerySettings eventQueries,
    EventArchiveSettings eventArchive,
    BacktestSettings backtest,
    ScreenSettings screen,
    AnalyticsSettings analytics) {

  /**
   * Reads and validates every {@code ben} setting of {@code root}, refusing keys reference.conf
   * does not define.
   */
  public static BenSettings fromConfig(Config root) {
    UnknownKeys.ofReference().check(root);
    ConfigReader reader = new ConfigReader(root, "ben");
    String home = reader.string("home");
    if (home.isBlank()) {
      throw reader.invalid("home", "must name a folder for Ben's local state");
    }
    NodeSettings node = NodeSettings.fromConfig(root);
    IngestSettings ingest = IngestSettings.fromConfig(root, node.askTimeout());
    GatewaySettings gateway = GatewaySettings.fromConfig(root);
    ControlSettings control = ControlSettings.fromConfig(root);
    OpsSettings ops = OpsSettings.fromConfig(root);
    TlsSettings tls = TlsSettings.fromConfig(root);
    ListenerExposure.check(tls, node, ingest, gateway, control, ops);
    return new BenSettings(
        Path.of(home),
        node,
        ingest,
        gateway,
        ops,
        FlowSettings.fromConfig(root),
        WalSettings.fromConfig(root, Path.of(home).resolve("data")),
        LedgerSettings.fromConfig(root),
        control,
        AuthSettings.fromConfig(root, Path.of(home)),
        SpineSettings.fromConfig(root, Path.of(home)),
        DetectorSettings.fromConfig(root),
        ConnectorSettings.fromConfig(root),
        StoreSettings.fromConfig(root),
        SupervisionSettings.fromConfig(root),
        OrchestratorSettings.fromConfig(root),
        tls,
        ClusterTlsSettings.fromConfig(root, Path.of(home)),
        HistorySettings.fromConfig(root),
        EventLogSettings.fromConfig(root),
        EventQuerySettings.fromConfig(root),
        EventArchiveSettings.fromConfig(root),
        BacktestSettings.fromConfig(root),
        ScreenSettings.fromConfig(root),
        AnalyticsSettings.fromConfig(root));
  }

  /** Durable local state: RocksDB, the embedded store, local blobs. */
  public Path dataDir() {
    return home.resolve("data");
  }

  /** Unix domain sockets of the Bee-Keeper and the sidecar lanes. */
  public Path runDir() {
    return home.resolve("run");
  }
}
