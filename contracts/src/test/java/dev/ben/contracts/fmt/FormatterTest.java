package dev.ben.contracts.fmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FormatterTest {

  private static List<Path> exampleFiles() throws IOException {
    Path dir = Path.of("").toAbsolutePath();
    while (!Files.isDirectory(dir.resolve("examples"))) {
      dir = dir.getParent();
    }
    try (Stream<Path> files = Files.walk(dir.resolve("examples"))) {
      return files.filter(path -> path.toString().endsWith(".ben")).sorted().toList();
    }
  }

  private static void assertFormatProperties(String source) {
    String once = Formatter.format(source);
    assertEquals(once, Formatter.format(once), "format must be idempotent for:\n" + source);
    assertEquals(
        AstShape.of(source), AstShape.of(once), "format must not change meaning of:\n" + source);
    assertEquals(
        AstShape.comments(source).size(), AstShape.comments(once).size(), "comments must be kept");
  }

  @Test
  void examplesAreAlreadyCanonical() throws IOException {
    List<Path> files = exampleFiles();
    assertTrue(files.size() >= 4);
    for (Path file : files) {
      String source = Files.readString(file);
      assertEquals(source, Formatter.format(source), file + " is not formatted");
      assertFormatProperties(source);
    }
  }

  @Test
  void formatsMessyInputCanonically() {
    String messy =
        """
        // leading comment
        schema   s   v1{table t1 key[a] fields{a:string
        bb : u32?   @pii}}
        list l : string=[ "x","y" ]   // trailing
        policy p on s{predicate x=a=="1"
        predicate longer_name=bb>2 rule r=all(x)=>flag priority 3
        rule rr=any(x,longer_name)=>sample(2)}
        """;
    assertEquals(
        """
        // leading comment
        schema s v1 {
          table t1
          key   [a]
          fields {
            a:  string
            bb: u32?   @pii
          }
        }

        list l: string = ["x", "y"]  // trailing

        policy p on s {
          predicate x           = a == "1"
          predicate longer_name = bb > 2
          rule r  = all(x)              => flag      priority 3
          rule rr = any(x, longer_name) => sample(2)
        }
        """,
        Formatter.format(messy));
    assertFormatProperties(messy);
  }

  @Test
  void keepsCommentsAndAuthorBlankLinesInsideBlocks() {
    String source =
        """
        detector d on s by a {
          // windows
          count over 5m as n  // five minutes

          /* smoothing */
          ewma  x alpha 0.2
        }
        """;
    assertEquals(source, Formatter.format(source));
  }

  @Test
  void importsStayInPlaceWithTheirComments() {
    String source =
        """
        import "a.ben"
        // the shared lists
        import "lists.ben"

        signal s { id: string }
        signal t { id: string }

        /* late import */
        import "late.ben"
        """;
    assertEquals(source, Formatter.format(source));
  }

  @Test
  void refusesSourcesWithSyntaxErrors() {
    Formatter.FormatException error =
        assertThrows(Formatter.FormatException.class, () -> Formatter.format("schema s v1 {"));
    assertTrue(
        error.getMessage().contains("input.ben:1:14: error: expected `}` to close schema `s`"),
        error.getMessage());
  }

  @Test
  void mutatedInputsThatStillParseKeepTheFormatterProperties() throws IOException {
    Random random = new Random(7);
    List<String> sources = new ArrayList<>();
    for (Path file : exampleFiles()) {
      sources.add(Files.readString(file));
    }
    int checked = 0;
    for (int i = 0; i < 600; i++) {
      String source = sources.get(random.nextInt(sources.size()));
      String mutated = mutateLayout(source, random);
      if (AstShape.parses(mutated)) {
        assertFormatProperties(mutated);
        checked++;
      }
    }
    assertTrue(checked > 300, "too few mutated inputs parsed: " + checked);
  }

  /** Changes layout and drops or duplicates whole lines, which often still parses. */
  private static String mutateLayout(String source, Random random) {
    List<String> lines = new ArrayList<>(List.of(source.split("\n", -1)));
    for (int m = 0; m < 3; m++) {
      int at = random.nextInt(lines.size());
      switch (random.nextInt(5)) {
        case 0 -> lines.set(at, lines.get(at).replace(" ", "   "));
        case 1 -> lines.set(at, lines.get(at).strip());
        case 2 -> lines.add(at, "");
        case 3 -> lines.add(at, "// note " + m);
        default -> lines.remove(at);
      }
    }
    return String.join("\n", lines);
  }

  @Test
  void eventTypesFormatAsOneLinersInARun() {
    String messy =
        "event_type  a =file( \"a.json\" )\nevent_type b = file(\"b.json\")  // second\n";
    assertEquals(
        "event_type a = file(\"a.json\")\nevent_type b = file(\"b.json\")  // second\n",
        Formatter.format(messy));
    assertFormatProperties(messy);
  }
}
