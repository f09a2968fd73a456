package dev.ben.actors.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ben.actors.testing.PingContracts;
import dev.ben.api.control.ArtifactChange;
import dev.ben.api.control.DiffHunk;
import dev.ben.contracts.bundle.Bundle;
import dev.ben.contracts.bundle.BundleBuilder;
import dev.ben.contracts.bundle.BundleReader;
import dev.ben.contracts.bundle.Ed25519;
import dev.ben.contracts.bundle.SigningKey;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionDiffTest {

  private static final SigningKey KEY = Ed25519.generate();

  @TempDir static Path keys;

  private static Bundle limitTen;
  private static Bundle limitTwenty;
  private static Bundle sourcesFive;
  private static Bundle sourcesSix;

  @BeforeAll
  static void build() throws Exception {
    PingContracts contracts = new PingContracts(keys);
    limitTen = BundleReader.read(contracts.bundle(10));
    limitTwenty = BundleReader.read(contracts.bundle(20));
    sourcesFive = BundleReader.read(contracts.bundleWithSources(5));
    sourcesSix = BundleReader.read(contracts.bundleWithSources(6));
  }

  private static Map<String, ArtifactChange> byKindAndName(List<ArtifactChange> changes) {
    return changes.stream()
        .collect(Collectors.toMap(c -> c.getKind() + ":" + c.getName(), Function.identity()));
  }

  private static String summary(ArtifactChange change) {
    return change.getKind() + ":" + change.getName() + "=" + change.getChange();
  }

  private static Bundle handMade(String... kindsAndNamesAndValues) {
    BundleBuilder builder = BundleBuilder.forProject("hand", "benc-1");
    for (int i = 0; i < kindsAndNamesAndValues.length; i += 3) {
      builder.add(
          kindsAndNamesAndValues[i],
          kindsAndNamesAndValues[i + 1],
          JsonNodeFactory.instance.objectNode().put("value", kindsAndNamesAndValues[i + 2]));
    }
    return builder.build(KEY);
  }

  @Test
  void aChangedLimitChangesThePolicyAndLeavesTheSchemaTheSame() {
    Map<String, ArtifactChange> changes = byKindAndName(VersionDiff.between(limitTen, limitTwenty));

    ArtifactChange policy = changes.get("policy:sizes");
    assertEquals("CHANGED", policy.getChange());
    assertEquals(
        limitTen.artifact("policy", "sizes").orElseThrow().fingerprint().value(),
        policy.getFromFingerprint());
    assertEquals(
        limitTwenty.artifact("policy", "sizes").orElseThrow().fingerprint().value(),
        policy.getToFingerprint());
    assertNotEquals(policy.getFromFingerprint(), policy.getToFingerprint());
    ArtifactChange schema = changes.get("schema:ping");
    assertEquals("SAME", schema.getChange());
    assertEquals(schema.getFromFingerprint(), schema.getToFingerprint());
  }

  @Test
  void aBundleAgainstItselfIsTheSameArtifactByArtifact() {
    List<ArtifactChange> changes = VersionDiff.between(limitTen, limitTen);

    assertEquals(limitTen.artifacts().size(), changes.size());
    assertTrue(
        changes.stream().allMatch(c -> c.getChange().equals("SAME")),
        () -> changes.stream().map(VersionDiffTest::summary).toList().toString());
  }

  @Test
  void everyArtifactOfTheRealBundleIsListedSortedByKindThenName() {
    List<ArtifactChange> changes = VersionDiff.between(limitTen, limitTwenty);

    List<String> listed = changes.stream().map(c -> c.getKind() + ":" + c.getName()).toList();
    assertEquals(
        limitTen.artifacts().stream().map(a -> a.kind() + ":" + a.name()).sorted().toList(),
        listed);
    assertTrue(
        listed.containsAll(List.of("pipeline:pings", "policy:sizes", "schema:ping")),
        listed.toString());
  }

  @Test
  void artifactsOnlyInOneBundleAreAddedOrRemovedAndTheOutputIsSortedByKindThenName() {
    Bundle from =
        handMade("schema", "b", "1", "schema", "a", "1", "list", "gone", "x", "policy", "p", "1");
    Bundle to =
        handMade("policy", "p", "2", "schema", "a", "1", "list", "new", "y", "schema", "b", "1");

    List<ArtifactChange> changes = VersionDiff.between(from, to);

    assertEquals(
        List.of(
            "list:gone=REMOVED",
            "list:new=ADDED",
            "policy:p=CHANGED",
            "schema:a=SAME",
            "schema:b=SAME"),
        changes.stream().map(VersionDiffTest::summary).toList());
    ArtifactChange removed = changes.get(0);
    assertEquals(
        from.artifact("list", "gone").orElseThrow().fingerprint().value(),
        removed.getFromFingerprint());
    assertEquals("", removed.getToFingerprint());
    ArtifactChange added = changes.get(1);
    assertEquals("", added.getFromFingerprint());
    assertEquals(
        to.artifact("list", "new").orElseThrow().fingerprint().value(), added.getToFingerprint());
    assertEquals(
        changes.stream()
            .sorted(
                Comparator.comparing(ArtifactChange::getKind)
                    .thenComparing(ArtifactChange::getName))
            .toList(),
        changes);
  }

  @Test
  void aChangedSourceFileCarriesItsChangedLinesAndCompiledArtifactsNone() {
    Map<String, ArtifactChange> changes =
        byKindAndName(VersionDiff.between(sourcesFive, sourcesSix));

    ArtifactChange source = changes.get("source:pings.ben");
    assertEquals("CHANGED", source.getChange());
    assertEquals(1, source.getHunksCount());
    DiffHunk hunk = source.getHunks(0);
    assertEquals(
        List.of("-  predicate big = n > 5", "+  predicate big = n > 6"),
        hunk.getLinesList().stream()
            .filter(l -> !l.getOp().equals(" "))
            .map(l -> l.getOp() + l.getText())
            .toList());
    assertEquals(hunk.getFromCount(), hunk.getToCount());
    assertEquals("SAME", changes.get("source:ben.project").getChange());
    assertEquals(0, changes.get("source:ben.project").getHunksCount());
    assertEquals("CHANGED", changes.get("policy:sizes").getChange());
    assertEquals(0, changes.get("policy:sizes").getHunksCount());
  }

  @Test
  void fromABundleWithoutSourcesTheSourcesAreAdded() {
    Map<String, ArtifactChange> changes = byKindAndName(VersionDiff.between(limitTen, sourcesSix));

    assertEquals("ADDED", changes.get("source:pings.ben").getChange());
    assertEquals(0, changes.get("source:pings.ben").getHunksCount());
    assertEquals("SAME", changes.get("schema:ping").getChange());
  }
}
