package dev.ben.actors.reads;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ben.actors.ledger.VersionContents;
import dev.ben.contracts.bundle.ContractBundles;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.model.ModelJson;
import dev.ben.contracts.model.Pipeline;
import dev.ben.contracts.model.SidecarSettings;
import dev.ben.streams.store.analytics.BeaconQuery;
import dev.ben.streams.testing.PingProject;
import dev.ben.streams.testing.WebProject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Which versions take beacons, read from their artifacts as the ledger lends them. */
class BeaconTablesTest {

  /** The contents the ledger would lend for the set's pipeline, its pipeline edited. */
  private static VersionContents contents(
      ContractSet contracts, String pipeline, UnaryOperator<Pipeline> edit) {
    List<VersionContents.ArtifactText> artifacts = new ArrayList<>();
    contracts
        .schemas()
        .forEach(
            schema ->
                artifacts.add(
                    new VersionContents.ArtifactText(
                        ContractBundles.SCHEMA, schema.name(), ModelJson.toJson(schema))));
    contracts
        .pipelines()
        .forEach(
            p ->
                artifacts.add(
                    new VersionContents.ArtifactText(
                        ContractBundles.PIPELINE, p.name(), ModelJson.toJson(edit.apply(p)))));
    return new VersionContents(pipeline, 1, artifacts, List.of());
  }

  @Test
  void theWebExampleTakesBeaconsIntoPageViewsWithReferrersAndVisitors() {
    assertEquals(
        List.of(new BeaconQuery.Table("page_views", true, true)),
        BeaconTables.of(contents(WebProject.compiled(), "web", UnaryOperator.identity())));
  }

  @Test
  void aSchemaWithoutPathAndStatusTakesNone() {
    assertEquals(
        List.of(),
        BeaconTables.of(
            contents(PingProject.contracts("pings", 10), "pings", UnaryOperator.identity())));
  }

  @Test
  void aPipelineWithoutAnHttpSidecarTakesNone() {
    UnaryOperator<Pipeline> socketOnly =
        p ->
            new Pipeline(
                p.name(),
                p.schemas(),
                p.policies(),
                p.detectors(),
                p.playbooks(),
                new SidecarSettings(false, "web.sock"),
                p.proxy(),
                p.spines(),
                p.store(),
                p.fingerprint());
    assertEquals(List.of(), BeaconTables.of(contents(WebProject.compiled(), "web", socketOnly)));
  }
}
