package dev.ben.streams.ledger;

import dev.ben.config.LedgerSettings;
import dev.ben.streams.nats.KvBuckets;
import dev.ben.streams.nats.KvChange;
import dev.ben.streams.nats.NatsClient;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The ledger in NATS (see docs/architecture.md, the ledger): headers, version records, state
 * changes and events in one JetStream KV bucket (headers under {@code pipelines.<id>}, which the
 * orchestrator watches), bundle bodies in an Object Store named by bundle id. All state is on the
 * server, so a new client (a new ledger incarnation after failover) sees everything; appends use
 * the KV's compare-and-set, so they are safe even with two writers.
 */
public final class NatsLedgerStore extends SpaceLedgerStore {

  private final KvBuckets kv;
  private final String bucket;

  private NatsLedgerStore(NatsClient nats, LedgerSettings settings) {
    super(new NatsSpace(nats, settings), settings);
    this.kv = nats.kv();
    this.bucket = settings.kvBucket();
  }

  /**
   * Creates the bucket and object store when missing. The client stays the caller's: closing this
   * leaves it open.
   */
  public static NatsLedgerStore open(NatsClient nats, LedgerSettings settings) {
    return new NatsLedgerStore(nats, settings);
  }

  @Override
  public HeaderWatch watchHeaders(Consumer<HeaderChange> listener) {
    HeaderWatch watch = new HeaderWatch(listener);
    AutoCloseable subscription =
        kv.watch(
            bucket,
            LedgerKeys.HEADERS + ">",
            new KvBuckets.Listener() {
              private boolean caughtUp;

              @Override
              public void change(KvChange change) {
                if (change.op() == KvChange.Op.DEL) {
                  // Before catching up, a DEL is the tombstone of a header deleted earlier: not
                  // part of the current state.
                  if (caughtUp) {
                    watch.deliver(HeaderChange.deleted(LedgerKeys.pipelineOf(change.key())));
                  }
                  return;
                }
                Optional<PipelineHeader> header = decode(change);
                if (header.isPresent()) {
                  watch.deliver(HeaderChange.put(header.get()));
                } else {
                  watch.skip();
                }
              }

              @Override
              public void caughtUp() {
                caughtUp = true;
                watch.deliver(HeaderChange.synced());
              }
            });
    watch.onClose(
        () -> {
          try {
            subscription.close();
          } catch (Exception e) {
            // The connection is going away anyway; nothing is left to stop.
          }
        });
    return watch;
  }

  private static Optional<PipelineHeader> decode(KvChange change) {
    try {
      return Optional.of(LedgerJson.read(change.value(), PipelineHeader.class, change.key()));
    } catch (IllegalStateException e) {
      return Optional.empty();
    }
  }
}
