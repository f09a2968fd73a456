package dev.ben.benctl;

import dev.ben.benctl.command.Environment;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The process entry point: runs benctl and exits with its code. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    var out = writer(FileDescriptor.out);
    var err = writer(FileDescriptor.err);
    int code = run(args, out, err);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs benctl with the given writers and returns its exit code; the one path every invocation
   * takes.
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, Environment.system());
  }

  /** Runs benctl in {@code environment} instead of the process's own. */
  public static int run(String[] args, PrintWriter out, PrintWriter err, Environment environment) {
    return Benctl.commandLine(out, err, environment).execute(args);
  }

  private static PrintWriter writer(FileDescriptor descriptor) {
    // UTF-8 whatever the platform default, so fingerprints and names print the same everywhere.
    return new PrintWriter(
        new OutputStreamWriter(new FileOutputStream(descriptor), StandardCharsets.UTF_8), true);
  }
}
