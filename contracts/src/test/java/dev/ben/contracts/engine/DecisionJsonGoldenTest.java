package dev.ben.contracts.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.contracts.event.Translation;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.project.LoadedProject;
import dev.ben.contracts.project.ProjectLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins the JSON of examples/auth decisions byte for byte (what {@code benctl test -o json}, the
 * store rows and invocation answers are made of), so a change of the decisions' representation
 * cannot change what callers read. Regenerate with {@code -Dben.golden.write=true} only when the
 * JSON is meant to change, and review the diff.
 */
class DecisionJsonGoldenTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden/auth-decisions.ndjson");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void examplesAuthDecisionsKeepTheirJson() throws IOException {
    Path auth = Path.of("../examples/auth");
    LoadedProject project = ProjectLoader.load(auth);
    ContractSet contracts = project.compile("golden").orElseThrow();
    ContractRuntime runtime = ContractRuntime.build(contracts, "auth", new byte[32]);
    List<String> lines = new ArrayList<>();
    for (String file : List.of("logins.ndjson", "attack.ndjson")) {
      for (String line : Files.readAllLines(auth.resolve("events").resolve(file))) {
        if (line.isBlank()) {
          continue;
        }
        Translation translation = runtime.translate("login", line.getBytes(StandardCharsets.UTF_8));
        if (!(translation instanceof Translation.Accepted accepted)) {
          lines.add(JSON.writeValueAsString(translation));
          continue;
        }
        var event = accepted.event();
        long now = event.longValue(0);
        lines.add(JSON.writeValueAsString(runtime.evaluate(event, now)));
      }
    }
    String actual = String.join("\n", lines) + "\n";
    if (Boolean.getBoolean("ben.golden.write")) {
      Files.writeString(GOLDEN, actual);
    }
    assertEquals(Files.readString(GOLDEN), actual);
  }
}
