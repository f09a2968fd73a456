package dev.ben.contracts.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.contracts.bundle.Bundle;
import dev.ben.contracts.bundle.BundleReader;
import dev.ben.contracts.bundle.ContractBundles;
import dev.ben.contracts.bundle.SigningKey;
import dev.ben.contracts.diag.Diagnostic;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.model.EventType;
import java.security.KeyPairGenerator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventTypeDeclarationTest {
  private static final String SETTINGS = "name = \"cases\"\nkey = \"keys/cases.key\"\n";
  private static final String PIPELINE =
      "schema s v1 {\n  table events\n  key [id]\n  fields { id: string\n event_type: string }\n}\n"
          + "pipeline cases { schemas [s]; store { table events } }\n";
  private static final String SCHEMA =
      "{\"type\": \"object\", \"required\": [\"case_id\"],\n"
          + " \"properties\": {\"case_id\": {\"type\": \"string\"}}}\n";

  private static LoadedProject load(String ben, String schemaPath, String schema) {
    Map<String, String> files = new HashMap<>();
    files.put("ben.project", SETTINGS);
    files.put("a.ben", ben);
    if (schemaPath != null) {
      files.put(schemaPath, schema);
    }
    return ProjectLoader.load(SourceTree.of(files));
  }

  private static List<String> headers(LoadedProject project) {
    return project.diagnostics().sorted().stream().map(Diagnostic::header).toList();
  }

  @Test
  void aDeclaredTypeCompilesIntoTheContractSetAndTravelsInTheSignedBundle() throws Exception {
    LoadedProject project =
        load(
            PIPELINE + "event_type case_opened = file(\"schemas/case_opened.json\")\n",
            "schemas/case_opened.json",
            SCHEMA);
    assertEquals(List.of(), headers(project));
    ContractSet contracts = project.compile("v1").orElseThrow();
    EventType type = contracts.eventType("case_opened").orElseThrow();
    assertEquals("string", type.schema().at("/properties/case_id/type").asText());
    assertTrue(type.fingerprint().startsWith("sha256:"), type.fingerprint());
    assertTrue(
        project.sources().containsKey("schemas/case_opened.json"),
        "the schema file is one of the sources the bundle carries");

    var generator = KeyPairGenerator.getInstance("Ed25519");
    var pair = generator.generateKeyPair();
    Bundle bundle =
        ContractBundles.build(
            contracts, project.sources(), new SigningKey(pair.getPrivate(), pair.getPublic()));
    ContractSet read = ContractBundles.contracts(BundleReader.read(bundle.toBytes()), "v1");
    assertEquals(contracts.eventTypes(), read.eventTypes());
  }

  @Test
  void aSchemaFileThatIsNotJsonIsReportedAtItsLineAndColumn() {
    LoadedProject project =
        load(
            PIPELINE + "event_type case_opened = file(\"schemas/case_opened.json\")\n",
            "schemas/case_opened.json",
            "{\"type\": \"object\",\n  \"properties\": nope}\n");
    assertFalse(project.ok());
    List<String> headers = headers(project);
    assertEquals(1, headers.size(), headers.toString());
    assertTrue(
        headers.get(0).startsWith("schemas/case_opened.json:2:21: error: the schema of event type"),
        headers.get(0));
    String rendered = project.diagnostics().render();
    assertTrue(rendered.contains("  \"properties\": nope}"), rendered);
    assertTrue(rendered.contains("^"), rendered);
  }

  @Test
  void aSchemaTheValidatorRefusesIsReportedAtTheFilePathWithThePointer() {
    LoadedProject project =
        load(
            PIPELINE + "event_type case_opened = file(\"schemas/case_opened.json\")\n",
            "schemas/case_opened.json",
            "{\"type\": \"object\", \"properties\": {\"case_id\": {\"type\": 5}}}");
    List<String> headers = headers(project);
    assertEquals(1, headers.size(), headers.toString());
    assertTrue(
        headers.get(0).startsWith("a.ben:8:31: error: the schema of event type"),
        headers.toString());
    assertTrue(headers.get(0).contains("/properties/case_id/type"), headers.get(0));
  }

  @Test
  void badNamesMissingFilesAndReservedPipelinesAreErrors() {
    assertEquals(
        List.of(
            "a.ben:8:12: error: event type name `CaseOpened` must be lowercase letters, digits"
                + " and _"),
        headers(load(PIPELINE + "event_type CaseOpened = file(\"s.json\")\n", "s.json", SCHEMA)));
    assertEquals(
        List.of("a.ben:8:26: error: schema file \"missing.json\" was not found in the project"),
        headers(load(PIPELINE + "event_type opened = file(\"missing.json\")\n", null, null)));
    assertEquals(
        List.of("a.ben:8:26: error: schema file \"../out.json\" is outside the project"),
        headers(load(PIPELINE + "event_type opened = file(\"../out.json\")\n", null, null)));
    String reserved =
        PIPELINE.replace("pipeline cases", "pipeline ledger")
            + "event_type opened = file(\"s.json\")\n";
    assertEquals(
        List.of(
            "a.ben:7:10: error: pipeline `ledger` cannot name event types: `ledger.` starts Ben's"
                + " own event types"),
        headers(load(reserved, "s.json", SCHEMA)));
  }

  @Test
  void aProjectWithoutEventTypesMayKeepAnyPipelineName() {
    LoadedProject project = load(PIPELINE.replace("pipeline cases", "pipeline ledger"), null, null);
    assertEquals(List.of(), headers(project));
    assertEquals(List.of(), project.compile("v1").orElseThrow().eventTypes());
  }
}
