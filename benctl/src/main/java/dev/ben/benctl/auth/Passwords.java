package dev.ben.benctl.auth;

import dev.ben.benctl.command.CommandFailure;
import dev.ben.benctl.command.Environment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Where {@code benctl login} gets the password: standard input, else the terminal. */
final class Passwords {

  private Passwords() {}

  static String read(Environment environment, boolean fromStdin, String user, String address) {
    String password = fromStdin ? fromStdin(environment) : prompted(environment, user, address);
    if (password.isEmpty()) {
      throw CommandFailure.usage("the password is empty");
    }
    return password;
  }

  /** Standard input without the line end a pipe or here-string adds. */
  private static String fromStdin(Environment environment) {
    try {
      String text = new String(environment.stdin().readAllBytes(), StandardCharsets.UTF_8);
      if (text.endsWith("\n")) {
        text = text.substring(0, text.length() - 1);
      }
      return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    } catch (IOException failed) {
      throw CommandFailure.refused("cannot read the password from standard input: " + failed);
    }
  }

  private static String prompted(Environment environment, String user, String address) {
    if (environment.prompt() == null) {
      throw CommandFailure.usage(
          "no terminal to ask for the password on; pipe it in with --password-stdin");
    }
    char[] typed = environment.prompt().read("Password for " + user + " at " + address + ": ");
    if (typed == null) {
      throw CommandFailure.usage("no password given");
    }
    try {
      return new String(typed);
    } finally {
      Arrays.fill(typed, ' ');
    }
  }
}
