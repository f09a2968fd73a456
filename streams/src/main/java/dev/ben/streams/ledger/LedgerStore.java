package dev.ben.streams.ledger;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The ledger's durable state: pipeline headers, bundle bodies, versions with their appended state
 * changes, and the event log. Implementations keep it in RocksDB ({@link RocksLedgerStore}) or NATS
 * ({@link NatsLedgerStore}) and behave the same. Writes are additive: bundle bodies are immutable,
 * version numbers are assigned here and never reused, and a version's state moves by appending a
 * {@link StateChange} the lifecycle allows. Rule violations are {@link LedgerRefusedException}s;
 * malformed arguments are {@link IllegalArgumentException}s.
 */
public interface LedgerStore extends AutoCloseable {

  /** Creates or replaces the pipeline's header; a header watch sees it as a PUT. */
  void putHeader(PipelineHeader header);

  Optional<PipelineHeader> getHeader(String pipeline);

  /** Every header, sorted by pipeline id. */
  List<PipelineHeader> listHeaders();

  /**
   * Removes the header (versions and events stay); returns whether there was one. A watch sees a
   * DEL.
   */
  boolean deleteHeader(String pipeline);

  /**
   * Stores a bundle body under its id. Storing the same body again is a no-op; a different body
   * under an existing id, or a body over the configured maximum size, is refused.
   */
  void putBundle(String bundleId, byte[] body);

  Optional<byte[]> getBundle(String bundleId);

  /**
   * Records a new {@link VersionState#STAGED} version of the pipeline for a bundle already stored,
   * numbered one more than the highest version the pipeline ever had, and returns it.
   */
  StagedVersion appendVersion(String pipeline, String bundleId, String keyId, long stagedAtMillis);

  /**
   * Moves a version to another state by appending a {@link StateChange}; refuses unknown versions
   * and moves {@link VersionState#canMoveTo} does not allow. Returns the version in its new state.
   */
  StagedVersion changeState(String pipeline, long version, VersionState state, long atMillis);

  /** The pipeline's versions in version order, each in its current state. */
  List<StagedVersion> versions(String pipeline);

  /** One version in its current state. */
  default Optional<StagedVersion> version(String pipeline, long version) {
    return versions(pipeline).stream().filter(v -> v.version() == version).findFirst();
  }

  /** Every state change of the pipeline's versions, in the order they were appended. */
  List<StateChange> stateChanges(String pipeline);

  /**
   * Appends an event to its pipeline's log; events over the configured maximum size are refused.
   */
  void appendEvent(LedgerEvent event);

  /** The pipeline's events in the order they were appended. */
  List<LedgerEvent> listEvents(String pipeline);

  /**
   * Watches the headers: the current state, one {@link HeaderChange.Op#SYNCED}, then changes as
   * they happen (see {@link HeaderChange}). The listener must hand changes off quickly (an actor
   * tells itself); it may run on the writer's or the NATS client's thread.
   */
  HeaderWatch watchHeaders(Consumer<HeaderChange> listener);

  /** Releases what the store opened; a NATS store leaves the shared client connected. */
  @Override
  void close();
}
