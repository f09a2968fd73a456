package dev.ben.actors.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.bux.api.LedgerReads.SourceFile;
import dev.ben.bux.api.SourceDiff;
import dev.ben.contracts.bundle.BundleReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two staged versions of the ping contracts, whose rule's limit differs, read back as ben_api shows
 * them: every artifact as indented JSON, and the line diff of the two naming only the limit.
 */
class BundleContentsTest {

  @TempDir Path dir;
  private TestLedger ledger;

  @BeforeEach
  void stage() throws Exception {
    ledger = new TestLedger(dir);
    ledger.book.stage(ledger.contracts.bundle(5), "ada@laptop");
    ledger.book.stage(ledger.contracts.bundle(10), "bob@laptop");
  }

  @AfterEach
  void close() {
    ledger.close();
  }

  private VersionContents contents(long version) {
    return BundleContents.of("pings", version, ledger.book.bundle("pings", version));
  }

  private static List<SourceFile> files(VersionContents contents) {
    return contents.artifacts().stream().map(a -> new SourceFile(a.path(), a.text())).toList();
  }

  @Test
  void everyArtifactIsAFileOfIndentedJsonInBundleOrder() throws Exception {
    VersionContents one = contents(1);
    assertEquals("pings", one.pipeline());
    assertEquals(1, one.version());
    var bundle = BundleReader.read(ledger.contracts.bundle(5));
    assertEquals(
        bundle.artifacts().stream().map(a -> a.kind() + "/" + a.name() + ".json").toList(),
        one.artifacts().stream().map(VersionContents.ArtifactText::path).toList());
    String text = one.artifacts().get(0).text();
    assertTrue(text.startsWith("{\n  \""), text);
    assertTrue(text.endsWith("}\n"), text);
    assertEquals(List.of(), one.replicaTables(), "the ping pipeline keeps no replica");
  }

  @Test
  void theLineDiffOfTwoVersionsIsTheChangedLimitAlone() {
    List<SourceDiff.FileDiff> changed =
        SourceDiff.between(files(contents(1)), files(contents(2))).stream()
            .filter(f -> !f.change().equals("SAME"))
            .toList();
    assertTrue(!changed.isEmpty(), "the limit is in some artifact");
    for (SourceDiff.FileDiff file : changed) {
      List<SourceDiff.Line> edits =
          file.hunks().stream()
              .flatMap(h -> h.lines().stream())
              .filter(l -> !l.op().equals(" "))
              .toList();
      assertTrue(
          edits.stream().allMatch(l -> l.text().contains("5") || l.text().contains("10")),
          file.path() + ": " + edits);
    }
  }
}
