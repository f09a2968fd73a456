package dev.ben.actors.ledger;

import dev.ben.actors.ledger.LedgerRefusal.Kind;
import dev.ben.streams.access.ArtifactKey;
import dev.ben.streams.access.StoreAccess;
import dev.ben.streams.access.StoreAccessException;
import dev.ben.streams.ledger.LedgerStore;
import dev.ben.streams.ledger.PipelineHeader;
import dev.ben.streams.ledger.PipelineStatus;
import dev.ben.streams.ledger.StagedVersion;
import dev.ben.streams.ledger.VersionState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * What activations write to the ledger store, without actors: choosing the version, handing its
 * bundle to store access, publishing the header the orchestrator and the components follow, and
 * recording acks and the outcome as events. A failed activation puts the header back as it was, so
 * the previous version is what runs again everywhere.
 */
final class ActivationRecords {

  private final LedgerBook book;
  private final StoreAccess access;
  private final Duration timeout;
  private final LongSupplier clock;

  ActivationRecords(LedgerBook book, StoreAccess access, Duration timeout, LongSupplier clock) {
    this.book = book;
    this.access = access;
    this.timeout = timeout;
    this.clock = clock;
  }

  /** The version {@code benctl deploy} asks for (the newest staged one when none is named). */
  VersionPolicy.Activate decideDeploy(String pipeline, OptionalLong requested) {
    deployable(pipeline);
    return activation(VersionPolicy.deploy(pipeline, store().versions(pipeline), requested));
  }

  /** The version that was active before the current one. */
  VersionPolicy.Activate decideRollback(String pipeline) {
    deployable(pipeline);
    return activation(
        VersionPolicy.rollback(
            pipeline, store().versions(pipeline), store().stateChanges(pipeline)));
  }

  /**
   * Stores the artifacts, marks the version activating, publishes the header and starts counting
   * acks.
   */
  ActivationRun begin(
      VersionPolicy.Activate decision, Set<String> required, String type, String source) {
    String pipeline = decision.pipeline();
    PipelineHeader before = book.header(pipeline);
    ContractNotice notice = notice(pipeline, decision.version());
    book.move(pipeline, decision.version(), VersionState.ACTIVATING);
    book.putHeader(before.with(PipelineStatus.PUBLISHED, decision.version()));
    String replacing =
        decision.previousVersion() == 0 ? "" : " replacing v" + decision.previousVersion();
    String eventId =
        book.record(
            pipeline,
            decision.version(),
            type,
            source,
            type
                + " of v"
                + decision.version()
                + replacing
                + " started; waiting for "
                + required.size()
                + " component(s): "
                + required,
            null,
            HeaderBefore.json(before));
    book.events()
        .began(
            eventId,
            book.lastEventId(pipeline, decision.version(), Set.of("staged")),
            "rollback".equals(type),
            pipeline,
            decision.version(),
            decision.previousVersion(),
            required,
            source);
    return new ActivationRun(
        AckTally.start(decision, required, clock.getAsLong(), timeout), notice, before, eventId);
  }

  /**
   * Counts one component's ack and records it as an event of the activation when it was awaited.
   */
  void ack(ActivationRun run, String componentId, long version) {
    boolean awaited = run.tally().missing().contains(componentId);
    run.tally().ack(componentId, version, clock.getAsLong());
    if (awaited && !run.tally().missing().contains(componentId)) {
      String eventId =
          book.record(
              run.pipeline(),
              version,
              "ack",
              componentId,
              componentId + " runs v" + version,
              run.eventId());
      book.events().acked(eventId, run.eventId(), run.pipeline(), version, componentId);
    }
  }

  /**
   * Records the decided outcome. When the activation failed, the header is restored and the notice
   * of the version that runs again is returned, so components that already swapped go back to it.
   */
  Optional<ContractNotice> settle(ActivationRun run) {
    AckTally tally = run.tally();
    String pipeline = tally.pipeline();
    if (tally.state() == AckTally.State.ACTIVATING) {
      throw new IllegalStateException(
          "the activation of "
              + pipeline
              + " v"
              + tally.version()
              + " is still under way; only a decided activation is settled");
    }
    if (tally.state() == AckTally.State.ACTIVE) {
      book.move(pipeline, tally.version(), VersionState.ACTIVE);
      if (tally.previousVersion() != 0) {
        book.move(pipeline, tally.previousVersion(), VersionState.SUPERSEDED);
      }
      String eventId =
          book.record(
              pipeline,
              tally.version(),
              "activated",
              "ledger",
              "v" + tally.version() + " is active on " + tally.view().size() + " component(s)",
              run.eventId());
      book.events()
          .activated(eventId, run.eventId(), pipeline, tally.version(), tally.view().size());
      book.events()
          .typesDeclared(
              eventId,
              pipeline,
              tally.version(),
              DeclaredEventTypes.of(book.bundle(pipeline, tally.version())));
      return Optional.empty();
    }
    book.move(pipeline, tally.version(), VersionState.FAILED);
    book.putHeader(run.before());
    String reason = tally.failureReason().orElseThrow();
    String eventId =
        book.record(
            pipeline, tally.version(), "activation-failed", "ledger", reason, run.eventId());
    book.events()
        .activationFailed(
            eventId, run.eventId(), pipeline, tally.version(), reason, tally.missing());
    return tally.previousVersion() == 0
        ? Optional.empty()
        : Optional.of(notice(pipeline, tally.previousVersion()));
  }

