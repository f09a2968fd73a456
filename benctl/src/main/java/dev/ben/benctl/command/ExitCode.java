package dev.ben.benctl.command;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * benctl's exit codes. Scripts and CI depend on them, so they never change meaning: 0 ok, 1 refused
 * or invalid input, 2 usage error, 3 cannot reach the server, 4 internal error, 5 not logged in.
 */
public final class ExitCode {

  /** The command did what was asked. */
  public static final int OK = 0;

  /**
   * The input was refused or invalid: contract errors, a bundle that fails verification, a missing
   * file.
   */
  public static final int REFUSED = 1;

  /** The command line itself is wrong: unknown option, missing argument. */
  public static final int USAGE = 2;

  /** The Ben cluster (ledger gRPC endpoint) could not be reached. */
  public static final int UNREACHABLE = 3;

  /** A bug in benctl; the message says what to report. */
  public static final int INTERNAL = 4;

  /** No token for the server, or the server refused the token (or, at login, the password). */
  public static final int NOT_AUTHENTICATED = 5;

  private ExitCode() {}

  /** The exit code table as shown at the end of every command's help. */
  public static Map<String, String> descriptions() {
    Map<String, String> table = new LinkedHashMap<>();
    table.put(" " + OK, "ok");
    table.put(
        " " + REFUSED,
        "refused or invalid input (contract errors, verification failure, bad file)");
    table.put(" " + USAGE, "usage error (unknown option, missing argument)");
    table.put(" " + UNREACHABLE, "cannot reach the Ben server");
    table.put(" " + INTERNAL, "internal error in benctl (please report it)");
    table.put(" " + NOT_AUTHENTICATED, "not logged in, or the login expired (run `benctl login`)");
    return table;
  }
}
