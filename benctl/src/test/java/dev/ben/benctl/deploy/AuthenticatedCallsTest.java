package dev.ben.benctl.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.api.control.DeployRequest;
import dev.ben.api.control.LifecycleRequest;
import dev.ben.benctl.BenctlHarness.Result;
import dev.ben.benctl.FakeControlServer;
import dev.ben.benctl.FakeControlServer.Call;
import dev.ben.benctl.FakeControlSession;
import dev.ben.benctl.command.ExitCode;
import dev.ben.benctl.config.BenctlConfig;
import dev.ben.benctl.config.ConfigFile;
import dev.ben.benctl.config.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ledger verbs present a token on every call and map the server's refusals to exit codes. */
class AuthenticatedCallsTest {

  private static final String TOKEN = "good-token";

  @RegisterExtension final FakeControlSession session = new FakeControlSession(TOKEN);
  private FakeControlServer server;

  @BeforeEach
  void server() {
    server = session.server();
  }

  private Result benctl(Map<String, String> variables, String... args) {
    return session.runAlone(variables, args);
  }

  private List<Call> callsSince(int before) {
    List<Call> all = server.calls();
    return all.subList(before, all.size());
  }

  @Test
  void everyLedgerVerbCarriesTheBearerTokenAndNoSource() {
    int before = server.calls().size();
    String[][] commands = {
      {"status", "p"},
      {"deploy", "p", "--wait", "0"},
      {"rollback", "p", "--wait", "0"},
      {"pause", "p"},
      {"pipelines"},
      {"diff", "p", "1", "2"},
      {"unstage", "p", "1"}
    };
    for (String[] command : commands) {
      Result run = session.run(command);
      assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    }
    List<Call> calls = callsSince(before);
    assertEquals(
        List.of(
            "status", "deploy", "rollback", "changeLifecycle", "listPipelines", "diff", "unstage"),
        calls.stream().map(Call::method).toList());
    calls.forEach(
        call ->
            assertEquals("Bearer " + TOKEN, call.authorization().orElseThrow(), call::toString));
    assertEquals(
        "", ((DeployRequest) calls.get(1).request()).getSource(), "the server names the user");
    assertEquals("", ((LifecycleRequest) calls.get(3).request()).getSource());
  }

  @Test
  void theTokenComesFromTheEnvironmentOrTheContext() {
    int before = server.calls().size();
    Result fromEnvironment =
        benctl(Map.of("BEN_SERVER", server.address(), "BEN_TOKEN", TOKEN), "status", "p");
    assertEquals(ExitCode.OK, fromEnvironment.exitCode(), fromEnvironment::toString);

    new ConfigFile(session.dir().resolve("config.json"))
        .save(
            BenctlConfig.empty()
                .with(
                    Context.of("c", server.address())
                        .loggedIn(server.address(), "admin", TOKEN, null))
                .withCurrent("c"));
    Result fromContext = benctl(Map.of(), "status", "p");
    assertEquals(ExitCode.OK, fromContext.exitCode(), fromContext::toString);
    callsSince(before)
        .forEach(call -> assertEquals("Bearer " + TOKEN, call.authorization().orElseThrow()));
    assertEquals(2, callsSince(before).size());
  }

  @Test
  void withoutATokenNothingIsSentAndTheMessageSaysHowToLogIn() {
    int before = server.calls().size();
    Result run = benctl(Map.of(), "status", "p", "--server", server.address());
    assertEquals(ExitCode.NOT_AUTHENTICATED, run.exitCode(), run::toString);
    assertEquals(
        "benctl: not logged in to "
            + server.address()
            + ": run `benctl login --server "
            + server.address()
            + "`\n",
        run.err());
    assertEquals(before, server.calls().size());
  }

  @Test
  void aRefusedTokenIsNotAuthenticated() {
    Result run = benctl(Map.of(), "status", "p", "--server", server.address(), "--token", "forged");
    assertEquals(ExitCode.NOT_AUTHENTICATED, run.exitCode(), run::toString);
    assertTrue(
        run.err()
            .contains(
                server.address() + " refused the token from --token (invalid or expired token)"),
        run::toString);
  }

  @Test
  void anExpiredContextTokenSaysWhenItExpired() {
    new ConfigFile(session.dir().resolve("config.json"))
        .save(
            BenctlConfig.empty()
                .with(
                    Context.of("c", server.address())
                        .loggedIn(
                            server.address(),
                            "admin",
                            "old",
                            Instant.parse("2026-01-01T00:00:00Z")))
                .withCurrent("c"));
    Result run = benctl(Map.of(), "status", "p");
    assertEquals(ExitCode.NOT_AUTHENTICATED, run.exitCode(), run::toString);
    assertEquals(
        "benctl: the token for context 'c' expired at 2026-01-01T00:00:00Z: run `benctl login`\n",
        run.err());
  }

  @Test
  void permissionDeniedIsARefusalWithTheServersReason() {
    Result run =
        benctl(Map.of(), "status", "forbidden", "--server", server.address(), "--token", TOKEN);
    assertEquals(ExitCode.REFUSED, run.exitCode(), run::toString);
    assertEquals("benctl: role viewer may not see forbidden\n", run.err());
  }
}
