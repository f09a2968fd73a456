package dev.ben.contracts.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.contracts.diag.Diagnostic;
import dev.ben.contracts.diag.Diagnostics;
import dev.ben.contracts.diag.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParserTest {

  private static BenFile parse(String text) {
    Diagnostics diagnostics = new Diagnostics();
    BenFile file = Parser.parse(new SourceFile("t.ben", text), diagnostics);
    assertEquals("", diagnostics.render());
    return file;
  }

  private static List<String> errors(String text) {
    Diagnostics diagnostics = new Diagnostics();
    Parser.parse(new SourceFile("t.ben", text), diagnostics);
    return diagnostics.sorted().stream().map(Diagnostic::header).toList();
  }

  @Test
  void lexesDurationsNumbersStringsAndComments() {
    Diagnostics diagnostics = new Diagnostics();
    Lexer.Result result =
        Lexer.lex(
            new SourceFile("t.ben", "500ms 1_000 0.5 2e3 \"a\\\"b\" // c\n/* d */ =>"),
            diagnostics);
    assertEquals(
        List.of(
            TokenKind.DURATION,
            TokenKind.INT,
            TokenKind.FLOAT,
            TokenKind.FLOAT,
            TokenKind.STRING,
            TokenKind.ARROW,
            TokenKind.EOF),
        result.tokens().stream().map(Token::kind).toList());
    assertEquals("1000", result.tokens().get(1).text());
    assertEquals("a\"b", result.tokens().get(4).text());
    assertEquals(
        List.of("// c", "/* d */"), result.comments().stream().map(Comment::text).toList());
    assertEquals(300_000L, Durations.toMillis("5m"));
    assertEquals(86_400_000L, Durations.toMillis("1d"));
  }

  @Test
  void parsesSchemaWithEveryTypeShape() {
    SchemaDecl schema =
        (SchemaDecl)
            parse(
                    "schema login v1 { table logins key [a] order_by [a, b] "
                        + "fields { a: string\n b: u32?\n c: [ipv6]\n d: uuid @pii } }")
                .decls()
                .get(0);
    assertEquals("logins", schema.table().name());
    assertEquals(List.of("a", "b"), schema.orderBy().stream().map(Ident::name).toList());
    assertEquals(
        List.of("string", "u32?", "[ipv6]", "uuid"),
        schema.fields().stream().map(f -> f.type().source()).toList());
    assertTrue(schema.fields().get(3).pii());
  }

  @Test
  void parsesListsInlineAndFromFiles() {
    BenFile file = parse("list a: i32 = [1, -2, 3]\nlist b: string = file(\"x.txt\")");
    ListDecl inline = (ListDecl) file.decls().get(0);
    assertEquals(List.of("1", "-2", "3"), inline.values().stream().map(Literal::source).toList());
    assertEquals("x.txt", ((ListDecl) file.decls().get(1)).file().value());
  }

  @Test
  void parsesEveryPredicateForm() {
    PolicyDecl policy =
        (PolicyDecl)
            parse(
                    """
        policy p on s {
          predicate a = x >= 5
          predicate b = x between 1 and 9
          predicate c = x in names
          predicate d = x in ["a", "b"]
          predicate e = ip in cidr("10.0.0.0/8", "fd00::/8")
          predicate f = x starts_with "a"
          predicate g = x contains "b"
          predicate h = x matches "c+"
          predicate i = x ~ names within 2
          predicate j = n % 10 == 3
          predicate k = x != null
          predicate l = all(a, any(b, c), not(d))
          predicate m = a
        }""")
                .decls()
                .get(0);
    List<Class<?>> kinds =
        policy.items().stream()
            .map(item -> ((PolicyDecl.Predicate) item).expr().getClass())
            .<Class<?>>map(c -> c)
            .toList();
    assertEquals(
        List.of(
            Pred.Compare.class,
            Pred.Between.class,
            Pred.InList.class,
            Pred.InValues.class,
            Pred.InCidr.class,
            Pred.Text.class,
            Pred.Text.class,
            Pred.Text.class,
            Pred.Fuzzy.class,
            Pred.Modulo.class,
            Pred.Compare.class,
            Pred.Compose.class,
            Pred.Ref.class),
        kinds);
  }

  @Test
  void parsesThresholdsRulesAndRedactions() {
    PolicyDecl policy =
        (PolicyDecl)
            parse(
                    """
        policy p on s {
          threshold heat on n gte { WARM = 3, HOT = 10 } fact level
          rule r = all(a) any(heat.HOT) none(b) => drop_with_reason "why" priority 5
          rule q = any(a) => route lucius
          rule z = any(a) => sample(4)
          redact x mask_prefix(2)
          redact y hash(keyed)
          redact w drop
        }""")
                .decls()
                .get(0);
    PolicyDecl.Threshold threshold = (PolicyDecl.Threshold) policy.items().get(0);
    assertEquals(
        List.of("WARM", "HOT"), threshold.levels().stream().map(l -> l.name().name()).toList());
    PolicyDecl.Rule rule = (PolicyDecl.Rule) policy.items().get(1);
    assertEquals(3, rule.clauses().size());
    assertEquals("heat.HOT", rule.clauses().get(1).refs().get(0).source());
    assertEquals("drop_with_reason", rule.action().kind().name());
    assertEquals("5", rule.priority().text());
    assertEquals("lucius", ((PolicyDecl.Rule) policy.items().get(2)).action().argument().source());
    assertEquals("2", ((PolicyDecl.Redact) policy.items().get(4)).argument().source());
    assertEquals("keyed", ((PolicyDecl.Redact) policy.items().get(5)).argument().source());
    assertNull(((PolicyDecl.Redact) policy.items().get(6)).argument());
  }

  @Test
  void parsesDetectorFeatures() {
    DetectorDecl detector =
        (DetectorDecl)
            parse(
                    """
        detector d on s by a, b {
          count over 5m as n where p
          sum x over 1h as total
          distinct y over 1d as uniq
          ttl_counter strikes ttl 1h incr on r
          ewma x alpha 0.2
          cusum x k 0.5 h 5 as drift
          anomaly odd on x window 128
        }""")
                .decls()
                .get(0);
    assertEquals(List.of("a", "b"), detector.by().stream().map(Ident::name).toList());
    assertEquals(
        List.of("n", "total", "uniq", "strikes", "x_ewma", "drift", "odd"),
        detector.features().stream().map(DetectorDecl.Feature::name).toList());
  }

  @Test
  void parsesSignalsPlaybooksAndPipelines() {
    BenFile file =
        parse(
            """
        signal lock { user: string, reason: string? }
        playbook p on s {
          when (r or not q) and d.n > 20 and level == "HOT"
          emit lock(user = user, reason = "x")
          bound at_most 10 per 1m, cooldown 5m per user
          explain "why"
        }
        pipeline auth {
          schemas [s] policies [p] detectors [d] playbooks [p]
          sidecar { http; uds "a.sock"; tcp 7443 }
          proxy { buffer 10, overload shed_newest }
          spines 2
          store { table t, replica off }
        }""");
    PlaybookDecl playbook = (PlaybookDecl) file.decls().get(1);
    Expr.Logical when = assertInstanceOf(Expr.Logical.class, playbook.when());
    assertEquals("and", when.op());
    assertEquals("5m", playbook.bound().cooldown().text());
    PipelineDecl pipeline = (PipelineDecl) file.decls().get(2);
    assertEquals(
        List.of("http", "uds", "tcp"),
        pipeline.sidecar().stream().map(s -> s.key().name()).toList());
    assertEquals("shed_newest", pipeline.proxy().get(1).value().source());
    assertEquals("2", pipeline.spines().text());
  }

  @Test
  void recoversAfterErrorsAndReportsEachOne() {
    assertEquals(
        List.of(
            "t.ben:1:13: error: expected `{` to open schema `a`, found `table`",
            "t.ben:2:1: error: expected a declaration (import, schema, list, event_type, policy, detector, signal, playbook, "
                + "pipeline), found `sceham`",
            "t.ben:4:14: error: expected `=` after the predicate name, found `x`"),
        errors(
            "schema a v1 table\nsceham b v1 {}\npolicy p on s {\n predicate q x > 1\n predicate r = y }"));
  }

  @Test
  void missingClosingBraceIsReportedAtTheNextDeclaration() {
    assertEquals(
        List.of("t.ben:2:1: error: expected `}` to close schema `a` before `list`"),
        errors("schema a v1 { table tt\nlist l: string = [\"x\"]\n"));
  }
}
