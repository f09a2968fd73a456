package dev.ben.contracts.engine;

import dev.ben.contracts.engine.detect.DetectorEngine;
import dev.ben.contracts.engine.detect.SnapshotFormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The keyed state of one detector runtime's detectors, each known by the fingerprint of its
 * definition ({@link StateFingerprint}): written out and read back as snapshots, or taken over from
 * the runtime of an earlier contract version when the definition is unchanged. Playbook bounds
 * (cooldowns, rates) are not part of it. Not thread-safe: it belongs to the runtime's owner.
 */
public final class DetectorStates {

  private final Map<String, DetectorEngine> byFingerprint = new LinkedHashMap<>();

  DetectorStates(DetectorEngine[] detectors, String[] fingerprints) {
    for (int i = 0; i < detectors.length; i++) {
      byFingerprint.put(fingerprints[i], detectors[i]);
    }
  }

  public Set<String> fingerprints() {
    return java.util.Collections.unmodifiableSet(byFingerprint.keySet());
  }

  /** The name of the detector with this fingerprint, for messages. */
  public String detectorName(String fingerprint) {
    return detector(fingerprint).spec().name();
  }

  /**
   * Takes over the state of every detector whose fingerprint the earlier runtime has too; returns
   * those fingerprints. The others keep the (fresh) state they have. The earlier runtime must not
   * be used afterwards.
   */
  public Set<String> adopt(DetectorStates earlier) {
    Set<String> carried = new LinkedHashSet<>();
    byFingerprint.forEach(
        (fingerprint, detector) -> {
          DetectorEngine previous = earlier.byFingerprint.get(fingerprint);
          if (previous != null && previous != detector) {
            detector.adopt(previous);
            carried.add(fingerprint);
          }
        });
    return carried;
  }

  /** One detector's state in at most {@code maxBytes}, keeping the most recently used keys. */
  public DetectorSnapshot snapshot(String fingerprint, int maxBytes) {
    DetectorEngine detector = detector(fingerprint);
    var bytes = new ByteArrayOutputStream();
    try (var out = new DataOutputStream(bytes)) {
      int leftOut = detector.snapshot(out, maxBytes);
      out.flush();
      return new DetectorSnapshot(
          fingerprint,
          detector.spec().name(),
          bytes.toByteArray(),
          detector.keyCount() - leftOut,
          leftOut);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
  }

  /**
   * Reads a snapshot of the detector with this fingerprint into its (fresh) state; a snapshot that
   * cannot be read whole fails with {@link SnapshotFormatException} and adds nothing.
   */
  public void restore(String fingerprint, byte[] snapshot) throws SnapshotFormatException {
    try (var in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
      detector(fingerprint).restore(in);
    } catch (SnapshotFormatException e) {
      throw e;
    } catch (EOFException e) {
      throw new SnapshotFormatException("the snapshot ends early");
    } catch (IOException e) {
      throw new UncheckedIOException("reading from memory cannot fail otherwise", e);
    }
  }

  /** Keys held by the detector with this fingerprint. */
  public int keyCount(String fingerprint) {
    return detector(fingerprint).keyCount();
  }

  private DetectorEngine detector(String fingerprint) {
    DetectorEngine detector = byFingerprint.get(fingerprint);
    if (detector == null) {
      throw new IllegalArgumentException("no detector here has fingerprint " + fingerprint);
    }
    return detector;
  }
}
