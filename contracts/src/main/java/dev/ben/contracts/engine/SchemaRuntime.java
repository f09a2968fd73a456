package dev.ben.contracts.engine;

import dev.ben.contracts.engine.detect.DetectorEngine;
import dev.ben.contracts.engine.playbook.PlaybookEngine;
import dev.ben.contracts.engine.playbook.PlaybookInputs;
import dev.ben.contracts.engine.playbook.PlaybookOutcome;
import dev.ben.contracts.engine.playbook.PlaybookResolver;
import dev.ben.contracts.event.Event;
import dev.ben.contracts.model.Action;
import dev.ben.contracts.model.DetectorSpec;
import dev.ben.contracts.model.Playbook;
import dev.ben.contracts.model.Signal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The engines of one pipeline for one schema, wired together: spine, then detectors, then playbooks. */
final class SchemaRuntime implements PlaybookInputs, PlaybookResolver {

  private final String contractVersion;
  private final SpineEvaluator spine;
  private final DetectorEngine[] detectors;
  private final double[][] values;
  private final PlaybookEngine[] playbooks;
  private Event current;

  SchemaRuntime(String contractVersion, SpineEvaluator spine, List<DetectorSpec> detectorSpecs,
          List<Playbook> playbookSpecs, Map<String, Signal> signals) {
    this.contractVersion = contractVersion;
    this.spine = spine;
    this.detectors = new DetectorEngine[detectorSpecs.size()];
    this.values = new double[detectorSpecs.size()][];
    for (int i = 0; i < detectors.length; i++) {
      detectors[i] = new DetectorEngine(detectorSpecs.get(i), spine.schema(), spine::bitRef, spine::ruleRef);
      values[i] = new double[detectorSpecs.get(i).features().size()];
      java.util.Arrays.fill(values[i], Double.NaN);
    }
    this.playbooks = new PlaybookEngine[playbookSpecs.size()];
    for (int i = 0; i < playbooks.length; i++) {
      Playbook playbook = playbookSpecs.get(i);
      Signal signal = signals.get(playbook.emit().signal());
      if (signal == null) {
        throw new IllegalArgumentException("playbook '" + playbook.name() + "' emits unknown signal '"
            + playbook.emit().signal() + "'; known signals: " + signals.keySet());
      }
      playbooks[i] = new PlaybookEngine(playbook, signal, spine.schema(), this);
    }
  }

  SpineEvaluator spine() {
    return spine;
  }

  EvaluationResult evaluate(Event event, long nowMillis) {
    current = event;
    spine.evaluate(event);
    Action action = spine.action();
    var outcomes = new ArrayList<PlaybookOutcome>();
    boolean refused = action instanceof Action.DropWithReason;
    if (!refused) {
      for (int i = 0; i < detectors.length; i++) {
        detectors[i].update(event, spine, nowMillis, values[i]);
      }
      for (PlaybookEngine playbook : playbooks) {
        PlaybookOutcome outcome = playbook.evaluate(this, nowMillis, this::context);
        if (outcome != null) {
          outcomes.add(outcome);
        }
      }
    }
    return new EvaluationResult(spine.schema().name(), spine.setBits(), spine.firedRules(),
        action == null ? "pass" : action.label(), spine.facts(), event.toPlainMap(),
        refused ? Map.of() : detectorValues(), outcomes, action);
  }

  private PlaybookEngine.Context context() {
    return new PlaybookEngine.Context(contractVersion, spine.setBits(), spine.firedRules(), detectorValues(),
        current.toPlainMap());
  }

  private Map<String, Double> detectorValues() {
    var map = new LinkedHashMap<String, Double>();
    for (int i = 0; i < detectors.length; i++) {
      List<String> names = detectors[i].featureNames();
      for (int f = 0; f < names.size(); f++) {
        double value = values[i][f];
        map.put(detectors[i].spec().name() + "." + names.get(f), Double.isNaN(value) ? null : value);
      }
    }
    return map;
  }

  DetectorEngine[] detectors() {
    return detectors;
  }

  @Override
  public Event event() {
    return current;
  }

  @Override
  public boolean ruleFired(int ruleRef) {
    return spine.ruleFired(ruleRef);
  }

  @Override
  public boolean bitSet(int bitRef) {
    return spine.bitSet(bitRef);
  }

  @Override
  public int factLevel(int factRef) {
    return spine.factLevel(factRef);
  }

  @Override
  public double detectorValue(int detectorRef) {
    return values[detectorRef >>> 16][detectorRef & 0xFFFF];
  }

  @Override
  public int ruleRef(String rule) {
    return spine.ruleRef(rule);
  }

  @Override
  public int bitRef(String bit) {
    return spine.bitRef(bit);
  }

  @Override
  public int factRef(String fact) {
    return spine.factRef(fact);
  }

  @Override
  public List<String> factLevels(String fact) {
    return spine.factLevels(fact);
  }

  @Override
  public int detectorRef(String detector, String feature) {
    for (int i = 0; i < detectors.length; i++) {
      if (detectors[i].spec().name().equals(detector)) {
        int index = detectors[i].featureNames().indexOf(feature);
        return index < 0 ? -1 : i << 16 | index;
      }
    }
    return -1;
  }
}
