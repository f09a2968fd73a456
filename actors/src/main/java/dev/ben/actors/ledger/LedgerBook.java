package dev.ben.actors.ledger;

import dev.ben.actors.ledger.LedgerRefusal.Kind;
import dev.ben.api.control.PipelineStatus;
import dev.ben.api.control.StageReply;
import dev.ben.contracts.bundle.Bundle;
import dev.ben.contracts.bundle.BundleRefusedException;
import dev.ben.contracts.bundle.TrustedKeys;
import dev.ben.contracts.bundle.Verification;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.model.Pipeline;
import dev.ben.streams.ledger.LedgerEvent;
import dev.ben.streams.ledger.LedgerRefusedException;
import dev.ben.streams.ledger.LedgerStore;
import dev.ben.streams.ledger.PipelineHeader;
import dev.ben.streams.ledger.StagedVersion;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The ledger's bookkeeping, without actors: verifying and staging bundles, withdrawing versions,
 * and reading pipelines back as the control API shows them. Every change is recorded as an event of
 * its pipeline. Methods throw {@link LedgerRefusal} for anything the caller must fix.
 */
final class LedgerBook {

  private final LedgerStore store;
  private final Supplier<TrustedKeys> trusted;
  private final LongSupplier clock;
  private final LedgerEmitter events;

  LedgerBook(LedgerStore store, Supplier<TrustedKeys> trusted, LongSupplier clock) {
    this(store, trusted, clock, LedgerEmitter.NONE);
  }

  /** The same, with every step also emitted to the event log through {@code events}. */
  LedgerBook(
      LedgerStore store, Supplier<TrustedKeys> trusted, LongSupplier clock, LedgerEmitter events) {
    this.store = store;
    this.trusted = trusted;
    this.clock = clock;
    this.events = events;
  }

  /** Verifies, re-validates and records a staged version of every pipeline the bundle declares. */
  StageReply stage(byte[] bytes, String source) {
    Verification.Verified verified = StagingChecks.verified(bytes, trusted.get());
    Bundle bundle = verified.bundle();
    ContractSet contracts = StagingChecks.revalidate(bundle);
    DeclaredEventTypes.checkStaged(contracts, events.log());
    String bundleId = bundle.id().value();
    write(() -> store.putBundle(bundleId, bytes));
    var reply = StageReply.newBuilder().setBundleId(bundleId).setKeyId(verified.keyId());
    for (Pipeline pipeline : contracts.pipelines()) {
      String name = pipeline.name();
      if (store.getHeader(name).isEmpty()) {
        write(
            () ->
                store.putHeader(
                    new PipelineHeader(
                        name, name, "", dev.ben.streams.ledger.PipelineStatus.DRAFT, 0)));
      }
      StagedVersion staged =
          guarded(() -> store.appendVersion(name, bundleId, verified.keyId(), clock.getAsLong()));
      String eventId =
          record(
              name,
              staged.version(),
              "staged",
              source,
              "staged v"
                  + staged.version()
                  + " from bundle "
                  + bundle.id().shortForm()
                  + " signed by "
                  + verified.keyId(),
              null);
      events.staged(eventId, name, staged.version(), bundleId, verified.keyId(), source);
      reply.addStaged(LedgerViews.version(staged));
    }
    return reply.build();
  }

  /** Withdraws a staged version. */
  dev.ben.api.control.VersionInfo unstage(String pipeline, long version, String source) {
    header(pipeline);
    var decision = VersionPolicy.unstage(pipeline, store.versions(pipeline), version);
    if (decision instanceof VersionPolicy.Refuse refuse) {
      throw new LedgerRefusal(Kind.CONFLICT, refuse.reason());
    }
    StagedVersion unstaged =
        guarded(
            () ->
                store.changeState(
                    pipeline,
                    version,
                    dev.ben.streams.ledger.VersionState.UNSTAGED,
                    clock.getAsLong()));
    record(pipeline, version, "unstaged", source, "unstaged v" + version, null);
    return LedgerViews.version(unstaged);
  }

  /**
   * What the ledger knows of a pipeline (components and the live activation are the actor's to
   * add).
   */
  PipelineStatus.Builder status(String pipeline, boolean history) {
    PipelineHeader header = header(pipeline);
    return LedgerViews.status(
        header, store.versions(pipeline), history ? store.listEvents(pipeline) : List.of());
  }

  List<PipelineHeader> headers() {
    return store.listHeaders();
  }

