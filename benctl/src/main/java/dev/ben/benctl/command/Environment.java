package dev.ben.benctl.command;

import java.io.Console;
import java.io.InputStream;
import java.util.Map;

/**
 * What benctl reads from its process besides the command line: environment variables, standard
 * input and the terminal to prompt on. Passed in rather than read from {@link System}, so tests run
 * benctl against their own configuration file, token and password without touching the user's.
 *
 * @param variables the environment variables
 * @param stdin standard input, for {@code --password-stdin}
 * @param prompt asks the terminal for a secret without echo; {@code null} when there is no terminal
 */
public record Environment(Map<String, String> variables, InputStream stdin, PasswordPrompt prompt) {

  /** Reads a secret from the terminal without echoing it. */
  @FunctionalInterface
  public interface PasswordPrompt {
    /** Shows {@code prompt} and returns what was typed, without the line end. */
    char[] read(String prompt);
  }

  public Environment {
    variables = Map.copyOf(variables);
  }

  /** The process's own environment, standard input and console. */
  public static Environment system() {
    Console console = System.console();
    PasswordPrompt prompt = console == null ? null : text -> console.readPassword("%s", text);
    return new Environment(System.getenv(), System.in, prompt);
  }

  /** The variable's value, or {@code null} when it is unset or blank. */
  public String variable(String name) {
    String value = variables.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }
}
