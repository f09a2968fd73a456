package dev.ben.benctl.view;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.contracts.model.ContractSet;
import java.util.List;

/**
 * What a compiled contract set holds, section by section, as text for people or as JSON for
 * scripts. The same view serves a project compiled in memory and the artifacts decoded from a
 * bundle, so both read alike.
 */
public final class ContractSetView {

  private ContractSetView() {}

  /**
   * The chosen sections as text; each gets a {@code == name ==} title when more than one is shown.
   */
  public static String text(ContractSet contracts, List<Section> sections) {
    var report = new Report();
    boolean titled = sections.size() > 1;
    for (Section section : sections) {
      if (titled) {
        report.heading("== " + section + " ==");
      }
      String missing = missing(contracts, section);
      if (missing != null) {
        report.heading("no " + missing);
        continue;
      }
      switch (section) {
        case schemas -> SchemaSections.schemasText(contracts, report);
        case lists -> SchemaSections.listsText(contracts, report);
        case ddl -> SchemaSections.ddlText(contracts, report);
        case bits -> PolicySections.bitsText(contracts, report);
        case rules -> PolicySections.rulesText(contracts, report);
        case detectors -> ReactionSections.detectorsText(contracts, report);
        case playbooks -> ReactionSections.playbooksText(contracts, report);
        case pipelines -> PipelineSection.text(contracts, report);
        default ->
            throw new IllegalArgumentException("expand sections before rendering: " + section);
      }
    }
    return report.render();
  }

  /** Adds one array per chosen section to {@code json} (the playbooks section adds signals too). */
  public static ObjectNode json(ContractSet contracts, List<Section> sections, ObjectNode json) {
    for (Section section : sections) {
      switch (section) {
        case schemas -> SchemaSections.schemasJson(contracts, json);
        case lists -> SchemaSections.listsJson(contracts, json);
        case ddl -> SchemaSections.ddlJson(contracts, json);
        case bits -> PolicySections.bitsJson(contracts, json);
        case rules -> PolicySections.rulesJson(contracts, json);
        case detectors -> ReactionSections.detectorsJson(contracts, json);
        case playbooks -> ReactionSections.playbooksJson(contracts, json);
        case pipelines -> PipelineSection.json(contracts, json);
        default ->
            throw new IllegalArgumentException("expand sections before rendering: " + section);
      }
    }
    return json;
  }

  /** What the section would list when the contract set has none of it, else null. */
  private static String missing(ContractSet contracts, Section section) {
    boolean empty =
        switch (section) {
          case schemas, ddl -> contracts.schemas().isEmpty();
          case lists -> contracts.lists().isEmpty();
          case bits, rules -> contracts.policies().isEmpty();
          case detectors -> contracts.detectors().isEmpty();
          case playbooks -> contracts.signals().isEmpty() && contracts.playbooks().isEmpty();
          case pipelines -> contracts.pipelines().isEmpty();
          case all -> false;
        };
    String noun =
        switch (section) {
          case ddl -> "schemas";
          case bits, rules -> "policies";
          default -> section.name();
        };
    return empty ? noun : null;
  }
}
