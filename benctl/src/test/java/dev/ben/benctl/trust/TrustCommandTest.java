package dev.ben.benctl.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.api.control.AddTrustedKeyRequest;
import dev.ben.api.control.RemoveTrustedKeyRequest;
import dev.ben.benctl.BenctlHarness.Result;
import dev.ben.benctl.FakeControlServer.Call;
import dev.ben.benctl.FakeControlSession;
import dev.ben.benctl.command.ExitCode;
import dev.ben.contracts.bundle.Ed25519;
import dev.ben.contracts.bundle.KeyFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code benctl trust add|list|remove} against a fake control API. */
class TrustCommandTest {

  private static final String TOKEN = "admin-token";
  private static final String CONFIGURED = "ed25519:00000000000000aa";
  private static final String ADDED = "ed25519:00000000000000bb";

  @RegisterExtension final FakeControlSession control = new FakeControlSession(TOKEN);

  @TempDir Path dir;

  @Test
  void addSendsThePublicKeyFileWithItsLabel() throws Exception {
    var written = KeyFiles.write(dir, "release", Ed25519.generate(), false);
    Result run = control.run("trust", "add", written.publicFile().toString(), "--label", "release");
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    assertEquals("trusted " + ADDED + "\n", run.out());
    Call call = control.lastCall();
    assertEquals("addTrustedKey", call.method());
    assertEquals("Bearer " + TOKEN, call.authorization().orElseThrow());
    var request = (AddTrustedKeyRequest) call.request();
    assertEquals(Files.readString(written.publicFile()), request.getPublicKey());
    assertEquals("release", request.getLabel());
  }

  @Test
  void aPrivateKeyFileIsRefusedBeforeAnythingIsSent() throws Exception {
    var written = KeyFiles.write(dir, "secret", Ed25519.generate(), false);
    Result run = control.run("trust", "add", written.privateFile().toString());
    assertEquals(ExitCode.REFUSED, run.exitCode(), run::toString);
    assertTrue(run.err().contains("PRIVATE"), run::toString);
    assertEquals(List.of(), control.server().calls());
  }

  @Test
  void listShowsConfiguredAndAddedKeysAsATableOrJson() throws Exception {
    var written = KeyFiles.write(dir, "release", Ed25519.generate(), false);
    control.run("trust", "add", written.publicFile().toString(), "--label", "release");
    Result table = control.run("trust", "list");
    assertEquals(ExitCode.OK, table.exitCode(), table::toString);
    List<String> lines = table.out().lines().toList();
    assertTrue(lines.get(0).startsWith("KEY ID"), table::toString);
    assertTrue(lines.get(1).startsWith(CONFIGURED), table::toString);
    assertTrue(lines.get(1).contains("(configured)"), table::toString);
    assertTrue(lines.get(2).startsWith(ADDED), table::toString);
    assertTrue(lines.get(2).contains("release"), table::toString);
    assertTrue(lines.get(2).contains("2023-11-14T22:13:20Z"), table::toString);
    Result json = control.run("trust", "list", "-o", "json");
    assertTrue(json.out().contains("\"configured\" : true"), json::toString);
    assertTrue(json.out().contains("\"added_by\" : \"admin\""), json::toString);
  }

  @Test
  void removeNamesTheKeyAndRefusalsMapToExitCodes() throws Exception {
    var written = KeyFiles.write(dir, "release", Ed25519.generate(), false);
    control.run("trust", "add", written.publicFile().toString());
    Result removed = control.run("trust", "remove", ADDED);
    assertEquals(ExitCode.OK, removed.exitCode(), removed::toString);
    assertEquals("no longer trusted: " + ADDED + "\n", removed.out());
    assertEquals(ADDED, ((RemoveTrustedKeyRequest) control.lastCall().request()).getKeyId());

    Result configured = control.run("trust", "remove", CONFIGURED);
    assertEquals(ExitCode.REFUSED, configured.exitCode(), configured::toString);
    assertTrue(configured.err().contains("ben.ledger.trusted-keys"), configured::toString);
    Result missing = control.run("trust", "remove", ADDED);
    assertEquals(ExitCode.REFUSED, missing.exitCode(), missing::toString);
    Result noCommand = control.run("trust");
    assertEquals(ExitCode.USAGE, noCommand.exitCode(), noCommand::toString);
  }
}
