package dev.ben.benctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.benctl.command.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {

  @TempDir Path dir;

  @Test
  void theAuthExampleChecksCleanly() {
    BenctlHarness.Result result = BenctlHarness.run("check", "../examples/auth");
    assertEquals(ExitCode.OK, result.exitCode(), result::toString);
    assertEquals("auth: 3 files, 0 errors, 0 warnings\n", result.out());
  }

  @Test
  void aBrokenContractPrintsThePositionedDiagnosticAndExitsOne() throws Exception {
    Files.writeString(dir.resolve("ben.project"), "name = \"broken\"\nkey = \"keys/broken.key\"\n");
    Files.writeString(
        dir.resolve("main.ben"),
        """
        schema login v1 {
          table logins
          key [user]
          fields {
            user: string
            attempts: u32
          }
        }
        policy p on login {
          predicate burst = atempts > 5
        }
        """);
    BenctlHarness.Result result = BenctlHarness.run("check", dir.toString());
    assertEquals(ExitCode.REFUSED, result.exitCode(), result::toString);
    assertTrue(
        result
            .err()
            .contains(
                """
        main.ben:10:21: error: unknown field `atempts` in schema `login`
           10 |   predicate burst = atempts > 5
              |                     ^^^^^^^
           = hint: did you mean `attempts`?
        """),
        result::toString);
    assertTrue(
        result.err().endsWith("benctl: broken: 1 file, 1 error, 0 warnings\n"), result::toString);
  }

  @Test
  void aFolderThatIsNotAProjectIsRefusedWithWhatToDo() {
    BenctlHarness.Result result = BenctlHarness.run("check", dir.toString());
    assertEquals(ExitCode.REFUSED, result.exitCode());
    assertTrue(
        result.err().contains("this folder has no ben.project, so it is not a Ben project"),
        result::toString);
    assertTrue(result.err().contains("benctl init"), result::toString);
  }

  @Test
  void aMissingFolderIsRefusedWithoutATrace() {
    BenctlHarness.Result result = BenctlHarness.run("check", dir.resolve("nope").toString());
    assertEquals(ExitCode.REFUSED, result.exitCode());
    assertTrue(result.err().contains("is not a folder"), result::toString);
  }
}
