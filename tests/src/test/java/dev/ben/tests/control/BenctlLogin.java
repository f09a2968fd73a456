package dev.ben.tests.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ben.benctl.BenctlHarness;
import dev.ben.benctl.BenctlHarness.Result;
import dev.ben.benctl.command.Environment;
import dev.ben.benctl.command.ExitCode;
import dev.ben.benctl.config.ConfigFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * Logs benctl in to a test node as {@code admin}, with the password the node writes to {@code
 * $BEN_HOME/initial-admin-password} on first start, the way an operator's first login goes.
 */
public final class BenctlLogin {

  public static final String PASSWORD_FILE = "initial-admin-password";

  private static final Duration POLL = Duration.ofMillis(100);

  private BenctlLogin() {}

  /**
   * Runs {@code benctl login --server address --user admin --password-stdin} with the password
   * found in one of {@code homes}, keeping the token in {@code configFile}; returns the environment
   * whose benctl uses that login.
   */
  public static Environment loggedIn(
      Path configFile, String address, Duration wait, Path... homes) {
    String password = initialPassword(wait, homes);
    Result login =
        BenctlHarness.run(
            BenctlHarness.environment(configFile, Map.of(), password + "\n"),
            "login",
            "--server",
            address,
            "--user",
            "admin",
            "--password-stdin");
    assertEquals(ExitCode.OK, login.exitCode(), login::toString);
    return BenctlHarness.environment(configFile, Map.of(), "");
  }

  /**
   * Creates the app with {@code benctl apps create} as the logged-in admin of {@code admin} and
   * returns its key, as an operator hands it to the app.
   */
  public static String appKey(Environment admin, String address, String app) {
    Result created = BenctlHarness.run(admin, "apps", "create", app, "--server", address);
    assertEquals(ExitCode.OK, created.exitCode(), created::toString);
    return created.out().strip();
  }

  /** The token the login in {@code configFile} holds for {@code address}, for {@code --token}. */
  public static String token(Path configFile, String address) {
    return new ConfigFile(configFile).load().require(address).token();
  }

  /**
   * The admin password the first of {@code homes} to hold one wrote, waiting up to {@code wait}.
   */
  public static String initialPassword(Duration wait, Path... homes) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      Optional<Path> file =
          Arrays.stream(homes)
              .map(home -> home.resolve(PASSWORD_FILE))
              .filter(Files::exists)
              .findFirst();
      if (file.isPresent()) {
        try {
          return Files.readString(file.get()).strip();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(
            "no "
                + PASSWORD_FILE
                + " in "
                + Arrays.toString(homes)
                + " after "
                + wait.toSeconds()
                + " s");
      }
      LockSupport.parkNanos(POLL.toNanos());
    }
  }
}
