package dev.ben.actors.ledger;

import dev.ben.actors.ClusterSerializable;
import dev.ben.api.control.DiffReply;
import dev.ben.api.control.LifecycleAction;
import dev.ben.api.control.PipelineList;
import dev.ben.api.control.PipelineStatus;
import dev.ben.api.control.StageReply;
import dev.ben.api.control.VersionInfo;
import dev.ben.contracts.bundle.Bundle;
import dev.ben.contracts.bundle.BundleReader;
import dev.ben.contracts.bundle.BundleRefusedException;
import dev.ben.streams.access.ArtifactKey;
import java.time.Duration;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.stream.SourceRef;
import org.apache.pekko.util.ByteString;

/**
 * The ledger, a cluster singleton on the orchestrator role: the versioned registry of intent and
 * the recovery anchor (docs/architecture.md, the control plane). It serves the control API (for the
 * gRPC service), runs activations (publish the version's key, count acks, decide), answers
 * components asking what to run and serves their pulls, and declares the pipelines to the
 * orchestrator from its store's header watch. Everything durable is in the {@code LedgerStore}.
 * This is its protocol; {@link LedgerActor} is the behavior. Control requests are answered with a
 * {@link StatusReply}: the control API's reply, or a {@link LedgerRefusal} the caller can act on.
 */
public final class Ledger {

  /** The dispatcher the ledger runs on: its handlers read and write the store, which blocks. */
  public static final String DISPATCHER = "ben-ledger-dispatcher";

  private Ledger() {}

  public sealed interface Command extends ClusterSerializable
      permits Stage,
          Unstage,
          Deploy,
          Status,
          Diff,
          ListPipelines,
          ChangeLifecycle,
          WhatToRun,
          Pull,
          Ack,
          BundleOf,
          LedgerActor.Internal {}

  public record Stage(byte[] bundle, String source, ActorRef<StatusReply<StageReply>> replyTo)
      implements Command {}

  public record Unstage(
      String pipeline, long version, String source, ActorRef<StatusReply<VersionInfo>> replyTo)
      implements Command {}

  /**
   * Deploy ({@code version} 0: the newest staged) or roll back; the reply waits up to {@code
   * waitMillis} for the activation's outcome.
   */
  public record Deploy(
      String pipeline,
      long version,
      boolean rollback,
      long waitMillis,
      String source,
      ActorRef<StatusReply<PipelineStatus>> replyTo)
      implements Command {}

  public record Status(
      String pipeline, boolean history, ActorRef<StatusReply<PipelineStatus>> replyTo)
      implements Command {}

  /** Both versions 0: the active version against the newest staged one. */
  public record Diff(
      String pipeline, long fromVersion, long toVersion, ActorRef<StatusReply<DiffReply>> replyTo)
      implements Command {}

  public record ListPipelines(ActorRef<StatusReply<PipelineList>> replyTo) implements Command {}

  public record ChangeLifecycle(
      String pipeline,
      LifecycleAction action,
      String source,
      ActorRef<StatusReply<PipelineStatus>> replyTo)
      implements Command {}

  /**
   * A component asking which version it should run (at start, and again now and then in case a
   * notice was lost).
   */
  public record WhatToRun(String pipeline, String componentId, ActorRef<Desired> replyTo)
      implements Command {}

  /**
   * The version to run (empty: none), and whether the activation under way still waits for this
   * component.
   */
  public record Desired(String pipeline, Optional<ContractNotice> notice, boolean awaitingAck)
      implements ClusterSerializable {}

  /** A component pulling a version's bundle from store access. */
  public record Pull(ArtifactKey key, ActorRef<Artifact> replyTo) implements Command {}

  /** The bundle's bytes as a pull-only stream, or why not. */
  public record Artifact(ArtifactKey key, SourceRef<ByteString> bytes, String refusal)
      implements ClusterSerializable {}

  /**
   * The bundle of a version of a pipeline, for bux's test bench: {@code version} a number, or
   * {@link #ACTIVE} or {@link #NEWEST_STAGED}.
   */
  public record BundleOf(String pipeline, long version, ActorRef<StatusReply<BundleBytes>> replyTo)
      implements Command {
    public static final long ACTIVE = 0;
    public static final long NEWEST_STAGED = -1;
  }

  /** A version's bundle as stored (its signature checked when it was staged). */
  public record BundleBytes(String pipeline, long version, byte[] bytes)
      implements ClusterSerializable {

    /**
     * The bundle, read. The ledger verified it when it was staged, so one that does not read is a
     * damaged store, not a bad request.
     */
    public Bundle read() {
      try {
        return BundleReader.read(bytes);
      } catch (BundleRefusedException e) {
        throw new IllegalStateException(
            "the ledger's bundle of "
                + pipeline
                + " v"
                + version
                + " does not read: "
                + e.getMessage(),
            e);
      }
    }
  }

  /** A component reporting it swapped to {@code version}. */
  public record Ack(String componentId, String pipeline, long version) implements Command {}

  /**
   * The ledger, declaring its pipelines to the orchestrator every {@code declareEvery} (the hello
   * interval), so a new orchestrator after a failover learns them within one round.
   */
  public static Behavior<Command> create(LedgerParts.Factory parts, Duration declareEvery) {
    return LedgerActor.create(parts, declareEvery);
  }

  /** Spawn the ledger with these, so its blocking store calls stay off the default dispatcher. */
  public static Props props() {
    return DispatcherSelector.fromConfig(DISPATCHER);
  }
}
