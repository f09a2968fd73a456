package dev.ben.contracts.fmt;

import dev.ben.contracts.diag.Diagnostics;
import dev.ben.contracts.diag.SourceFile;
import dev.ben.contracts.lang.BenFile;
import dev.ben.contracts.lang.Decl;
import dev.ben.contracts.lang.EventTypeDecl;
import dev.ben.contracts.lang.ListDecl;
import dev.ben.contracts.lang.Parser;
import dev.ben.contracts.lang.SignalDecl;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Formats Ben source canonically. Only sources that parse are formatted: rewriting text the parser
 * did not understand could change its meaning, so syntax errors are refused with their diagnostics.
 */
public final class Formatter {

  private Formatter() {}

  /** Thrown for sources with syntax errors; the message holds the rendered diagnostics. */
  public static final class FormatException extends RuntimeException {
    public FormatException(String diagnostics) {
      super("cannot format a file with syntax errors:\n" + diagnostics);
    }
  }

  public static String format(String source) {
    return format("input.ben", source);
  }

  private static int start(Object item) {
    return item instanceof BenFile.Import anImport
        ? anImport.span().start()
        : ((Decl) item).span().start();
  }

  /**
   * Runs of imports, lists, event types or signals (one-line declarations) stay together unless the
   * author separated them with a blank line; everything else is separated by one blank line.
   */
  private static boolean sameRun(Object previous, Object item) {
    boolean oneLiner =
        previous instanceof BenFile.Import
            || previous instanceof ListDecl
            || previous instanceof EventTypeDecl
            || previous instanceof SignalDecl;
    return oneLiner && previous.getClass() == item.getClass();
  }

  /** Formats a file; {@code path} is only used in diagnostics. */
  public static String format(String path, String source) {
    Diagnostics diagnostics = new Diagnostics();
    BenFile file = Parser.parse(new SourceFile(path, source), diagnostics);
    if (diagnostics.hasErrors()) {
      throw new FormatException(diagnostics.render());
    }
    Layout layout = new Layout(source, file.comments());
    List<Object> items = new ArrayList<>(file.imports());
    items.addAll(file.decls());
    items.sort(Comparator.comparingInt(Formatter::start));
    DeclPrinter printer = new DeclPrinter(layout);
    Object previous = null;
    for (Object item : items) {
      if (previous != null && !sameRun(previous, item)) {
        layout.separate(start(item));
      }
      if (item instanceof BenFile.Import anImport) {
        layout.line(anImport.span().start(), "import " + anImport.path().source());
      } else {
        printer.print((Decl) item);
      }
      previous = item;
    }
    return layout.finish();
  }
}
