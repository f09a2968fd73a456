package dev.ben.benctl.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.benctl.BenctlHarness;
import dev.ben.benctl.BenctlHarness.Result;
import dev.ben.benctl.command.ExitCode;
import dev.ben.benctl.config.BenctlConfig;
import dev.ben.benctl.config.ConfigFile;
import dev.ben.benctl.config.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextCommandTest {

  @TempDir Path dir;

  private ConfigFile file;

  @BeforeEach
  void twoContexts() {
    file = new ConfigFile(dir.resolve("config.json"));
    file.save(
        BenctlConfig.empty()
            .with(
                Context.of("dev", "127.0.0.1:7070")
                    .loggedIn("127.0.0.1:7070", "admin", "secret-token", Instant.EPOCH))
            .with(Context.of("prod", "ben.example:7070"))
            .withCurrent("dev"));
  }

  private Result benctl(String... args) {
    return BenctlHarness.run(BenctlHarness.environment(file.path(), Map.of(), ""), args);
  }

  @Test
  void listShowsAllContextsAndMarksTheCurrentOne() {
    Result list = benctl("context", "list");
    assertEquals(ExitCode.OK, list.exitCode(), list::toString);
    assertEquals(
        "CURRENT  NAME  SERVER            USER\n"
            + "*        dev   127.0.0.1:7070    admin\n"
            + "         prod  ben.example:7070  -\n",
        list.out());
  }

  @Test
  void listAsJsonNeverShowsTokens() throws IOException {
    Result list = benctl("context", "list", "-o", "json");
    assertEquals(ExitCode.OK, list.exitCode(), list::toString);
    assertFalse(list.out().contains("secret-token"), list::toString);
    JsonNode json = new ObjectMapper().readTree(list.out());
    assertEquals("dev", json.get("current_context").asText());
    assertTrue(json.get("contexts").get(0).get("logged_in").asBoolean());
    assertFalse(json.get("contexts").get(1).get("logged_in").asBoolean());
    assertEquals("1970-01-01T00:00:00Z", json.get("contexts").get(0).get("token_expires").asText());
  }

  @Test
  void useSwitchesAndDeleteRemoves() {
    Result use = benctl("context", "use", "prod");
    assertEquals(ExitCode.OK, use.exitCode(), use::toString);
    assertEquals("Switched to context 'prod' (ben.example:7070).\n", use.out());
    assertEquals("prod", file.load().currentContext());

    Result delete = benctl("context", "delete", "prod");
    assertEquals(ExitCode.OK, delete.exitCode(), delete::toString);
    assertTrue(delete.out().contains("No context is current now"), delete::toString);
    assertEquals("[dev]", file.load().names().toString());
  }

  @Test
  void unknownNamesAreRefusedListingTheKnownOnes() {
    for (String verb : new String[] {"use", "delete"}) {
      Result unknown = benctl("context", verb, "qa");
      assertEquals(ExitCode.REFUSED, unknown.exitCode(), unknown::toString);
      assertEquals("benctl: no context 'qa'; the contexts are [dev, prod]\n", unknown.err());
    }
    Result status = benctl("status", "auth", "--context", "qa");
    assertEquals(ExitCode.REFUSED, status.exitCode(), status::toString);
    assertTrue(status.err().contains("the contexts are [dev, prod]"), status::toString);
  }

  @Test
  void aMalformedFileIsRefusedAndKept() throws IOException {
    Files.writeString(file.path(), "{\"contexts\": [}");
    Result use = benctl("context", "use", "dev");
    assertEquals(ExitCode.REFUSED, use.exitCode(), use::toString);
    assertTrue(
        use.err().contains(file.path() + " is not a valid benctl configuration"), use::toString);
    assertEquals("{\"contexts\": [}", Files.readString(file.path()));
  }
}
