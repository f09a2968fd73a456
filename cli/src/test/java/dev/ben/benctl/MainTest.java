package dev.ben.benctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MainTest {

  /** benctl run in-process: exit code, stdout and stderr. */
  record Result(int code, String out, String err) {}

  static Result benctl(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void helpListsTheExitCodes() {
    Result result = benctl("--help");
    assertEquals(ExitCodes.OK, result.code());
    assertTrue(result.out().contains("Usage: benctl"), result.out());
    assertTrue(result.out().contains("3  the cluster could not be reached"), result.out());
  }

  @Test
  void versionNamesBenctl() {
    Result result = benctl("--version");
    assertEquals(ExitCodes.OK, result.code());
    assertTrue(result.out().startsWith("benctl "), result.out());
  }

  @Test
  void anUnknownOptionIsAUsageErrorOnStderr() {
    Result result = benctl("--frobnicate");
    assertEquals(ExitCodes.USAGE, result.code());
    assertTrue(result.err().contains("Unknown option: '--frobnicate'"), result.err());
    assertTrue(result.err().contains("benctl --help"), result.err());
    assertEquals("", result.out());
  }
}
