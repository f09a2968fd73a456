package dev.ben.actors.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.contracts.bundle.BundleReader;
import dev.ben.contracts.diff.SourceDiff;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Staged versions of the ping contracts, whose rule's limit differs, read back as ben_api shows
 * them. Versions 1 (limit 5) and 2 (limit 10) are bundles without sources: every artifact is
 * indented JSON. Versions 3 (limit 5) and 4 (limit 6) carry their sources: the files are the
 * project's own, and their line diff is the changed threshold alone.
 */
class BundleContentsTest {

  @TempDir Path dir;
  private TestLedger ledger;

  @BeforeEach
  void stage() throws Exception {
    ledger = new TestLedger(dir);
    ledger.book.stage(ledger.contracts.bundle(5), "ada@laptop");
    ledger.book.stage(ledger.contracts.bundle(10), "bob@laptop");
    ledger.book.stage(ledger.contracts.bundleWithSources(5), "ada@laptop");
    ledger.book.stage(ledger.contracts.bundleWithSources(6), "bob@laptop");
  }

  @AfterEach
  void close() {
    ledger.close();
  }

  private VersionContents contents(long version) {
    return BundleContents.of("pings", version, ledger.book.bundle("pings", version));
  }

  private static Map<String, String> files(VersionContents contents) {
    Map<String, String> byPath = new TreeMap<>();
    VersionContents.ArtifactText.sourcesElseAll(contents.artifacts())
        .forEach(a -> byPath.put(a.path(), a.text()));
    return byPath;
  }

  private static List<SourceDiff.Line> edits(SourceDiff.FileDiff file) {
    return file.hunks().stream()
        .flatMap(h -> h.lines().stream())
        .filter(l -> !l.op().equals(" "))
        .toList();
  }

  @Test
  void withoutSourcesEveryArtifactIsAFileOfIndentedJsonInBundleOrder() throws Exception {
    VersionContents one = contents(1);
    assertEquals("pings", one.pipeline());
    assertEquals(1, one.version());
    var bundle = BundleReader.read(ledger.contracts.bundle(5));
    assertEquals(
        bundle.artifacts().stream().map(a -> a.kind() + "/" + a.name() + ".json").toList(),
        one.artifacts().stream().map(VersionContents.ArtifactText::path).toList());
    assertTrue(one.artifacts().stream().noneMatch(VersionContents.ArtifactText::source));
    String text = one.artifacts().get(0).text();
    assertTrue(text.startsWith("{\n  \""), text);
    assertTrue(text.endsWith("}\n"), text);
    assertEquals(List.of(), one.replicaTables(), "the ping pipeline keeps no replica");
  }

  @Test
  void withoutSourcesTheLineDiffOfTwoVersionsIsTheChangedLimitAlone() {
    List<SourceDiff.FileDiff> changed =
        SourceDiff.between(files(contents(1)), files(contents(2))).stream()
            .filter(f -> !f.change().equals("SAME"))
            .toList();
    assertTrue(!changed.isEmpty(), "the limit is in some artifact");
    for (SourceDiff.FileDiff file : changed) {
      List<SourceDiff.Line> edits = edits(file);
      assertTrue(
          edits.stream().allMatch(l -> l.text().contains("5") || l.text().contains("10")),
          file.path() + ": " + edits);
    }
  }

  @Test
  void withSourcesTheFilesAreTheProjectsOwnTextByPath() {
    VersionContents three = contents(3);
    List<VersionContents.ArtifactText> shown =
        VersionContents.ArtifactText.sourcesElseAll(three.artifacts());
    assertEquals(
        List.of("ben.project", "pings.ben"),
        shown.stream().map(VersionContents.ArtifactText::path).toList());
    assertTrue(shown.stream().allMatch(VersionContents.ArtifactText::source));
    // The compiled artifacts travel too, for readers that need the model (beacon tables, say).
    assertTrue(
        three.artifacts().stream().anyMatch(a -> a.path().equals("pipeline/pings.json")),
        three.artifacts().toString());
    assertTrue(
        files(three).get("pings.ben").contains("  predicate big = n > 5\n"),
        files(three).get("pings.ben"));
  }

  @Test
  void withSourcesTheLineDiffIsOneMinusAndOnePlusOnTheThreshold() {
    List<SourceDiff.FileDiff> diff = SourceDiff.between(files(contents(3)), files(contents(4)));
    assertEquals(
        List.of("ben.project SAME", "pings.ben CHANGED"),
        diff.stream().map(f -> f.path() + " " + f.change()).toList());
    assertEquals(
        List.of(
            new SourceDiff.Line("-", "  predicate big = n > 5"),
            new SourceDiff.Line("+", "  predicate big = n > 6")),
        edits(diff.get(1)));
  }
}
