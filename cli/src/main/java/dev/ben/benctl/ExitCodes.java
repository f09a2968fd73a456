package dev.ben.benctl;

/** benctl's exit codes, stable for scripts and CI. */
public final class ExitCodes {

  /** The command did what was asked. */
  public static final int OK = 0;
  /** The input was understood and refused: invalid contract, failed verification, a refusal by the server. */
  public static final int REFUSED = 1;
  /** The command line itself is wrong: unknown option, missing argument. */
  public static final int USAGE = 2;
  /** The cluster could not be reached. */
  public static final int UNREACHABLE = 3;
  /** A bug or an unexpected failure inside benctl. */
  public static final int INTERNAL = 4;

  private ExitCodes() {}
}
