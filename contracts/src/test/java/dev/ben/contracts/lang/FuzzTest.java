package dev.ben.contracts.lang;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.contracts.check.Checker;
import dev.ben.contracts.diag.Diagnostic;
import dev.ben.contracts.diag.DiagnosticRenderer;
import dev.ben.contracts.diag.Diagnostics;
import dev.ben.contracts.diag.SourceFile;
import dev.ben.contracts.project.Project;
import dev.ben.contracts.project.ProjectSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property test over random token soups and mutations of the real examples (fixed seeds, bounded counts): the
 * lexer, parser and checker never throw, always finish, and every diagnostic points inside its source and renders.
 */
class FuzzTest {

  private static final String[] WORDS = {"schema", "policy", "detector", "playbook", "pipeline", "signal", "list",
      "import", "on", "by", "predicate", "rule", "threshold", "redact", "when", "emit", "bound", "at_most", "per",
      "cooldown", "all", "any", "none", "not", "in", "cidr", "between", "and", "or", "{", "}", "[", "]", "(", ")",
      ",", ":", "=", "==", "=>", "<", ">=", "?", "@pii", ".", "~", "%", "\"s\"", "\"10.0.0.0/8\"", "5", "0.5", "5m",
      "x", "user", "login", "string", "u32", "null", "true", "\n", "//c\n", "/*", "*/", "\"unterminated", "$", "é", "🙂"};

  private static void compile(String text) {
    Diagnostics d = new Diagnostics();
    SourceFile file = new SourceFile("fuzz.ben", text);
    Project project = new Project(Path.of("/nonexistent"), new ProjectSettings("fuzz", Optional.empty(), false),
        List.of(Parser.parse(file, d)));
    Checker.check(project, d);
    for (Diagnostic diagnostic : d.sorted()) {
      assertTrue(diagnostic.span().start() <= text.length() && diagnostic.span().end() <= text.length(),
          () -> "span outside the source: " + diagnostic.headline() + " in\n" + text);
      assertTrue(!DiagnosticRenderer.render(diagnostic).isEmpty());
    }
  }

  @Test
  void randomTokenSoupsNeverCrashTheCompiler() {
    Random random = new Random(20261123);
    for (int i = 0; i < 3000; i++) {
      StringBuilder text = new StringBuilder();
      int tokens = random.nextInt(60);
      for (int t = 0; t < tokens; t++) {
        text.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(4) == 0 ? "" : " ");
      }
      compile(text.toString());
    }
  }

  @Test
  void mutatedExamplesNeverCrashTheCompiler() throws IOException {
    List<String> seeds = List.of(Files.readString(Path.of("../examples/auth/guard.ben")),
        Files.readString(Path.of("../examples/auth/login.ben")), Files.readString(Path.of("../examples/web/pageview.ben")));
    Random random = new Random(7);
    for (int i = 0; i < 2000; i++) {
      StringBuilder text = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
      int mutations = 1 + random.nextInt(4);
      for (int m = 0; m < mutations && text.length() > 0; m++) {
        int at = random.nextInt(text.length());
        int length = Math.min(text.length() - at, 1 + random.nextInt(12));
        switch (random.nextInt(3)) {
          case 0 -> text.delete(at, at + length);
          case 1 -> text.insert(at, WORDS[random.nextInt(WORDS.length)]);
          default -> {
            String piece = text.substring(at, at + length);
            text.delete(at, at + length);
            text.insert(random.nextInt(text.length() + 1), piece);
          }
        }
      }
      compile(text.toString());
    }
  }
}
