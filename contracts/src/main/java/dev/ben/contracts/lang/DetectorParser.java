package dev.ben.contracts.lang;

import dev.ben.contracts.lang.DetectorDecl.Feature;
import java.util.ArrayList;
import java.util.List;

/** Parses {@code detector} declarations and their features. */
final class DetectorParser {
  static final List<String> FEATURES =
      List.of(
          "count",
          "sum",
          "avg",
          "min",
          "max",
          "distinct",
          "ttl_counter",
          "ewma",
          "cusum",
          "anomaly");

  private final TokenCursor cursor;
  private final Syntax syntax;

  DetectorParser(TokenCursor cursor, Syntax syntax) {
    this.cursor = cursor;
    this.syntax = syntax;
  }

  DetectorDecl detector(Token start) {
    Ident name = cursor.ident("a detector name");
    cursor.expectWord(
        "on", "after the detector name (`detector " + name.name() + " on SCHEMA by FIELD`)");
    Ident schema = cursor.ident("the schema the detector watches");
    cursor.expectWord("by", "after the schema (`by FIELD` names the key state is kept per)");
    List<Ident> by = new ArrayList<>();
    do {
      by.add(cursor.ident("a key field"));
    } while (cursor.accept(TokenKind.COMMA));
    List<Feature> features = new ArrayList<>();
    syntax.block(
        "detector `" + name.name() + "`", FEATURES, false, item -> features.add(feature(item)));
    return new DetectorDecl(name, schema, by, features, cursor.spanFrom(start));
  }

  private Feature feature(Token start) {
    Ident kind = new Ident(start.text(), start.span());
    return switch (start.text()) {
      case "count" -> window(start, kind, null);
      case "ttl_counter" -> ttlCounter(start);
      case "ewma" -> ewma(start);
      case "cusum" -> cusum(start);
      case "anomaly" -> anomaly(start);
      default -> window(start, kind, cursor.ident("the field to " + start.text()));
    };
  }

  private Feature window(Token start, Ident kind, Ident field) {
    cursor.expectWord("over", "before the window length (`over 5m`)");
    Literal.Duration window = syntax.duration("for the window");
    cursor.expectWord("as", "to name the value (`as NAME`)");
    Ident as = cursor.ident("a name for the value");
    QualifiedName where = null;
    if (cursor.acceptWord("where")) {
      where = new PolicyParser(cursor, syntax).qualifiedName("a predicate or rule name");
    }
    return new DetectorDecl.Window(kind, field, window, as, where, cursor.spanFrom(start));
  }

  private Feature ttlCounter(Token start) {
    Ident name = cursor.ident("a counter name");
    cursor.expectWord("ttl", "after the counter name (`ttl 1h`)");
    Literal.Duration ttl = syntax.duration("for the counter's time to live");
    cursor.expectWord("incr", "after the ttl (`incr on RULE`)");
    cursor.expectWord("on", "after `incr`");
    Ident rule = cursor.ident("the rule that increments the counter");
    return new DetectorDecl.TtlCounter(name, ttl, rule, cursor.spanFrom(start));
  }

  private Feature ewma(Token start) {
    Ident field = cursor.ident("the field to average");
    cursor.expectWord("alpha", "after the field (`alpha 0.2`)");
    Literal.Num alpha = syntax.number("for alpha");
    return new DetectorDecl.Ewma(field, alpha, optionalAs(), cursor.spanFrom(start));
  }

  private Feature cusum(Token start) {
    Ident field = cursor.ident("the field to watch");
    cursor.expectWord("k", "after the field (`k 0.5 h 5`)");
    Literal.Num k = syntax.number("for k");
    cursor.expectWord("h", "after k (`h 5`)");
    Literal.Num h = syntax.number("for h");
    return new DetectorDecl.Cusum(field, k, h, optionalAs(), cursor.spanFrom(start));
  }

  private Feature anomaly(Token start) {
    Ident name = cursor.ident("a name for the anomaly score");
    cursor.expectWord("on", "after the name (`anomaly NAME on FIELD`)");
    Ident field = cursor.ident("the field to score");
    Literal.Num window = null;
    if (cursor.acceptWord("window")) {
      window = syntax.number("for the number of recent observations the model keeps");
    }
    return new DetectorDecl.Anomaly(name, field, window, cursor.spanFrom(start));
  }

  private Ident optionalAs() {
    return cursor.acceptWord("as") ? cursor.ident("a name for the value") : null;
  }
}
