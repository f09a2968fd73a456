package dev.ben.contracts.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ben.contracts.diff.SourceDiff.FileDiff;
import dev.ben.contracts.diff.SourceDiff.Hunk;
import dev.ben.contracts.diff.SourceDiff.Line;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SourceDiffTest {

  private static String numbered(int lines, int changedLine, String changed) {
    return IntStream.rangeClosed(1, lines)
        .mapToObj(i -> i == changedLine ? changed : "line " + i)
        .collect(Collectors.joining("\n"));
  }

  @Test
  void aChangedThresholdLineIsOneMinusAndOnePlusWithThreeLinesOfContext() {
    String before = numbered(20, 10, "  threshold = 5");
    String after = numbered(20, 10, "  threshold = 10");
    List<FileDiff> files =
        SourceDiff.between(Map.of("rules.json", before), Map.of("rules.json", after));
    assertEquals(1, files.size());
    assertEquals("CHANGED", files.get(0).change());
    Hunk hunk = files.get(0).hunks().get(0);
    assertEquals(1, files.get(0).hunks().size());
    assertEquals(7, hunk.fromLine());
    assertEquals(7, hunk.fromCount());
    assertEquals(7, hunk.toLine());
    assertEquals(7, hunk.toCount());
    assertEquals(
        List.of(
            new Line(" ", "line 7"),
            new Line(" ", "line 8"),
            new Line(" ", "line 9"),
            new Line("-", "  threshold = 5"),
            new Line("+", "  threshold = 10"),
            new Line(" ", "line 11"),
            new Line(" ", "line 12"),
            new Line(" ", "line 13")),
        hunk.lines());
  }

  @Test
  void filesAreMatchedByPathAndSortedWithAddedRemovedAndSameOnes() {
    List<FileDiff> files =
        SourceDiff.between(
            Map.of("b.json", "kept", "c.json", "gone\nsoon"),
            Map.of("a.json", "new", "b.json", "kept"));
    assertEquals(
        List.of("a.json ADDED", "b.json SAME", "c.json REMOVED"),
        files.stream().map(f -> f.path() + " " + f.change()).toList());
    assertEquals(List.of(new Line("+", "new")), files.get(0).hunks().get(0).lines());
    assertEquals(List.of(), files.get(1).hunks());
    Hunk removed = files.get(2).hunks().get(0);
    assertEquals(List.of(new Line("-", "gone"), new Line("-", "soon")), removed.lines());
    assertEquals(2, removed.fromCount());
    assertEquals(0, removed.toCount());
  }

  @Test
  void hunksFarApartStaySeparate() {
    String before = numbered(30, 5, "a");
    String after = numbered(30, 25, "b").replace("line 5\n", "x\n");
    List<Hunk> hunks = SourceDiff.hunks("f", before, after);
    assertEquals(2, hunks.size());
    assertEquals(2, hunks.get(0).fromLine());
    assertEquals(22, hunks.get(1).fromLine());
  }
}
