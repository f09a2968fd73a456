package dev.ben.benctl.fmt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

  @Test
  void equalTextsHaveNoDiff() {
    assertEquals("", UnifiedDiff.of("a.ben", "x\ny\n", "x\ny\n"));
  }

  @Test
  void aChangedLineShowsWithThreeLinesOfContextEachSide() {
    String before = "1\n2\n3\n4\nold\n6\n7\n8\n9\n";
    String after = "1\n2\n3\n4\nnew\n6\n7\n8\n9\n";
    assertEquals(
        """
        --- a/p/a.ben
        +++ b/p/a.ben
        @@ -2,7 +2,7 @@
         2
         3
         4
        -old
        +new
         6
         7
         8
        """,
        UnifiedDiff.of("p/a.ben", before, after));
  }

  @Test
  void distantChangesGetSeparateHunksAndCloseOnesMerge() {
    String before = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\n";
    String after = "A\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nL\n";
    assertEquals(
        """
        --- a/x
        +++ b/x
        @@ -1,4 +1,4 @@
        -a
        +A
         b
         c
         d
        @@ -9,4 +9,4 @@
         i
         j
         k
        -l
        +L
        """,
        UnifiedDiff.of("x", before, after));
    String close = "A\nb\nc\nd\ne\nf\nG\nh\ni\nj\nk\nl\n";
    assertEquals(
        """
        --- a/x
        +++ b/x
        @@ -1,10 +1,10 @@
        -a
        +A
         b
         c
         d
         e
         f
        -g
        +G
         h
         i
         j
        """,
        UnifiedDiff.of("x", before, close));
  }

  @Test
  void insertionsIntoAnEmptyFileAndAMissingFinalNewlineAreShown() {
    assertEquals("--- a/x\n+++ b/x\n@@ -0,0 +1,1 @@\n+a\n", UnifiedDiff.of("x", "", "a\n"));
    assertEquals(
        "--- a/x\n+++ b/x\n@@ -1,1 +1,1 @@\n-a\n\\ No newline at end of file\n+a\n",
        UnifiedDiff.of("x", "a", "a\n"));
  }

  @Test
  void insertedAndDeletedLinesKeepTheirOrder() {
    String before = "schema s v1 {\ntable t\n}\n";
    String after = "// c\nschema s v1 {\n  table t\n}\n";
    assertEquals(
        """
        --- a/x
        +++ b/x
        @@ -1,3 +1,4 @@
        +// c
         schema s v1 {
        -table t
        +  table t
         }
        """,
        UnifiedDiff.of("x", before, after));
  }
}
