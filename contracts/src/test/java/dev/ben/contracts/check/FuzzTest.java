package dev.ben.contracts.check;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ben.contracts.diag.Diagnostic;
import dev.ben.contracts.engine.ContractRuntime;
import dev.ben.contracts.lang.Lexer;
import dev.ben.contracts.lang.Token;
import dev.ben.contracts.lang.TokenKind;
import dev.ben.contracts.project.LoadedProject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property test: random token soups and mutated valid sources never make the front end throw,
 * always terminate (the parser's step guard), every diagnostic points inside its source, and
 * whatever checks cleanly compiles and loads on the engines.
 */
class FuzzTest {
  private static final long SEED = Long.getLong("fuzz.seed", 0xBE4L);
  private static final String[] WORDS = {
    "schema",
    "list",
    "policy",
    "detector",
    "signal",
    "playbook",
    "pipeline",
    "import",
    "table",
    "key",
    "order_by",
    "fields",
    "predicate",
    "threshold",
    "rule",
    "redact",
    "on",
    "by",
    "all",
    "any",
    "none",
    "not",
    "in",
    "cidr",
    "between",
    "and",
    "or",
    "within",
    "fact",
    "gte",
    "flag",
    "emit",
    "when",
    "bound",
    "at_most",
    "per",
    "count",
    "over",
    "as",
    "where",
    "ewma",
    "alpha",
    "x",
    "login",
    "u32",
    "string",
    "{",
    "}",
    "[",
    "]",
    "(",
    ")",
    ",",
    ";",
    ":",
    "=",
    "=>",
    "==",
    ">",
    "<",
    "~",
    "%",
    "?",
    "@pii",
    ".",
    "5",
    "0.5",
    "5m",
    "\"s\"",
    "-",
    "null",
    "\n",
    "/* c */",
    "// c\n",
    "\"",
    "$",
    "9x",
    "/*"
  };

  private static LoadedProject assertSane(Map<String, String> files) {
    LoadedProject project;
    try {
      project = Fixture.load(files);
    } catch (RuntimeException crash) {
      throw new AssertionError("front end threw on input:\n" + files, crash);
    }
    try {
      project
          .compile("fuzz")
          .ifPresent(
              set ->
                  set.pipelines()
                      .forEach(
                          pipeline -> ContractRuntime.build(set, pipeline.name(), new byte[] {7})));
    } catch (RuntimeException crash) {
      throw new AssertionError(
          "a checked program failed to compile or load on the engines:\n" + files, crash);
    }
    for (Diagnostic diagnostic : project.diagnostics().sorted()) {
      int length = diagnostic.span().file().length();
      if (diagnostic.span().start() > length || diagnostic.span().end() > length) {
        fail("diagnostic outside its source: " + diagnostic.header() + "\n" + files);
      }
      assertTrue(diagnostic.line() >= 1 && diagnostic.column() >= 1);
      diagnostic.toString();
    }
    return project;
  }

  @Test
  void randomTokenSoupsNeverCrash() {
    Random random = new Random(SEED);
    for (int i = 0; i < 1500; i++) {
      StringBuilder soup = new StringBuilder();
      int length = random.nextInt(60);
      for (int t = 0; t < length; t++) {
        soup.append(WORDS[random.nextInt(WORDS.length)])
            .append(random.nextInt(4) == 0 ? "\n" : " ");
      }
      assertSane(Map.of("auth.ben", soup.toString()));
    }
  }

  @Test
  void mutatedValidSourcesNeverCrash() {
    Random random = new Random(SEED + 1);
    List<Token> tokens =
        Lexer.lex(
                new dev.ben.contracts.diag.SourceFile("auth.ben", Fixture.BASE),
                new dev.ben.contracts.diag.Diagnostics())
            .tokens();
    for (int i = 0; i < 2500; i++) {
      List<String> pieces = new ArrayList<>();
      int previousEnd = 0;
      for (Token token : tokens) {
        pieces.add(Fixture.BASE.substring(previousEnd, token.span().start()));
        pieces.add(Fixture.BASE.substring(token.span().start(), token.span().end()));
        previousEnd = token.span().end();
      }
      int mutations = 1 + random.nextInt(4);
      for (int m = 0; m < mutations; m++) {
        mutate(pieces, random);
      }
      assertSane(Map.of("auth.ben", String.join("", pieces)));
    }
  }

  @Test
  void mutatedNumbersAreRefusedOrCompile() {
    String[] numbers = {
      "0",
      "1",
      "-1",
      "2",
      "0.5",
      "1.5",
      "0.0",
      "255",
      "65536",
      "4294967296",
      "9223372036854775808",
      "1e300",
      "100000000",
      "0s",
      "1ms",
      "999ms",
      "1s",
      "90s",
      "7d",
      "8d",
      "31d"
    };
    Random random = new Random(SEED + 2);
    List<Token> tokens =
        Lexer.lex(
                new dev.ben.contracts.diag.SourceFile("auth.ben", Fixture.BASE),
                new dev.ben.contracts.diag.Diagnostics())
            .tokens()
            .stream()
            .filter(
                token ->
                    token.kind() == TokenKind.INT
                        || token.kind() == TokenKind.FLOAT
                        || token.kind() == TokenKind.DURATION)
            .toList();
    int compiled = 0;
    for (int i = 0; i < 1500; i++) {
      StringBuilder source = new StringBuilder(Fixture.BASE);
      List<Token> chosen = new ArrayList<>();
      for (int m = 1 + random.nextInt(3); m > 0; m--) {
        chosen.add(tokens.get(random.nextInt(tokens.size())));
      }
      chosen.stream()
          .distinct()
          .sorted((a, b) -> b.span().start() - a.span().start())
          .forEach(
              token ->
                  source.replace(
                      token.span().start(),
                      token.span().end(),
                      numbers[random.nextInt(numbers.length)]));
      compiled += assertSane(Map.of("auth.ben", source.toString())).ok() ? 1 : 0;
    }
    assertTrue(compiled > 100, "too few number mutations stayed valid: " + compiled);
  }

  /**
   * Deletes, duplicates, swaps or replaces one token (odd indexes hold tokens, even ones the layout
   * between).
   */
  private static void mutate(List<String> pieces, Random random) {
    int at = 1 + 2 * random.nextInt(pieces.size() / 2);
    int other = 1 + 2 * random.nextInt(pieces.size() / 2);
    switch (random.nextInt(4)) {
      case 0 -> pieces.set(at, "");
      case 1 -> pieces.set(at, pieces.get(at) + " " + pieces.get(other));
      case 2 -> {
        String swap = pieces.get(at);
        pieces.set(at, pieces.get(other));
        pieces.set(other, swap);
      }
      default -> pieces.set(at, WORDS[random.nextInt(WORDS.length)]);
    }
  }
}
