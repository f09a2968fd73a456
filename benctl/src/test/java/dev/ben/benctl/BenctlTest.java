package dev.ben.benctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.benctl.command.ExitCode;
import dev.ben.benctl.command.Subcommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

class BenctlTest {

  @Test
  void helpListsCommandsAndExitCodes() {
    var result = BenctlHarness.run("--help");
    assertEquals(ExitCode.OK, result.exitCode(), result::toString);
    for (String expected :
        new String[] {
          "init",
          "check",
          "fmt",
          "keygen",
          "verify",
          "inspect",
          "Exit codes:",
          "2   usage error",
          "3   cannot reach the Ben server",
          "5   not logged in",
          "login",
          "logout",
          "whoami",
          "context"
        }) {
      assertTrue(result.out().contains(expected), "missing '" + expected + "' in\n" + result);
    }
    assertEquals("", result.err());
  }

  @Test
  void everyCommandHasHelpWithExitCodes() {
    for (String command : new String[] {"init", "check", "fmt", "keygen", "verify", "inspect"}) {
      var result = BenctlHarness.run(command, "--help");
      assertEquals(ExitCode.OK, result.exitCode(), result::toString);
      assertTrue(result.out().contains("Usage: benctl " + command), result.toString());
      assertTrue(result.out().contains("Exit codes:"), result.toString());
    }
    var viaHelp = BenctlHarness.run("help", "verify");
    assertTrue(viaHelp.out().contains("Usage: benctl verify"), viaHelp.toString());
  }

  @Test
  void versionNamesBenctl() {
    var result = BenctlHarness.run("--version");
    assertEquals(ExitCode.OK, result.exitCode(), result::toString);
    assertTrue(result.out().startsWith("benctl "), result.toString());
  }

  @Test
  void noCommandIsAUsageErrorOnStderr() {
    var result = BenctlHarness.run();
    assertEquals(ExitCode.USAGE, result.exitCode(), result::toString);
    assertTrue(result.err().contains("benctl: no command given"), result.toString());
    assertEquals("", result.out());
  }

  @Test
  void unknownCommandsAndOptionsAreUsageErrorsWithAPointer() {
    var command = BenctlHarness.run("verfy", "x");
    assertEquals(ExitCode.USAGE, command.exitCode(), command::toString);
    assertTrue(command.err().contains("Unmatched argument"), command.toString());
    assertTrue(command.err().contains("verify"), "suggests the closest command: " + command);

    var option = BenctlHarness.run("inspect", "--bogus", "b.json");
    assertEquals(ExitCode.USAGE, option.exitCode(), option::toString);
    assertTrue(option.err().contains("Unknown option: '--bogus'"), option.toString());
    assertTrue(option.err().contains("Run 'benctl inspect --help' for usage."), option.toString());

    var format = BenctlHarness.run("inspect", "-o", "yaml", "b.json");
    assertEquals(ExitCode.USAGE, format.exitCode(), format::toString);
    assertTrue(format.err().contains("expected one of [table, json]"), format.toString());
  }

  @Command(name = "boom")
  static final class Boom extends Subcommand {
    @Override
    protected int run() {
      throw new IllegalStateException("kaput");
    }
  }

  @Test
  void unexpectedExceptionsBecomeInternalErrorsThatAskForAReport() {
    var out = new StringWriter();
    var err = new StringWriter();
    var outWriter = new PrintWriter(out, true);
    var errWriter = new PrintWriter(err, true);
    var commandLine = Benctl.commandLine(outWriter, errWriter, BenctlHarness.isolated());
    commandLine.addSubcommand("boom", new Boom());
    // Writers set on the parent reach subcommands added before the call, so set them again.
    commandLine.setOut(outWriter);
    commandLine.setErr(errWriter);
    int code = commandLine.execute("boom");
    assertEquals(ExitCode.INTERNAL, code);
    assertTrue(
        err.toString().contains("benctl: internal error: java.lang.IllegalStateException: kaput"),
        err.toString());
    assertTrue(err.toString().contains("please report it"), err.toString());
    assertEquals("", out.toString());
  }
}
