package dev.ben.benctl.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.benctl.command.CommandFailure;
import dev.ben.benctl.command.Environment;
import dev.ben.benctl.config.BenctlConfig;
import dev.ben.benctl.config.Context;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetSelectionTest {

  private static final Instant EXPIRES = Instant.parse("2026-12-05T09:00:00Z");

  private static final BenctlConfig CONFIG =
      BenctlConfig.empty()
          .with(Context.of("dev", "dev:7070").loggedIn("dev:7070", "me", "dev-token", EXPIRES))
          .with(Context.of("prod", "prod:7070").loggedIn("prod:7070", "me", "prod-token", EXPIRES))
          .withCurrent("dev");

  private static TargetSelection selection(Map<String, String> variables, BenctlConfig config) {
    return new TargetSelection(
        new Environment(variables, InputStream.nullInputStream(), null), () -> config);
  }

  private static Target select(
      Map<String, String> variables, String server, String context, String token) {
    return selection(variables, CONFIG).select(server, context, token);
  }

  @Test
  void theCurrentContextGivesServerAndToken() {
    Target target = select(Map.of(), null, null, null);
    assertEquals("dev:7070", target.address());
    assertEquals("dev-token", target.token());
    assertEquals("dev", target.context().name());
    assertEquals("benctl login", target.login());
  }

  @Test
  void contextChoosesAnotherContext() {
    Target target = select(Map.of(), null, "prod", null);
    assertEquals("prod:7070", target.address());
    assertEquals("prod-token", target.token());
    assertEquals("benctl login --context prod", target.login());
  }

  @Test
  void serverFlagBeatsEnvironmentBeatsContextBeatsDefault() {
    var env = Map.of("BEN_SERVER", "env:1");
    assertEquals("flag:1", select(env, "flag:1", null, null).address());
    assertEquals("env:1", select(env, null, null, null).address());
    assertEquals("dev:7070", select(Map.of(), null, null, null).address());
    assertEquals(
        "127.0.0.1:7070",
        selection(Map.of(), BenctlConfig.empty()).select(null, null, null).address());
  }

  @Test
  void aContextsTokenGoesOnlyToTheContextsServer() {
    Target elsewhere = select(Map.of(), "other:1", null, null);
    assertNull(elsewhere.token(), "dev's token must not be sent to another server");
    assertNull(elsewhere.context());
    assertEquals("benctl login --server other:1", elsewhere.login());
    assertEquals("dev-token", select(Map.of(), "dev:7070", null, null).token());
  }

  @Test
  void tokenFlagBeatsEnvironmentBeatsContext() {
    var env = Map.of("BEN_TOKEN", "env-token");
    Target flagged = select(env, null, null, "flag-token");
    assertEquals("flag-token", flagged.token());
    assertEquals("--token", flagged.tokenOrigin());
    assertEquals("dev:7070", flagged.address(), "the context still gives the server");
    Target fromEnvironment = select(env, null, null, null);
    assertEquals("env-token", fromEnvironment.token());
    assertEquals("$BEN_TOKEN", fromEnvironment.tokenOrigin());
  }

  @Test
  void explicitServerAndTokenNeedNoConfigurationFile() {
    var broken =
        new TargetSelection(
            new Environment(Map.of("BEN_TOKEN", "t"), InputStream.nullInputStream(), null),
            () -> {
              throw CommandFailure.refused("config.json is not a valid benctl configuration");
            });
    Target target = broken.select("h:1", null, null);
    assertEquals("t", target.token());
    assertThrows(CommandFailure.class, () -> broken.select("h:1", "dev", null));
  }

  @Test
  void anUnknownContextIsRefusedListingTheKnownOnes() {
    var failure = assertThrows(CommandFailure.class, () -> select(Map.of(), null, "qa", null));
    assertEquals("no context 'qa'; the contexts are [dev, prod]", failure.getMessage());
  }

  @Test
  void messagesSayWhichLoginFixesIt() {
    assertEquals(
        "not logged in to other:1: run `benctl login --server other:1`",
        select(Map.of(), "other:1", null, null).notLoggedIn());
    Target dev = select(Map.of(), null, null, null);
    assertEquals(
        "the token for context 'dev' expired at 2026-12-05T09:00:00Z: run `benctl login`",
        dev.refused("token expired", EXPIRES.plusSeconds(1)));
    assertEquals(
        "dev:7070 refused the token for context 'dev' (bad signature): run `benctl login`",
        dev.refused("bad signature", EXPIRES.minusSeconds(1)));
    String flagged = select(Map.of(), null, null, "x").refused("bad signature", EXPIRES);
    assertTrue(
        flagged.startsWith("dev:7070 refused the token from --token (bad signature)"), flagged);
    Context loggedOut = CONFIG.require("dev").loggedOut();
    Target noToken = selection(Map.of(), CONFIG.with(loggedOut)).select(null, null, null);
    assertEquals(
        "not logged in to dev:7070 (context 'dev' has no token): run `benctl login`",
        noToken.notLoggedIn());
  }
}
