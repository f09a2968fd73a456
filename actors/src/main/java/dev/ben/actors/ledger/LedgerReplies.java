package dev.ben.actors.ledger;

import dev.ben.actors.orchestrator.Orchestrator;
import dev.ben.actors.orchestrator.PipelineIntent;
import dev.ben.api.control.DiffReply;
import dev.ben.api.control.Lifecycle;
import dev.ben.api.control.LifecycleAction;
import dev.ben.api.control.PipelineList;
import dev.ben.api.control.PipelineStatus;
import dev.ben.api.control.VersionState;
import dev.ben.streams.access.ArtifactKey;
import dev.ben.streams.ledger.PipelineHeader;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.apache.pekko.stream.ActorAttributes;
import org.apache.pekko.stream.SourceRef;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.javadsl.StreamRefs;
import org.apache.pekko.util.ByteString;

/**
 * What the ledger answers, built from its parts without actors: a pipeline's status with the
 * orchestrator's view of its components, the list of pipelines, lifecycle changes, the diff of two
 * versions, what a component should run, a pull of a bundle, and the declaration of a header to the
 * orchestrator.
 */
final class LedgerReplies {

  /** Small enough for one remoting frame each. */
  private static final int CHUNK_BYTES = 64 * 1024;

  private final LedgerParts parts;
  private List<PipelineIntent> declared;

  LedgerReplies(LedgerParts parts) {
    this.parts = parts;
    this.declared = declare();
  }

  /**
   * Reads the headers (after the store's watch saw a change) into what the orchestrator should run.
   */
  List<PipelineIntent> declare() {
    declared = parts.book.headers().stream().map(LedgerReplies::intent).toList();
    return declared;
  }

  /** What {@link #declare} read last, without reading the store again. */
  List<PipelineIntent> declared() {
    return declared;
  }

  PipelineStatus status(String pipeline, boolean history, Orchestrator.Topology topology) {
    PipelineStatus.Builder status = parts.book.status(pipeline, history);
    Optional<AckTally> latest = parts.inFlight.latestTally(pipeline);
    boolean runs = status.getLifecycle() == dev.ben.api.control.Lifecycle.PUBLISHED;
    status.addAllComponents(
        StatusComponents.of(
            pipeline,
            topology == null ? List.of() : topology.components(),
            latest.filter(a -> runs),
            status.getActiveVersion()));
    latest.ifPresent(a -> status.setActivationDetail(ActivationDetailLine.of(a)));
    if (latest.isPresent() && latest.get().state() == AckTally.State.FAILED) {
      status.setActivationState(VersionState.FAILED);
    }
    if (topology == null) {
      status.setActivationDetail(
          status.getActivationDetail()
              + " (the orchestrator did not answer, so running "
              + "components are not listed)");
    }
    return status.build();
  }

  DiffReply diff(String pipeline, long fromVersion, long toVersion) {
    var versions = parts.store.versions(pipeline);
    parts.book.header(pipeline);
    long from = fromVersion != 0 ? fromVersion : VersionPolicy.activeVersion(versions);
    long to =
        toVersion != 0
            ? toVersion
            : versions.stream()
                .filter(v -> v.state() == dev.ben.streams.ledger.VersionState.STAGED)
                .mapToLong(dev.ben.streams.ledger.StagedVersion::version)
                .max()
                .orElse(0);
    if (from == 0 || to == 0) {
      throw new LedgerRefusal(
          LedgerRefusal.Kind.CONFLICT,
          pipeline
              + " has no "
              + (from == 0 ? "active" : "staged")
              + " version to compare; name both: `benctl diff "
              + pipeline
              + " FROM TO`");
    }
    return DiffReply.newBuilder()
        .setPipeline(pipeline)
        .setFromVersion(from)
        .setToVersion(to)
        .addAllChanges(
            VersionDiff.between(parts.book.bundle(pipeline, from), parts.book.bundle(pipeline, to)))
        .build();
  }

  /** A version's bundle as readers see it: a version number, ACTIVE or NEWEST_STAGED. */
  /** The stored bundle of a version: a version number, ACTIVE or NEWEST_STAGED. */
  Ledger.BundleBytes bundleOf(String pipeline, long version) {
    long chosen = chooseVersion(pipeline, version);
    return new Ledger.BundleBytes(pipeline, chosen, parts.book.bundle(pipeline, chosen).toBytes());
  }

