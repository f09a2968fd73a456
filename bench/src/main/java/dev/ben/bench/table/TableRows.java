package dev.ben.bench.table;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the section files of one run into the table's rows, one per {@link Figure}: the figure as
 * measured, its verdict against its target, and its reference. A file that is missing, a section
 * marked not run, or a figure a file does not carry shows as not run with the reason: the table
 * never prints a figure no part of this run measured.
 */
public final class TableRows {

  /** One row of the table. {@code reference} and {@code note} may be null. */
  public record Row(
      Figure figure,
      Double value,
      String measured,
      Verdict verdict,
      String reference,
      String note) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private TableRows() {}

  /** The rows, given each section file's content by file name (a missing file: no entry). */
  public static List<Row> from(Map<String, JsonNode> sections) {
    List<Row> rows = new ArrayList<>();
    for (Figure figure : Figure.values()) {
      rows.add(row(figure, sections.get(figure.file())));
    }
    return rows;
  }

  static Row row(Figure figure, JsonNode section) {
    if (section == null) {
      return notRun(figure, "no target/bench/" + figure.file() + " (its part did not run)");
    }
    if (section.hasNonNull("not_run")) {
      return notRun(figure, section.get("not_run").asText());
    }
    JsonNode entry = section.path("figures").path(figure.name());
    if (entry.isMissingNode()) {
      return notRun(figure, figure.file() + " does not carry it");
    }
    Measured measured;
    try {
      measured = JSON.treeToValue(entry, Measured.class);
    } catch (JsonProcessingException e) {
      return notRun(figure, figure.file() + " has it malformed: " + e.getOriginalMessage());
    }
    if (measured.notRun() != null) {
      return notRun(figure, measured.notRun());
    }
    if (measured.value() == null) {
      return notRun(figure, figure.file() + " carries no value for it");
    }
    Target target = figure.target();
    double value = measured.value();
    Verdict verdict =
        Verdict.judge(
            target,
            value,
            measured.failures() == null ? 0 : measured.failures(),
            measured.reference(),
            measured.referenceNotRun());
    String printed = measured.text() != null ? measured.text() : target.format(value);
    return new Row(figure, value, printed, verdict, reference(figure, measured), measured.note());
  }

  private static String reference(Figure figure, Measured measured) {
    if (measured.reference() != null) {
      String printed =
          measured.referenceText() != null
              ? measured.referenceText()
              : figure.target().format(measured.reference());
      String share =
          measured.reference() > 0
              ? String.format(
                  Locale.ROOT,
                  " (figure is %.2fx the reference)",
                  measured.value() / measured.reference())
              : "";
      return label(figure) + printed + share;
    }
    if (measured.referenceNotRun() != null) {
      return label(figure) + "not run: " + measured.referenceNotRun();
    }
    return figure.reference() == null ? null : label(figure) + "not run: not measured";
  }

  private static String label(Figure figure) {
    return (figure.reference() == null ? "reference" : figure.reference()) + ": ";
  }

  private static Row notRun(Figure figure, String reason) {
    return new Row(figure, null, "-", Verdict.notRun(reason), null, null);
  }
}