  PipelineHeader header(String pipeline) {
    return store
        .getHeader(pipeline)
        .orElseThrow(
            () ->
                new LedgerRefusal(
                    Kind.NOT_FOUND,
                    "no pipeline '"
                        + pipeline
                        + "'; the ledger knows "
                        + store.listHeaders().stream().map(PipelineHeader::id).toList()
                        + " (stage a bundle that declares it first)"));
  }

  /**
   * Appends an event to the pipeline's history and returns its id, so later events can name it as
   * parent.
   */
  String record(
      String pipeline, long version, String type, String source, String summary, String parentId) {
    return record(pipeline, version, type, source, summary, parentId, "{}");
  }

  /** The same, with the event's data (a JSON object). */
  String record(
      String pipeline,
      long version,
      String type,
      String source,
      String summary,
      String parentId,
      String dataJson) {
    String id = events.newId();
    write(
        () ->
            store.appendEvent(
                new LedgerEvent(
                    id,
                    type,
                    source,
                    summary,
                    dataJson,
                    parentId,
                    pipeline,
                    version,
                    clock.getAsLong())));
    return id;
  }

  /** Moves a version to its next state (the store refuses moves the lifecycle does not allow). */
  void move(String pipeline, long version, dev.ben.streams.ledger.VersionState state) {
    guarded(() -> store.changeState(pipeline, version, state, clock.getAsLong()));
  }

  void putHeader(PipelineHeader header) {
    write(() -> store.putHeader(header));
  }

  /**
   * Applies {@code benctl pause|resume|archive|delete} to the header the orchestrator follows
   * (docs/architecture.md, the control plane): paused pipelines stop taking events and keep their
   * state, archived ones are torn down, deleted ones destroyed and cleaned up.
   */
  void changeLifecycle(String pipeline, dev.ben.api.control.LifecycleAction action, String source) {
    PipelineHeader header = header(pipeline);
    var next = LifecycleRules.apply(header, action);
    if (next.isEmpty()) {
      // A deleted pipeline runs nothing: its active version is superseded, so staging the pipeline
      // again starts
      // from a clean slate instead of claiming a version is active.
      long active = VersionPolicy.activeVersion(store.versions(pipeline));
      if (active != 0) {
        move(pipeline, active, dev.ben.streams.ledger.VersionState.SUPERSEDED);
      }
      write(() -> store.deleteHeader(pipeline));
    } else {
      putHeader(next.get());
    }
    String eventId =
        record(
            pipeline,
            header.version(),
            action.name().toLowerCase(Locale.ROOT),
            source,
            pipeline + " " + LifecycleRules.pastTense(action) + " (was " + header.status() + ")",
            null);
    events.lifecycleChanged(
        eventId,
        pipeline,
        header.version(),
        header.status().name().toLowerCase(Locale.ROOT),
        next.map(h -> h.status().name().toLowerCase(Locale.ROOT)).orElse("deleted"),
        source);
  }

  /**
   * The id of the newest event of one of {@code types} about the version, from the pipeline's
   * history: how a deploy finds its version's stage, and a failure its deploy, after a restart or a
   * move of the ledger too. Null when there is none.
   */
  String lastEventId(String pipeline, long version, Set<String> types) {
    String found = null;
    for (LedgerEvent event : store.listEvents(pipeline)) {
      if (event.version() == version && types.contains(event.type())) {
        found = event.id();
      }
    }
    return found;
  }

  LedgerEmitter events() {
    return events;
  }

  /** Both versions' bundles, for a diff. */
  Bundle bundle(String pipeline, long version) {
    StagedVersion v =
        store
            .version(pipeline, version)
            .orElseThrow(
                () -> new LedgerRefusal(Kind.NOT_FOUND, pipeline + " has no version " + version));
    byte[] bytes =
        store
            .getBundle(v.bundleId())
            .orElseThrow(
                () -> new IllegalStateException("the ledger store lost bundle " + v.bundleId()));
    try {
      return dev.ben.contracts.bundle.BundleReader.read(bytes);
    } catch (BundleRefusedException e) {
      throw new IllegalStateException(
          "the stored bundle of "
              + pipeline
              + " v"
              + version
              + " no longer reads: "
              + e.getMessage(),
          e);
    }
  }

  LedgerStore store() {
    return store;
  }

  private static void write(Runnable write) {
    guarded(
        () -> {
          write.run();
          return null;
        });
  }

  private static <T> T guarded(java.util.function.Supplier<T> write) {
    try {
      return write.get();
    } catch (LedgerRefusedException e) {
      throw new LedgerRefusal(Kind.CONFLICT, e.getMessage());
    }
  }
}
