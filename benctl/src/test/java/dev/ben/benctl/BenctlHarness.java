package dev.ben.benctl;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Runs benctl in-process, as {@code bin/benctl} would, capturing stdout, stderr and the exit code.
 */
public final class BenctlHarness {

  /** What one benctl invocation produced. */
  public record Result(int exitCode, String out, String err) {

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }
  }

  private BenctlHarness() {}

  /** Runs {@code benctl args...}. */
  public static Result run(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }
}
