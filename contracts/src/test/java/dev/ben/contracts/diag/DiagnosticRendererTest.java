package dev.ben.contracts.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DiagnosticRendererTest {

  @Test
  void rendersPositionSourceLineCaretsAndHint() {
    SourceFile file = new SourceFile("auth.ben", "policy p on login {\n  predicate failed = atempts > 5\n}\n");
    int start = file.text().indexOf("atempts");
    Diagnostic d = new Diagnostic(Diagnostic.Severity.ERROR, new Span(file, start, start + 7),
        "unknown field `atempts` in schema `login`", Optional.of("did you mean `attempts`?"));
    assertEquals("""
        auth.ben:2:22: error: unknown field `atempts` in schema `login`
           2 |   predicate failed = atempts > 5
             |                      ^^^^^^^
             = hint: did you mean `attempts`?
        """, DiagnosticRenderer.render(d));
  }

  @Test
  void columnsCountCodePointsSoMultiByteTextLinesUp() {
    SourceFile file = new SourceFile("x.ben", "list 😀: string = [\"é\", bad]\n");
    int start = file.text().indexOf("bad");
    Diagnostic d = new Diagnostic(Diagnostic.Severity.WARNING, new Span(file, start, start + 3), "m", Optional.empty());
    assertEquals(24, d.span().column());
    assertEquals("x.ben:1:24: warning: m\n   1 | list 😀: string = [\"é\", bad]\n"
        + "     |                        ^^^\n", DiagnosticRenderer.render(d));
  }

  @Test
  void anEmptySpanAtTheEndOfFileGetsOneCaret() {
    SourceFile file = new SourceFile("e.ben", "schema s v1 {");
    Diagnostic d = new Diagnostic(Diagnostic.Severity.ERROR, new Span(file, 13, 13), "expected `}`", Optional.empty());
    assertEquals("e.ben:1:14: error: expected `}`\n   1 | schema s v1 {\n     |              ^\n",
        DiagnosticRenderer.render(d));
  }
}
