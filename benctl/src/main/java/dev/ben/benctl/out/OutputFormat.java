package dev.ben.benctl.out;

/** The shapes a command can print data in; the names are what users type after {@code -o}. */
public enum OutputFormat {
  /** Aligned columns for people. */
  table,
  /** One pretty-printed JSON document for scripts. */
  json
}
