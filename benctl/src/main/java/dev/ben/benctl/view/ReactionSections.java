package dev.ben.benctl.view;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.benctl.out.Table;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.model.DetectorSpec;
import dev.ben.contracts.model.Feature;
import dev.ben.contracts.model.Playbook;
import dev.ben.contracts.model.Signal;
import dev.ben.contracts.model.SignalArg;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What reacts to events: detectors and their features, and the bounded playbooks with the signals
 * they emit.
 */
final class ReactionSections {

  private ReactionSections() {}

  static void detectorsText(ContractSet contracts, Report report) {
    for (DetectorSpec detector : contracts.detectors()) {
      var features = Table.withHeaders("FEATURE", "DEFINITION");
      detector
          .features()
          .forEach(f -> features.row(detector.name() + "." + f.name(), ModelText.feature(f)));
      report
          .heading(
              "detector "
                  + detector.name()
                  + " on "
                  + detector.schema()
                  + " by "
                  + String.join(", ", detector.keyFields())
                  + " (at most "
                  + detector.maxKeys()
                  + " keys)")
          .table(features);
    }
  }

  static void detectorsJson(ContractSet contracts, ObjectNode json) {
    ArrayNode detectors = json.putArray("detectors");
    for (DetectorSpec detector : contracts.detectors()) {
      ObjectNode entry =
          detectors.addObject().put("name", detector.name()).put("schema", detector.schema());
      detector.keyFields().forEach(entry.putArray("by")::add);
      entry.put("max_keys", detector.maxKeys());
      ArrayNode features = entry.putArray("features");
      for (Feature feature : detector.features()) {
        features
            .addObject()
            .put("name", feature.name())
            .put("kind", ModelText.featureKind(feature))
            .put("definition", ModelText.feature(feature));
      }
      entry.put("fingerprint", detector.fingerprint());
    }
  }

  /** Signals first (what playbooks may emit), then one block per playbook. */
  static void playbooksText(ContractSet contracts, Report report) {
    if (!contracts.signals().isEmpty()) {
      var signals = Table.withHeaders("SIGNAL", "ARGUMENTS");
      contracts.signals().forEach(s -> signals.row(s.name(), arguments(s)));
      report.heading("signals").table(signals);
    }
    for (Playbook playbook : contracts.playbooks()) {
      report
          .heading("playbook " + playbook.name() + " on " + playbook.schema())
          .table(
              Table.fields()
                  .row("when", ConditionText.playbook(playbook.when()))
                  .row("emit", ConditionText.emit(playbook.emit()))
                  .row("bound", ConditionText.bound(playbook.bound()))
                  .row("explain", playbook.explanation()));
    }
  }

  static void playbooksJson(ContractSet contracts, ObjectNode json) {
    ArrayNode signals = json.putArray("signals");
    for (Signal signal : contracts.signals()) {
      ObjectNode entry = signals.addObject().put("name", signal.name());
      ArrayNode args = entry.putArray("args");
      signal
          .args()
          .forEach(
              a ->
                  args.addObject()
                      .put("name", a.name())
                      .put("type", a.type().name().toLowerCase(Locale.ROOT)));
      entry.put("fingerprint", signal.fingerprint());
    }
    ArrayNode playbooks = json.putArray("playbooks");
    for (Playbook playbook : contracts.playbooks()) {
      playbooks
          .addObject()
          .put("name", playbook.name())
          .put("schema", playbook.schema())
          .put("when", ConditionText.playbook(playbook.when()))
          .put("emit", ConditionText.emit(playbook.emit()))
          .put("bound", ConditionText.bound(playbook.bound()))
          .put("explanation", playbook.explanation())
          .put("fingerprint", playbook.fingerprint());
    }
  }

  private static String arguments(Signal signal) {
    return signal.args().stream().map(ReactionSections::argument).collect(Collectors.joining(", "));
  }

  private static String argument(SignalArg arg) {
    return arg.name() + ": " + arg.type().name().toLowerCase(Locale.ROOT);
  }
}
