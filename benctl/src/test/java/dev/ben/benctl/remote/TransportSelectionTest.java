package dev.ben.benctl.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ben.benctl.command.CommandFailure;
import dev.ben.benctl.command.Environment;
import dev.ben.benctl.command.ExitCode;
import dev.ben.benctl.config.BenctlConfig;
import dev.ben.benctl.config.Context;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which of --ca, $BEN_CA, the context's CA, --tls and $BEN_TLS decides how benctl connects. */
class TransportSelectionTest {

  private static final BenctlConfig CONFIG =
      BenctlConfig.empty()
          .with(Context.of("dev", "dev:7070").withCa("/etc/ben/dev-ca.pem"))
          .with(Context.of("plain", "plain:7070"))
          .withCurrent("dev");

  private static Transport select(
      Map<String, String> variables, String server, String context, String ca, boolean tls) {
    return new TargetSelection(
            new Environment(variables, InputStream.nullInputStream(), null), () -> CONFIG)
        .select(server, context, null, ca, tls)
        .transport();
  }

  @Test
  void caFlagBeatsEnvironmentBeatsContext() {
    var env = Map.of("BEN_CA", "/env/ca.pem");
    assertEquals(
        Transport.trusting(Path.of("/flag/ca.pem"), "--ca"),
        select(env, null, null, "/flag/ca.pem", false));
    assertEquals(
        Transport.trusting(Path.of("/env/ca.pem"), "$BEN_CA"),
        select(env, null, null, null, false));
    assertEquals(
        Transport.trusting(Path.of("/etc/ben/dev-ca.pem"), "context 'dev'"),
        select(Map.of(), null, null, null, false));
  }

  @Test
  void aContextsCaIsTrustedOnlyForTheContextsServer() {
    assertEquals(Transport.CLEARTEXT, select(Map.of(), "other:1", null, null, false));
    assertEquals(
        Transport.trusting(Path.of("/etc/ben/dev-ca.pem"), "context 'dev'"),
        select(Map.of("BEN_SERVER", "dev:7070"), null, null, null, false));
  }

  @Test
  void explicitServerAndTokenSkipTheContextAndItsCaAsTheyDoItsToken() {
    var target =
        new TargetSelection(
                new Environment(
                    Map.of("BEN_TOKEN", "t", "BEN_CA", "/env/ca.pem"),
                    InputStream.nullInputStream(),
                    null),
                () -> {
                  throw CommandFailure.refused("the configuration file must not be read");
                })
            .select("dev:7070", null, null, null, false);
    assertEquals(Transport.trusting(Path.of("/env/ca.pem"), "$BEN_CA"), target.transport());
  }

  @Test
  void aCaFromAnywhereBeatsTheDefaultTrustStore() {
    assertEquals(
        Transport.trusting(Path.of("/etc/ben/dev-ca.pem"), "context 'dev'"),
        select(Map.of("BEN_TLS", "true"), null, null, null, true));
  }

  @Test
  void tlsFlagOrEnvironmentTrustsTheDefaultStore() {
    assertEquals(Transport.defaultTrust("--tls"), select(Map.of(), null, "plain", null, true));
    assertEquals(
        Transport.defaultTrust("$BEN_TLS"),
        select(Map.of("BEN_TLS", "TRUE"), null, "plain", null, false));
    assertEquals(
        Transport.CLEARTEXT, select(Map.of("BEN_TLS", "false"), null, "plain", null, false));
  }

  @Test
  void withoutCaOrTlsBenctlSpeaksCleartext() {
    assertEquals(Transport.CLEARTEXT, select(Map.of(), null, "plain", null, false));
  }

  @Test
  void aBenTlsThatIsNeitherTrueNorFalseIsAUsageError() {
    var failure =
        assertThrows(
            CommandFailure.class,
            () -> select(Map.of("BEN_TLS", "yes"), null, "plain", null, false));
    assertEquals(ExitCode.USAGE, failure.exitCode());
    assertEquals("$BEN_TLS must be true or false, got 'yes'", failure.getMessage());
  }
}
