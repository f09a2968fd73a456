package dev.ben.bux;

import dev.ben.bux.api.ClusterReads;
import dev.ben.bux.api.HealthReport;
import dev.ben.bux.api.LedgerReads;
import dev.ben.bux.api.StoredEvents;
import dev.ben.bux.socket.BundleReads;
import dev.ben.bux.socket.TopicPorts;
import dev.ben.streams.auth.CurrentUsers;
import dev.ben.streams.auth.IdentityStore;
import dev.ben.streams.auth.Tokens;
import dev.ben.streams.live.LiveHub;
import dev.ben.streams.metrics.MetricsRegistry;
import java.util.function.Supplier;

/**
 * What the hosting node lends the gateway: the live tap, the metrics registry, a health probe, the
 * cluster's users and token issuer for logging in to bux, the cluster's metrics history, what
 * ben_api reads (the ledger, the cluster, the stored events, the event log's queries), the
 * websocket's other topic sources, and the ledger's bundles for the test bench. The gateway reads
 * through these and nothing else, so it cannot reach into the runtime.
 */
public record GatewayPorts(
    LiveHub<String> live,
    MetricsRegistry metrics,
    Supplier<HealthReport> health,
    IdentityStore identities,
    Tokens tokens,
    CurrentUsers users,
    MetricsHistory history,
    LedgerReads ledger,
    ClusterReads cluster,
    StoredEvents events,
    TopicPorts topics,
    BundleReads bundles,
    EventLogQueries eventLog) {}
