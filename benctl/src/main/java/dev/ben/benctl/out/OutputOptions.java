package dev.ben.benctl.out;

import picocli.CommandLine.Option;

/** The {@code -o/--output} option; mix it into every command that prints data. */
public final class OutputOptions {

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  private OutputFormat format = OutputFormat.table;

  public OutputFormat format() {
    return format;
  }

  public boolean json() {
    return format == OutputFormat.json;
  }
}
