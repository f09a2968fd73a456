package dev.ben.streams.ledger;

import dev.ben.config.LedgerSettings;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The ledger's rules written once over a {@link RecordSpace}, so both stores enforce them
 * identically. Appends pick the next number and create its key; a create that loses a race with
 * another writer re-reads and retries, so numbers stay dense, unique and never reused.
 */
abstract class SpaceLedgerStore implements LedgerStore {

  /**
   * Enough for any realistic contention on one pipeline; exceeding it means something is looping.
   */
  private static final int MAX_APPEND_ATTEMPTS = 32;

  private final RecordSpace space;
  private final LedgerSettings settings;
  private final BundleShelf bundles;

  SpaceLedgerStore(RecordSpace space, LedgerSettings settings) {
    this.space = space;
    this.settings = settings;
    this.bundles = new BundleShelf(space, settings.maxBundleBytes());
  }

  @Override
  public void putHeader(PipelineHeader header) {
    space.put(LedgerKeys.header(header.id()), LedgerJson.write(header));
  }

  @Override
  public Optional<PipelineHeader> getHeader(String pipeline) {
    String key = LedgerKeys.header(LedgerNames.pipeline(pipeline, "pipeline"));
    return space.get(key).map(bytes -> LedgerJson.read(bytes, PipelineHeader.class, key));
  }

  @Override
  public List<PipelineHeader> listHeaders() {
    return readAll(LedgerKeys.HEADERS, PipelineHeader.class).stream()
        .sorted(Comparator.comparing(PipelineHeader::id))
        .toList();
  }

  @Override
  public boolean deleteHeader(String pipeline) {
    String key = LedgerKeys.header(LedgerNames.pipeline(pipeline, "pipeline"));
    boolean existed = space.get(key).isPresent();
    if (existed) {
      // Deleting nothing would still show watchers a DEL on NATS; the stores agree by not writing
      // at all.
      space.delete(key);
    }
    return existed;
  }

  @Override
  public void putBundle(String bundleId, byte[] body) {
    bundles.put(bundleId, body);
  }

  @Override
  public Optional<byte[]> getBundle(String bundleId) {
    return bundles.get(bundleId);
  }

  @Override
  public StagedVersion appendVersion(
      String pipeline, String bundleId, String keyId, long stagedAtMillis) {
    LedgerNames.pipeline(pipeline, "pipeline");
    if (!bundles.contains(bundleId)) {
      throw new LedgerRefusedException(
          "bundle "
              + bundleId
              + " is not stored; store its body (putBundle) "
              + "before recording a version of "
              + pipeline
              + " for it");
    }
    String prefix = LedgerKeys.versions(pipeline);
    long version =
        append(
            prefix,
            n ->
                new StagedVersion(
                    pipeline, n, bundleId, keyId, stagedAtMillis, VersionState.STAGED));
    return new StagedVersion(
        pipeline, version, bundleId, keyId, stagedAtMillis, VersionState.STAGED);
  }

  @Override
  public StagedVersion changeState(
      String pipeline, long version, VersionState state, long atMillis) {
    StateChange change = new StateChange(pipeline, version, state, atMillis);
    String prefix = LedgerKeys.states(pipeline);
    for (int attempt = 0; attempt < MAX_APPEND_ATTEMPTS; attempt++) {
      List<String> keys = space.keys(prefix);
      // The check and the append must see the same history: a concurrent change makes the create
      // fail and retry.
      StagedVersion current =
          version(pipeline, version)
              .orElseThrow(
                  () ->
                      new LedgerRefusedException(
                          "pipeline "
                              + pipeline
                              + " has no version "
                              + version
                              + "; `benctl status "
                              + pipeline
                              + "` lists its versions"));
      if (!current.state().canMoveTo(state)) {
        throw new LedgerRefusedException(
            "version "
                + version
                + " of "
                + pipeline
                + " is "
                + current.state()
                + " and cannot become "
                + state
                + " (from "
                + current.state()
                + " it can become "
                + current.state().successors()
                + ")");
      }
      long next = keys.isEmpty() ? 1 : LedgerKeys.numberOf(keys.get(keys.size() - 1)) + 1;
      if (space.create(LedgerKeys.numbered(prefix, next), LedgerJson.write(change))) {
        return current.withState(state);
      }
    }
    throw contention(prefix);
  }

  @Override
  public List<StagedVersion> versions(String pipeline) {
    List<StagedVersion> records =
        readAll(
            LedgerKeys.versions(LedgerNames.pipeline(pipeline, "pipeline")), StagedVersion.class);
    List<StateChange> changes = stateChanges(pipeline);
    return records.stream()
        .map(
            record -> {
              VersionState state = record.state();
              for (StateChange change : changes) {
                if (change.version() == record.version()) {
                  state = change.state();
                }
              }
              return record.withState(state);
            })
        .toList();
  }

  @Override
  public List<StateChange> stateChanges(String pipeline) {
    return readAll(
        LedgerKeys.states(LedgerNames.pipeline(pipeline, "pipeline")), StateChange.class);
  }

  @Override
  public void appendEvent(LedgerEvent event) {
    byte[] encoded = LedgerJson.write(event);
    if (encoded.length > settings.maxEventBytes()) {
      throw new LedgerRefusedException(
          "event "
              + event.id()
              + " ("
              + event.type()
              + ") is "
              + encoded.length
              + " bytes encoded, more than the "
              + settings.maxEventBytes()
              + " the ledger accepts "
              + "(ben.ledger.max-event-bytes); events carry summaries and keys, put bulk data in a blob");
    }
    append(LedgerKeys.events(event.pipeline()), n -> event);
  }

  @Override
  public List<LedgerEvent> listEvents(String pipeline) {
    return readAll(
        LedgerKeys.events(LedgerNames.pipeline(pipeline, "pipeline")), LedgerEvent.class);
  }

  @Override
  public void close() {
    space.close();
  }

  /** Appends the record for the next number under the prefix; returns that number. */
  private long append(String prefix, LongFunction<Object> record) {
    for (int attempt = 0; attempt < MAX_APPEND_ATTEMPTS; attempt++) {
      List<String> keys = space.keys(prefix);
      long next = keys.isEmpty() ? 1 : LedgerKeys.numberOf(keys.get(keys.size() - 1)) + 1;
      if (space.create(LedgerKeys.numbered(prefix, next), LedgerJson.write(record.apply(next)))) {
        return next;
      }
    }
    throw contention(prefix);
  }

  private <T> List<T> readAll(String prefix, Class<T> type) {
    return space.keys(prefix).stream()
        .flatMap(key -> space.get(key).map(bytes -> LedgerJson.read(bytes, type, key)).stream())
        .toList();
  }

  private static IllegalStateException contention(String prefix) {
    return new IllegalStateException(
        "gave up appending under `"
            + prefix
            + "` after "
            + MAX_APPEND_ATTEMPTS
            + " attempts: other writers keep taking the next number; is more than one ledger running?");
  }
}
