package dev.ben.streams.sidecar;

import java.util.regex.Pattern;

/**
 * What an app or pipeline name may be wherever an app names one: letters, digits, {@code _ . -}, at
 * most 64.
 */
public final class Names {

  /** The rule, worded for refusals. */
  public static final String RULE = "letters, digits, `_`, `.`, `-`, at most 64";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private Names() {}

  public static boolean valid(String name) {
    return name != null && NAME.matcher(name).matches();
  }
}
