package dev.ben.contracts.fmt;

import dev.ben.contracts.fmt.Layout.Row;
import dev.ben.contracts.lang.DetectorDecl;
import dev.ben.contracts.lang.Literal;
import dev.ben.contracts.lang.PolicyDecl;
import java.util.ArrayList;
import java.util.List;

/** Prints the bodies of policies and detectors, aligning consecutive items of the same kind. */
final class ItemPrinter {
  private final Layout layout;

  ItemPrinter(Layout layout) {
    this.layout = layout;
  }

  void policy(List<PolicyDecl.Item> items) {
    List<Row> group = new ArrayList<>();
    Class<?> groupKind = null;
    for (PolicyDecl.Item item : items) {
      if (item.getClass() != groupKind) {
        layout.rows(group);
        group = new ArrayList<>();
        groupKind = item.getClass();
      }
      group.add(new Row(item.span().start(), policyCells(item)));
    }
    layout.rows(group);
  }

  private static List<String> policyCells(PolicyDecl.Item item) {
    if (item instanceof PolicyDecl.Predicate predicate) {
      return List.of(
          "predicate", predicate.name().name(), "= " + SourceText.pred(predicate.expr()));
    }
    if (item instanceof PolicyDecl.Threshold threshold) {
      return List.of(
          "threshold",
          threshold.name().name()
              + " on "
              + threshold.field().name()
              + " "
              + threshold.direction().name()
              + " { "
              + SourceText.join(
                  threshold.levels(),
                  ", ",
                  level -> level.name().name() + " = " + level.value().source())
              + " } fact "
              + threshold.fact().name());
    }
    if (item instanceof PolicyDecl.Rule rule) {
      List<String> cells =
          new ArrayList<>(
              List.of(
                  "rule",
                  rule.name().name(),
                  "= " + SourceText.clauses(rule),
                  "=> " + SourceText.action(rule.action())));
      if (rule.priority() != null) {
        cells.add("priority " + rule.priority().text());
      }
      return cells;
    }
    PolicyDecl.Redact redact = (PolicyDecl.Redact) item;
    return List.of("redact", redact.field().name(), SourceText.redaction(redact));
  }

  void detector(List<DetectorDecl.Feature> features) {
    List<Row> rows = new ArrayList<>();
    for (DetectorDecl.Feature feature : features) {
      rows.add(new Row(feature.span().start(), featureCells(feature)));
    }
    layout.rows(rows);
  }

  private static List<String> featureCells(DetectorDecl.Feature feature) {
    if (feature instanceof DetectorDecl.Window window) {
      String field = window.field() == null ? "" : window.field().name() + " ";
      String where = window.where() == null ? "" : " where " + window.where().source();
      return List.of(
          window.kind().name(),
          field + "over " + window.window().text() + " as " + window.as().name() + where);
    }
    if (feature instanceof DetectorDecl.TtlCounter counter) {
      return List.of(
          "ttl_counter",
          counter.counter().name()
              + " ttl "
              + counter.ttl().text()
              + " incr on "
              + counter.rule().name());
    }
    if (feature instanceof DetectorDecl.Ewma ewma) {
      return List.of("ewma", ewma.field().name() + " alpha " + ewma.alpha().text() + as(ewma.as()));
    }
    if (feature instanceof DetectorDecl.Cusum cusum) {
      return List.of(
          "cusum",
          cusum.field().name()
              + " k "
              + cusum.k().text()
              + " h "
              + cusum.h().text()
              + as(cusum.as()));
    }
    DetectorDecl.Anomaly anomaly = (DetectorDecl.Anomaly) feature;
    Literal.Num window = anomaly.window();
    return List.of(
        "anomaly",
        anomaly.scorer().name()
            + " on "
            + anomaly.field().name()
            + (window == null ? "" : " window " + window.text()));
  }

  private static String as(dev.ben.contracts.lang.Ident name) {
    return name == null ? "" : " as " + name.name();
  }
}
