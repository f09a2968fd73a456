package dev.ben.actors.detector;

import dev.ben.contracts.engine.detect.KeyTable;
import dev.ben.contracts.engine.detect.SnapshotFormatException;
import dev.ben.contracts.engine.playbook.BoundAdmission;
import dev.ben.contracts.engine.playbook.BoundRequest;
import dev.ben.contracts.engine.playbook.Bounds;
import dev.ben.contracts.model.PlaybookBound;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one playbook budget holds: the state of each bound it was asked under, across contract
 * versions while the bound stays the same, the last {@value #BOUNDS_KEPT} bounds (so members still
 * on the previous version during an activation do not reset it); a bound that changes starts fresh.
 * Its snapshot is a format byte and each bound's {@link Bounds#snapshot}, least recently used
 * first. Not thread-safe: one owner.
 */
final class BudgetState {

  static final int BOUNDS_KEPT = 4;

  /** Bumped whenever the layout changes; other formats are refused, and the budget starts empty. */
  static final byte FORMAT = 1;

  private final KeyTable<Bounds> byBound = new KeyTable<>(BOUNDS_KEPT);

  /** The verdicts of one round's candidates, and whether any firing was recorded. */
  record Verdicts(List<String> verdicts, boolean changed) {}

  Verdicts admit(PlaybookBound bound, List<BoundRequest> requests) {
    Bounds bounds = byBound.getOrCreate(bound.toString(), () -> Bounds.clusterWide(bound));
    List<String> verdicts = new ArrayList<>(requests.size());
    boolean changed = false;
    for (BoundRequest request : requests) {
      String verdict = bounds.admit(request);
      changed |= BoundAdmission.ADMITTED.equals(verdict);
      verdicts.add(verdict);
    }
    return new Verdicts(verdicts, changed);
  }

  byte[] snapshot() {
    var bytes = new ByteArrayOutputStream();
    try (var out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      List<Map.Entry<String, Bounds>> newestFirst = byBound.newestFirst();
      out.writeInt(newestFirst.size());
      for (int i = newestFirst.size() - 1; i >= 0; i--) {
        newestFirst.get(i).getValue().snapshot(out);
      }
    } catch (IOException inMemory) {
      throw new UncheckedIOException(inMemory);
    }
    return bytes.toByteArray();
  }

  /**
   * The state a {@link #snapshot} holds.
   *
   * @throws SnapshotFormatException written in another format, or damaged
   */
  static BudgetState restore(byte[] snapshot) throws IOException {
    BudgetState state = new BudgetState();
    try (var in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
      byte format = in.readByte();
      if (format != FORMAT) {
        throw new SnapshotFormatException(
            "playbook budget snapshot format " + format + ", this code reads " + FORMAT);
      }
      int count = in.readInt();
      if (count < 0 || count > BOUNDS_KEPT) {
        throw new SnapshotFormatException(count + " bounds, at most " + BOUNDS_KEPT + " fit");
      }
      for (int i = 0; i < count; i++) {
        Bounds bounds = Bounds.restore(in, true);
        state.byBound.put(bounds.bound().toString(), bounds);
      }
      if (in.available() > 0) {
        throw new SnapshotFormatException(in.available() + " bytes past the last bound");
      }
    }
    return state;
  }
}
