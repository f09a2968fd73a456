package dev.ben.benctl.fmt;

import dev.ben.benctl.command.CommandFailure;
import dev.ben.benctl.command.ExitCode;
import dev.ben.benctl.command.Subcommand;
import dev.ben.contracts.diag.Diagnostic;
import dev.ben.contracts.diag.DiagnosticRenderer;
import dev.ben.contracts.diag.Diagnostics;
import dev.ben.contracts.diag.SourceFile;
import dev.ben.contracts.fmt.Formatter;
import dev.ben.contracts.lang.Parser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code benctl fmt [DIR|FILE...]}: rewrites contracts in the one canonical layout, or reports what
 * would change.
 */
@Command(
    name = "fmt",
    mixinStandardHelpOptions = true,
    description = {
      "Format Ben contracts in place: every *.ben file of the given folders (hidden folders and "
          + "target/ skipped, as when loading a project) and every file named.",
      "A file with syntax errors is never touched: its errors are printed and the exit code is 1.",
      "With --check or --diff nothing is written and the exit code is 1 when any file would change, for CI."
    })
public final class FmtCommand extends Subcommand {

  @Parameters(
      arity = "0..*",
      paramLabel = "DIR|FILE",
      description = "Project folders or .ben files; default: the current folder.")
  private List<Path> paths = new ArrayList<>();

  @Option(names = "--check", description = "Write nothing; list the files that would change.")
  private boolean check;

  @Option(
      names = "--diff",
      description = "Write nothing; print a unified diff of what would change.")
  private boolean diff;

  @Override
  protected int run() {
    List<Path> given = paths.isEmpty() ? List.of(Path.of(".")) : paths;
    List<BenSources.Source> sources = BenSources.find(given);
    if (sources.isEmpty()) {
      throw CommandFailure.refused(
          "no .ben files in "
              + given.stream().map(Path::toString).collect(Collectors.joining(", "))
              + "; give a project folder or .ben files");
    }
    boolean write = !check && !diff;
    int changed = 0;
    int broken = 0;
    for (BenSources.Source source : sources) {
      String text;
      try {
        text = BenSources.read(source);
      } catch (IOException unreadable) {
        err()
            .println(
                "benctl: "
                    + source.display()
                    + ": "
                    + unreadable.getMessage()
                    + "; left unchanged");
        broken++;
        continue;
      }
      String formatted;
      try {
        formatted = Formatter.format(source.display(), text);
      } catch (Formatter.FormatException syntax) {
        syntaxErrors(source.display(), text, syntax).forEach(err()::println);
        broken++;
        continue;
      }
      if (formatted.equals(text)) {
        continue;
      }
      changed++;
      if (diff) {
        out().print(UnifiedDiff.of(source.display(), text, formatted));
      } else {
        out().println(source.display());
      }
      if (write) {
        try {
          InPlaceWriter.replace(source.file(), formatted);
        } catch (IOException e) {
          err().println("benctl: " + source.display() + ": cannot write: " + e.getMessage());
          broken++;
        }
      }
    }
    out().println(summary(write, changed, sources.size(), broken));
    return broken > 0 || (!write && changed > 0) ? ExitCode.REFUSED : ExitCode.OK;
  }

  /** The file's syntax errors positioned with carets, as {@code benctl check} shows them. */
  private static List<String> syntaxErrors(
      String display, String text, Formatter.FormatException failure) {
    var diagnostics = new Diagnostics();
    Parser.parse(new SourceFile(display, text), diagnostics);
    List<String> rendered =
        diagnostics.sorted().stream()
            .filter(Diagnostic::isError)
            .map(DiagnosticRenderer::render)
            .toList();
    // The formatter and the parser agree on what parses; the fallback only guards against a future
    // drift.
    return rendered.isEmpty()
        ? List.of("benctl: " + display + ": " + failure.getMessage())
        : rendered;
  }

  static String summary(boolean write, int changed, int total, int broken) {
    String files = total == 1 ? " file" : " files";
    String text =
        write
            ? "formatted " + changed + " of " + total + files
            : changed + " of " + total + files + " would be reformatted";
    if (broken > 0) {
      text +=
          "; "
              + broken
              + (broken == 1 ? " file was" : " files were")
              + " left unchanged because of errors";
    }
    return text;
  }
}