  private long chooseVersion(String pipeline, long version) {
    parts.book.header(pipeline);
    if (version > 0) {
      return version;
    }
    var versions = parts.store.versions(pipeline);
    long chosen =
        version == Ledger.BundleOf.ACTIVE
            ? VersionPolicy.activeVersion(versions)
            : versions.stream()
                .filter(v -> v.state() == dev.ben.streams.ledger.VersionState.STAGED)
                .mapToLong(dev.ben.streams.ledger.StagedVersion::version)
                .max()
                .orElse(0);
    if (chosen == 0) {
      String which = version == Ledger.BundleOf.ACTIVE ? "active" : "staged";
      throw new LedgerRefusal(
          LedgerRefusal.Kind.NOT_FOUND,
          pipeline
              + " has no "
              + which
              + " version; deploy one (`benctl deploy "
              + pipeline
              + "`), name a version number or send the sources");
    }
    return chosen;
  }

  private static PipelineIntent intent(PipelineHeader header) {
    return switch (header.status()) {
      case PUBLISHED -> new PipelineIntent(header.id(), PipelineIntent.Mode.RUN, header.version());
      case PAUSED -> new PipelineIntent(header.id(), PipelineIntent.Mode.PAUSE, header.version());
      case DRAFT, ARCHIVED -> PipelineIntent.stop(header.id());
    };
  }

  private static List<ByteString> chunks(byte[] bytes) {
    List<ByteString> out = new java.util.ArrayList<>();
    for (int at = 0; at < bytes.length; at += CHUNK_BYTES) {
      out.add(ByteString.fromArray(bytes, at, Math.min(CHUNK_BYTES, bytes.length - at)));
    }
    return out;
  }

  /** Every pipeline the ledger knows, each with its components. */
  PipelineList list(Orchestrator.Topology topology) {
    var list = PipelineList.newBuilder();
    for (PipelineHeader header : parts.book.headers()) {
      list.addPipelines(status(header.id(), false, topology));
    }
    return list.build();
  }

  /**
   * Applies a lifecycle verb, refused while an activation is under way (it would race the
   * components).
   */
  PipelineStatus lifecycle(String pipeline, LifecycleAction action, String source) {
    if (parts.inFlight.run(pipeline).isPresent()) {
      throw new LedgerRefusal(
          LedgerRefusal.Kind.CONFLICT,
          pipeline
              + " is activating a version; wait until it is "
              + "active or has failed (`benctl status "
              + pipeline
              + "`)");
    }
    parts.book.changeLifecycle(pipeline, action, source);
    if (action == LifecycleAction.DELETE) {
      return PipelineStatus.newBuilder()
          .setPipeline(pipeline)
          .setLifecycle(Lifecycle.DELETED)
          .build();
    }
    return parts.book.status(pipeline, false).build();
  }

  /** What the component should run, and whether the activation under way still waits for it. */
  Ledger.Desired desired(String pipeline, String componentId) {
    Optional<ContractNotice> notice = parts.records.desired(pipeline);
    boolean awaiting =
        parts
            .inFlight
            .run(pipeline)
            .map(run -> run.tally().missing().contains(componentId))
            .orElse(false);
    return new Ledger.Desired(pipeline, notice, awaiting);
  }

  /**
   * A pull of a version's bundle: a stream reference the component subscribes to; the blob is read
   * (and its digest checked) only then, in chunks. Keys store access does not hold are refused.
   */
  Ledger.Artifact pull(ArtifactKey key, ClassicActorSystemProvider system) {
    if (!parts.access.find(key.pipeline(), key.version()).map(key::equals).orElse(false)) {
      return new Ledger.Artifact(key, null, "store access holds no artifact " + key);
    }
    // Reading the blob blocks, so the stream runs on the ledger's dispatcher.
    SourceRef<ByteString> bytes =
        Source.lazySource(() -> Source.from(chunks(parts.access.read(key))))
            .toMat(StreamRefs.sourceRef(), Keep.right())
            .withAttributes(ActorAttributes.dispatcher(Ledger.DISPATCHER))
            .run(system);
    return new Ledger.Artifact(key, bytes, null);
  }
}
