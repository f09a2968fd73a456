package dev.ben.contracts.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.contracts.event.Translation;
import dev.ben.contracts.project.ProjectLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RedactedViewTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void readsAndWritesAsThePlainMapOfTheRedactedEvent() throws Exception {
    Path auth = Path.of("../examples/auth");
    var contracts = ProjectLoader.load(auth).compile("view").orElseThrow();
    ContractRuntime runtime = ContractRuntime.build(contracts, "auth", new byte[32]);
    for (String line : Files.readAllLines(auth.resolve("events/logins.ndjson"))) {
      if (line.isBlank()
          || !(runtime.translate("login", line.getBytes(StandardCharsets.UTF_8))
              instanceof Translation.Accepted accepted)) {
        continue;
      }
      EvaluationResult decided = runtime.decide(accepted.event());
      var view = assertInstanceOf(RedactedView.class, decided.redacted());
      var plain = decided.decided().event().toPlainMap();
      assertEquals(JSON.writeValueAsString(plain), JSON.writeValueAsString(view));
      assertEquals(plain, view);
      assertEquals(plain.get("card"), view.get("card"));
      assertEquals(plain.size(), view.size());
    }
  }
}
