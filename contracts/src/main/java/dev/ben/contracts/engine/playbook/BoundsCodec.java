package dev.ben.contracts.engine.playbook;

import dev.ben.contracts.engine.detect.SnapshotFormatException;
import dev.ben.contracts.model.PlaybookBound;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The binary form of one {@link Bounds}: a format byte, the bound itself (so state is only ever
 * resumed under the bound that built it), the rate window's firings oldest first and each cooldown
 * scope's last firing, least recently used first (so the LRU order survives). Scopes that never
 * fired are left out. Every count is checked before anything is allocated, so a damaged snapshot
 * fails with {@link SnapshotFormatException}.
 */
final class BoundsCodec {

  /** Bumped whenever the layout changes; other formats are refused, and the bound starts empty. */
  static final byte FORMAT = 1;

  static final int MAX_STRING_BYTES = 1 << 20;

  private BoundsCodec() {}

  static void write(Bounds bounds, DataOutput out) throws IOException {
    PlaybookBound bound = bounds.bound();
    out.writeByte(FORMAT);
    out.writeInt(bound.atMost());
    out.writeLong(bound.perMillis());
    out.writeLong(bound.cooldownMillis());
    out.writeInt(bound.cooldownScope().size());
    for (String field : bound.cooldownScope()) {
      writeString(out, field);
    }
    List<Long> firings = bounds.recentFirings();
    out.writeInt(firings.size());
    for (long at : firings) {
      out.writeLong(at);
    }
    List<Map.Entry<String, Long>> scopes = bounds.lastFirings();
    out.writeInt(scopes.size());
    for (Map.Entry<String, Long> scope : scopes) {
      writeString(out, scope.getKey());
      out.writeLong(scope.getValue());
    }
  }

  static PlaybookBound readBound(DataInput in) throws IOException {
    byte format = in.readByte();
    if (format != FORMAT) {
      throw new SnapshotFormatException(
          "playbook bound snapshot format " + format + ", this code reads " + FORMAT);
    }
    int atMost = in.readInt();
    long perMillis = in.readLong();
    long cooldownMillis = in.readLong();
    int fields = count(in, 1024, "cooldown scope fields");
    List<String> scope = new ArrayList<>(fields);
    for (int i = 0; i < fields; i++) {
      scope.add(readString(in));
    }
    try {
      return new PlaybookBound(atMost, perMillis, cooldownMillis, scope);
    } catch (IllegalArgumentException notABound) {
      throw new SnapshotFormatException("not a playbook bound: " + notABound.getMessage());
    }
  }

  static void readState(DataInput in, Bounds into) throws IOException {
    int firingCount = count(in, Math.max(1, into.bound().atMost()), "recent firings");
    List<Long> firings = new ArrayList<>(firingCount);
    for (int i = 0; i < firingCount; i++) {
      firings.add(in.readLong());
    }
    int scopeCount = count(in, Bounds.MAX_SCOPES, "cooldown scopes");
    List<Map.Entry<String, Long>> scopes = new ArrayList<>(scopeCount);
    for (int i = 0; i < scopeCount; i++) {
      String scope = readString(in);
      scopes.add(Map.entry(scope, in.readLong()));
    }
    into.resume(firings, scopes);
  }

  private static int count(DataInput in, int max, String what) throws IOException {
    int count = in.readInt();
    if (count < 0 || count > max) {
      throw new SnapshotFormatException(what + ": " + count + ", at most " + max + " fit");
    }
    return count;
  }

  private static void writeString(DataOutput out, String value) throws IOException {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readString(DataInput in) throws IOException {
    byte[] bytes = new byte[count(in, MAX_STRING_BYTES, "a string's length")];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
