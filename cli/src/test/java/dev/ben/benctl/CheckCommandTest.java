package dev.ben.benctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {

  @TempDir
  Path dir;

  @Test
  void theAuthExampleChecksCleanly() {
    MainTest.Result result = MainTest.benctl("check", "../examples/auth");
    assertEquals(ExitCodes.OK, result.code(), result.err());
    assertEquals("auth: 2 files, 0 errors, 0 warnings\n", result.out());
  }

  @Test
  void aBrokenContractPrintsThePositionedDiagnosticAndExitsOne() throws Exception {
    Files.writeString(dir.resolve("ben.project"), "name = \"broken\"\n");
    Files.writeString(dir.resolve("main.ben"), """
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
    MainTest.Result result = MainTest.benctl("check", dir.toString());
    assertEquals(ExitCodes.REFUSED, result.code());
    assertTrue(result.err().contains("""
        main.ben:10:21: error: unknown field `atempts` in schema `login`
           10 |   predicate burst = atempts > 5
              |                     ^^^^^^^
              = hint: did you mean `attempts`?
        """), result.err());
    assertTrue(result.err().endsWith("broken: 1 file, 1 error, 0 warnings\n"), result.err());
  }

  @Test
  void aFolderThatIsNotAProjectIsRefusedWithWhatToDo() {
    MainTest.Result result = MainTest.benctl("check", dir.toString());
    assertEquals(ExitCodes.REFUSED, result.code());
    assertTrue(result.err().contains("is not a Ben project (no ben.project in it)"), result.err());
  }
}
