package dev.ben.benctl;

import dev.ben.benctl.command.Environment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs benctl in-process, as {@code bin/benctl} would, capturing stdout, stderr and the exit code.
 * benctl never sees the machine's environment here: without an {@link Environment} of the test's
 * own it runs {@link #isolated()}, so the developer's login, contexts and {@code BEN_SERVER} cannot
 * change what a test sees.
 */
public final class BenctlHarness {

  /** What one benctl invocation produced. */
  public record Result(int exitCode, String out, String err) {

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }
  }

  private static Path scratch;

  private BenctlHarness() {}

  /** Runs {@code benctl args...} {@link #isolated()}. */
  public static Result run(String... args) {
    return run(isolated(), args);
  }

  /** Runs {@code benctl args...} in {@code environment}. */
  public static Result run(Environment environment, String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), environment);
    return new Result(code, out.toString(), err.toString());
  }

  /**
   * No variables but a configuration file of this JVM's own, which no test logs in to; empty
   * standard input and no terminal.
   */
  public static synchronized Environment isolated() {
    if (scratch == null) {
      try {
        scratch = Files.createTempDirectory("benctl-harness");
        // Nothing is written in it (the configuration file stays absent), so it is empty at exit.
        scratch.toFile().deleteOnExit();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return environment(scratch.resolve("absent").resolve("config.json"), Map.of(), "");
  }

  /**
   * Variables {@code variables} plus {@code BENCTL_CONFIG=configFile}, {@code stdin} as standard
   * input and no terminal.
   */
  public static Environment environment(
      Path configFile, Map<String, String> variables, String stdin) {
    Map<String, String> all = new HashMap<>(variables);
    all.put("BENCTL_CONFIG", configFile.toString());
    return new Environment(
        all, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), null);
  }
}
