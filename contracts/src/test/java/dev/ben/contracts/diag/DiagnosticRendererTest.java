package dev.ben.contracts.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticRendererTest {

  @Test
  void rendersHeaderSourceLineCaretsAndHint() {
    String text = "a\n".repeat(11) + "  predicate failed_burst = atempts > 5\n";
    SourceFile file = new SourceFile("auth.ben", text);
    int start = text.indexOf("atempts");
    Diagnostic diagnostic =
        new Diagnostic(
            Severity.ERROR,
            new Span(file, start, start + 7),
            "unknown field `atempts` in schema `login`",
            List.of("did you mean `attempts`?"));
    assertEquals(
        """
        auth.ben:12:28: error: unknown field `atempts` in schema `login`
           12 |   predicate failed_burst = atempts > 5
              |                            ^^^^^^^
           = hint: did you mean `attempts`?""",
        DiagnosticRenderer.render(diagnostic));
  }

  @Test
  void columnsCountCodePointsAndCaretsStayUnderTheSpan() {
    String text = "x = \"\uD83D\uDE00é\" + bad";
    SourceFile file = new SourceFile("u.ben", text);
    int start = text.indexOf("bad");
    Diagnostic diagnostic =
        new Diagnostic(Severity.WARNING, new Span(file, start, start + 3), "m", List.of());
    assertEquals(12, diagnostic.column());
    assertEquals(
        "u.ben:1:12: warning: m\n    1 | " + text + "\n      | " + " ".repeat(11) + "^^^",
        DiagnosticRenderer.render(diagnostic));
  }

  @Test
  void emptySpanAtEndOfFileGetsOneCaret() {
    SourceFile file = new SourceFile("e.ben", "schema x");
    Diagnostic diagnostic =
        new Diagnostic(Severity.ERROR, new Span(file, 8, 8), "expected `{`", List.of());
    assertEquals(
        "e.ben:1:9: error: expected `{`\n    1 | schema x\n      |         ^",
        DiagnosticRenderer.render(diagnostic));
  }

  @Test
  void diagnosticsAreSortedByFileLineAndColumnWithoutDuplicates() {
    SourceFile a = new SourceFile("a.ben", "one\ntwo\n");
    SourceFile b = new SourceFile("b.ben", "one\n");
    Diagnostics diagnostics = new Diagnostics();
    diagnostics.error(new Span(b, 0, 1), "b1");
    diagnostics.error(new Span(a, 4, 5), "a2");
    diagnostics.warning(new Span(a, 0, 1), "a1");
    diagnostics.warning(new Span(a, 0, 1), "a1");
    List<String> headers = diagnostics.sorted().stream().map(Diagnostic::header).toList();
    assertEquals(
        List.of("a.ben:1:1: warning: a1", "a.ben:2:1: error: a2", "b.ben:1:1: error: b1"), headers);
    assertEquals(2, diagnostics.errorCount());
  }

  @Test
  void suggestionsFindCloseNamesOnly() {
    assertEquals(
        "attempts", Suggestions.closest("atempts", List.of("attempts", "tenant")).orElseThrow());
    assertEquals(
        "country", Suggestions.closest("conutry", List.of("country", "count")).orElseThrow());
    assertEquals(true, Suggestions.closest("zzz", List.of("attempts", "tenant")).isEmpty());
    assertEquals(1, Suggestions.distance("ab", "ba"));
  }
}
