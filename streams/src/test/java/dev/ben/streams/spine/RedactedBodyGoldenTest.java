package dev.ben.streams.spine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.contracts.engine.ContractRuntime;
import dev.ben.contracts.engine.EvaluationResult;
import dev.ben.contracts.event.Translation;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.project.ProjectLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins the redacted bodies of the examples/auth events byte for byte, as the spine hands them on
 * (what the store and the live tap read), so a change of how the body is built cannot change what
 * they read. Regenerate with {@code -Dben.golden.write=true} only when the body is meant to change,
 * and review the diff.
 */
class RedactedBodyGoldenTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden/auth-bodies.ndjson");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void examplesAuthBodiesKeepTheirJson() throws IOException {
    Path auth = Path.of("../examples/auth");
    ContractSet contracts = ProjectLoader.load(auth).compile("golden").orElseThrow();
    ContractRuntime runtime = ContractRuntime.build(contracts, "auth", new byte[32]);
    List<String> lines = new ArrayList<>();
    for (String file : List.of("logins.ndjson", "attack.ndjson")) {
      for (String line : Files.readAllLines(auth.resolve("events").resolve(file))) {
        if (line.isBlank()) {
          continue;
        }
        Translation translation = runtime.translate("login", line.getBytes(StandardCharsets.UTF_8));
        if (translation instanceof Translation.Accepted accepted) {
          EvaluationResult result = runtime.decide(accepted.event());
          ObjectNode body = SpineStage.body(result, JSON);
          assertEquals(JSON.valueToTree(result.redacted()), body, line);
          lines.add(JSON.writeValueAsString(body));
        }
      }
    }
    String actual = String.join("\n", lines) + "\n";
    if (Boolean.getBoolean("ben.golden.write")) {
      Files.writeString(GOLDEN, actual);
    }
    assertEquals(Files.readString(GOLDEN), actual);
  }
}
