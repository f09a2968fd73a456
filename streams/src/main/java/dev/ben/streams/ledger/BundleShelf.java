package dev.ben.streams.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Bundle bodies in a {@link RecordSpace}, immutable per id. A marker with the body's digest and
 * size is created first (atomically, so two writers cannot both win with different bodies), then
 * the body is stored; reads check the body against the marker so an altered body is reported, not
 * served.
 */
final class BundleShelf {

  private final RecordSpace space;
  private final long maxBytes;

  BundleShelf(RecordSpace space, long maxBytes) {
    this.space = space;
    this.maxBytes = maxBytes;
  }

  void put(String bundleId, byte[] body) {
    LedgerNames.bundleId(bundleId);
    if (body.length > maxBytes) {
      throw new LedgerRefusedException(
          "bundle "
              + bundleId
              + " is "
              + body.length
              + " bytes, more than the "
              + maxBytes
              + " the ledger accepts (ben.ledger.max-bundle-bytes, BEN_LEDGER_MAX_BUNDLE_BYTES); "
              + "make the bundle smaller or raise the limit");
    }
    Marker marker = new Marker(sha256(body), body.length);
    String key = LedgerKeys.bundle(bundleId);
    if (!space.create(key, LedgerJson.write(marker))) {
      Marker stored = LedgerJson.read(space.get(key).orElseThrow(), Marker.class, key);
      if (!stored.equals(marker)) {
        throw new LedgerRefusedException(
            "bundle "
                + bundleId
                + " is already stored with a different body ("
                + stored.size()
                + " bytes, sha256 "
                + stored.sha256()
                + "); a bundle id names one body forever, "
                + "so rebuild the bundle with `benctl build` instead of editing it");
      }
    }
    // Also completes a put that stopped between the marker and the body.
    if (space.getBody(bundleId).isEmpty()) {
      space.putBody(bundleId, body);
    }
  }

  Optional<byte[]> get(String bundleId) {
    String key = LedgerKeys.bundle(LedgerNames.bundleId(bundleId));
    Optional<Marker> marker =
        space.get(key).map(bytes -> LedgerJson.read(bytes, Marker.class, key));
    if (marker.isEmpty()) {
      return Optional.empty();
    }
    Optional<byte[]> body = space.getBody(bundleId);
    if (body.isPresent() && !sha256(body.get()).equals(marker.get().sha256())) {
      throw new IllegalStateException(
          "the stored body of bundle "
              + bundleId
              + " does not match the digest "
              + "recorded when it was stored; the bundle storage was altered, stage the bundle again");
    }
    return body;
  }

  boolean contains(String bundleId) {
    return space.get(LedgerKeys.bundle(LedgerNames.bundleId(bundleId))).isPresent();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java 17 runtime provides SHA-256", e);
    }
  }

  /** What the ledger remembers of a stored body, to refuse a different one under the same id. */
  record Marker(String sha256, long size) {}
}
