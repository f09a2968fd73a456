package dev.ben.contracts.engine.playbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ben.contracts.engine.detect.SnapshotFormatException;
import dev.ben.contracts.model.PlaybookBound;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A bound's state written and read back resumes exactly where it was. */
class BoundsSnapshotTest {

  private static final long MINUTE = 60_000;
  private static final String OK = BoundAdmission.ADMITTED;

  private static byte[] snapshot(Bounds bounds) throws IOException {
    var bytes = new ByteArrayOutputStream();
    bounds.snapshot(new DataOutputStream(bytes));
    return bytes.toByteArray();
  }

  private static Bounds restore(byte[] snapshot) throws IOException {
    return Bounds.restore(new DataInputStream(new ByteArrayInputStream(snapshot)), true);
  }

  @Test
  void theRateWindowResumesWithItsOldestFiringFirst() throws IOException {
    PlaybookBound three = new PlaybookBound(3, MINUTE, 0, List.of());
    Bounds before = Bounds.clusterWide(three);
    for (long at : new long[] {0, 10, 20, 60_000}) {
      before.admit(new BoundRequest("", at));
    }
    // The ring wrapped: it holds 10, 20, 60000 with the slot of 10 next.
    Bounds after = restore(snapshot(before));
    assertEquals(three, after.bound());
    assertEquals(List.of(10L, 20L, 60_000L), after.recentFirings());
    assertEquals(
        "rate: already fired 3 times in the last 60000 ms, counted across the cluster",
        after.admit(new BoundRequest("", 60_009)));
    assertEquals(OK, after.admit(new BoundRequest("", 60_010)), "the oldest one (10) left");
    assertEquals(OK, after.admit(new BoundRequest("", 60_020)), "then the one at 20");
  }

  @Test
  void aRingNotYetFullResumesWithItsFreeSlots() throws IOException {
    Bounds before = Bounds.local(new PlaybookBound(3, MINUTE, 0, List.of()));
    before.admit(new BoundRequest("", 5));
    Bounds after = restore(snapshot(before));
    assertEquals(OK, after.admit(new BoundRequest("", 6)));
    assertEquals(OK, after.admit(new BoundRequest("", 7)));
    assertEquals(List.of(5L, 6L, 7L), after.recentFirings());
  }

  @Test
  void cooldownsResumePerScopeInTheirLeastRecentlyUsedOrder() throws IOException {
    PlaybookBound cooling = new PlaybookBound(0, 0, 5 * MINUTE, List.of("user"));
    Bounds before = Bounds.clusterWide(cooling);
    before.admit(new BoundRequest("user=ann", 0));
    before.admit(new BoundRequest("user=bob", 100));
    before.admit(new BoundRequest("user=ann", 200)); // refused; ann becomes the most recent
    Bounds after = restore(snapshot(before));
    assertEquals(before.lastFirings(), after.lastFirings());
    assertEquals("user=bob", after.lastFirings().get(0).getKey());
    assertEquals(
        "cooldown: fired for user=ann 1000 ms ago, cooldown is 300000 ms, counted across the"
            + " cluster",
        after.admit(new BoundRequest("user=ann", 1000)));
    assertEquals(OK, after.admit(new BoundRequest("user=cat", 1000)));
    assertEquals(OK, after.admit(new BoundRequest("user=bob", 100 + 5 * MINUTE)));
  }

  @Test
  void anotherFormatIsRefused() throws IOException {
    byte[] snapshot = snapshot(Bounds.local(new PlaybookBound(1, MINUTE, 0, List.of())));
    snapshot[0] = (byte) (BoundsCodec.FORMAT + 1);
    assertThrows(SnapshotFormatException.class, () -> restore(snapshot));
  }

  @Test
  void moreFiringsThanTheBoundAllowsAreRefused() throws IOException {
    Bounds two = Bounds.local(new PlaybookBound(2, MINUTE, 0, List.of()));
    two.admit(new BoundRequest("", 1));
    two.admit(new BoundRequest("", 2));
    byte[] snapshot = snapshot(two);
    // atMost is the int after the format byte: claim a bound of one firing over a ring of two.
    snapshot[4] = 1;
    assertThrows(SnapshotFormatException.class, () -> restore(snapshot));
  }

  @Test
  void aTruncatedSnapshotIsRefused() throws IOException {
    Bounds one = Bounds.local(new PlaybookBound(1, MINUTE, MINUTE, List.of("user")));
    one.admit(new BoundRequest("user=ann", 1));
    byte[] snapshot = snapshot(one);
    byte[] truncated = java.util.Arrays.copyOf(snapshot, snapshot.length - 3);
    assertThrows(IOException.class, () -> restore(truncated));
  }
}