  /**
   * What a component of the pipeline should run now: the header's version while the pipeline runs
   * at all.
   */
  Optional<ContractNotice> desired(String pipeline) {
    return store()
        .getHeader(pipeline)
        .filter(
            h ->
                h.version() > 0
                    && (h.status() == PipelineStatus.PUBLISHED
                        || h.status() == PipelineStatus.PAUSED))
        .map(h -> notice(pipeline, h.version()));
  }

  /**
   * After a restart of the ledger nobody counts the acks of an activation that was under way, so it
   * is recorded as failed and the header is put back as it was before the deploy (kept in the
   * deploy's event), or, for events without it, pointed at the active version (or back to draft).
   */
  void recover() {
    for (PipelineHeader header : store().listHeaders()) {
      for (StagedVersion v : store().versions(header.id())) {
        if (v.state() == VersionState.ACTIVATING) {
          book.move(header.id(), v.version(), VersionState.FAILED);
          long active = VersionPolicy.activeVersion(store().versions(header.id()));
          PipelineHeader fallback =
              active == 0
                  ? header.with(PipelineStatus.DRAFT, 0)
                  : header.with(header.status(), active);
          book.putHeader(
              HeaderBefore.of(store().listEvents(header.id()), v.version(), header)
                  .orElse(fallback));
          String reason =
              "the activation of v"
                  + v.version()
                  + " was interrupted by a restart of the ledger; deploy it again";
          String eventId =
              book.record(header.id(), v.version(), "activation-failed", "ledger", reason, null);
          book.events()
              .activationFailed(
                  eventId,
                  book.lastEventId(header.id(), v.version(), Set.of("deploy", "rollback")),
                  header.id(),
                  v.version(),
                  reason,
                  List.of());
        }
      }
    }
  }

  /**
   * The key of the version's bundle in store access, storing it there first when it is missing (a
   * ledger that moved to another node starts with an empty index). Components ask every second, so
   * a stored key is answered from the index without reading the bundle again.
   */
  private ContractNotice notice(String pipeline, long version) {
    Optional<ArtifactKey> stored = access.find(pipeline, version);
    if (stored.isPresent()) {
      return new ContractNotice(pipeline, version, stored.get());
    }
    StagedVersion staged =
        store()
            .version(pipeline, version)
            .orElseThrow(
                () -> new LedgerRefusal(Kind.NOT_FOUND, pipeline + " has no version " + version));
    byte[] bundle =
        store()
            .getBundle(staged.bundleId())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "the ledger store lost the bundle "
                            + staged.bundleId()
                            + " of "
                            + pipeline
                            + " v"
                            + version));
    try {
      ArtifactKey key = access.put(pipeline, version, bundle);
      return new ContractNotice(pipeline, version, key);
    } catch (StoreAccessException e) {
      throw new LedgerRefusal(
          Kind.CONFLICT,
          "store access refused " + pipeline + " v" + version + ": " + e.getMessage());
    }
  }

  private void deployable(String pipeline) {
    PipelineHeader header = book.header(pipeline);
    if (header.status() == PipelineStatus.PAUSED) {
      throw new LedgerRefusal(
          Kind.CONFLICT,
          pipeline
              + " is paused; resume it (`benctl resume "
              + pipeline
              + "`) before deploying, so the new version is acknowledged by running components");
    }
  }

  private static VersionPolicy.Activate activation(VersionPolicy.Decision decision) {
    if (decision instanceof VersionPolicy.Refuse refuse) {
      throw new LedgerRefusal(Kind.CONFLICT, refuse.reason());
    }
    return (VersionPolicy.Activate) decision;
  }

  private LedgerStore store() {
    return book.store();
  }
}
