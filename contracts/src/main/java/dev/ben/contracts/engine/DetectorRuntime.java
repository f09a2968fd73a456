package dev.ben.contracts.engine;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ben.contracts.engine.detect.DetectorEngine;
import dev.ben.contracts.engine.playbook.LocalBoundAdmission;
import dev.ben.contracts.engine.playbook.PlaybookCandidate;
import dev.ben.contracts.engine.playbook.PlaybookEngine;
import dev.ben.contracts.engine.playbook.PlaybookInputs;
import dev.ben.contracts.engine.playbook.PlaybookOutcome;
import dev.ben.contracts.engine.playbook.PlaybookResolver;
import dev.ben.contracts.event.Event;
import dev.ben.contracts.model.DetectorSpec;
import dev.ben.contracts.model.Feature;
import dev.ben.contracts.model.Playbook;
import dev.ben.contracts.model.Signal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The detectors and playbooks of one pipeline for one schema: keyed state updated with each
 * (redacted) event and the spine's decisions about it, then every playbook's condition checked,
 * giving candidate firings that the playbook's bound admits or suppresses. {@link #detect} admits
 * them at once against bounds this runtime holds (beside the spine: benctl test, the test bench); a
 * detector shard fed with recorded decisions takes the candidates ({@link #candidates}) to the
 * playbook's cluster-wide bound instead. Either way references are those of the version's spine.
 * Not thread-safe: one owner per shard.
 */
public final class DetectorRuntime implements PlaybookInputs, PlaybookResolver {

  /**
   * What detection found for one event: values ({@code detector.feature}, null while empty),
   * playbook outcomes and the event's anomaly score (the highest of its anomaly features, in [0,
   * 1]; null when none has a value).
   */
  @JsonPropertyOrder({"detectors", "playbooks", "score"})
  public record Detection(
      Map<String, Double> detectors, List<PlaybookOutcome> playbooks, Double score) {

    public static final Detection NONE = new Detection(Map.of(), List.of(), null);
  }

  private final String contractVersion;
  private final SpineEvaluator refs;
  private final DetectorEngine[] detectors;
  private final double[][] values;
  private final PlaybookEngine[] playbooks;
  private final LocalBoundAdmission localBounds = new LocalBoundAdmission();
  private final DetectorStates states;

  /** (detector, feature) pairs of the anomaly scorers, packed like detector references. */
  private final int[] anomalyRefs;

  /**
   * {@code detector.feature} of every value in detector then feature order, built once: detection
   * names its values for every event.
   */
  private final String[] valueNames;

  private Event current;
  private SpineDecisions decisions;

  /**
   * @param keyShare divides each detector's key bound, so the shards of one detector together hold
   *     what one would
   * @param fingerprintOf the fingerprint of a detector's state given its per-shard definition
   */
  DetectorRuntime(
      String contractVersion,
      SpineEvaluator refs,
      List<DetectorSpec> detectorSpecs,
      List<Playbook> playbookSpecs,
      Map<String, Signal> signals,
      int keyShare,
      Function<DetectorSpec, String> fingerprintOf) {
    this.contractVersion = contractVersion;
    this.refs = refs;
    this.detectors = new DetectorEngine[detectorSpecs.size()];
    this.values = new double[detectorSpecs.size()][];
    String[] fingerprints = new String[detectors.length];
    for (int i = 0; i < detectors.length; i++) {
      DetectorSpec spec = shared(detectorSpecs.get(i), keyShare);
      detectors[i] = new DetectorEngine(spec, refs.schema(), refs::bitRef, refs::ruleRef);
      fingerprints[i] = fingerprintOf.apply(spec);
      values[i] = new double[spec.features().size()];
      Arrays.fill(values[i], Double.NaN);
    }
    this.states = new DetectorStates(detectors, fingerprints);
    this.anomalyRefs = anomalyRefs(detectorSpecs);
    List<String> names = new ArrayList<>();
    for (DetectorEngine detector : detectors) {
      String prefix = detector.spec().name() + ".";
      detector.featureNames().forEach(feature -> names.add(prefix + feature));
    }
    this.valueNames = names.toArray(String[]::new);
    this.playbooks = new PlaybookEngine[playbookSpecs.size()];
    for (int i = 0; i < playbooks.length; i++) {
      Playbook playbook = playbookSpecs.get(i);
      Signal signal = signals.get(playbook.emit().signal());
      if (signal == null) {
        throw new IllegalArgumentException(
            "playbook '"
                + playbook.name()
                + "' emits unknown signal '"
                + playbook.emit().signal()
                + "'; known signals: "
                + signals.keySet());
      }
      playbooks[i] = new PlaybookEngine(playbook, signal, refs.schema(), this);
    }
  }

  private static int[] anomalyRefs(List<DetectorSpec> specs) {
    List<Integer> refs = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      for (int f = 0; f < specs.get(i).features().size(); f++) {
        if (specs.get(i).features().get(f) instanceof Feature.Anomaly) {
          refs.add(i << 16 | f);
        }
      }
    }
    return refs.stream().mapToInt(Integer::intValue).toArray();
  }

  private Double score() {
    double best = Double.NaN;
    for (int ref : anomalyRefs) {
      double value = detectorValue(ref);
      if (!Double.isNaN(value) && (Double.isNaN(best) || value > best)) {
        best = value;
      }
    }
    return Double.isNaN(best) ? null : best;
  }

  private static DetectorSpec shared(DetectorSpec spec, int keyShare) {
    if (keyShare <= 1) {
      return spec;
    }
    int bound = Math.max(1, (spec.maxKeys() + keyShare - 1) / keyShare);
    return new DetectorSpec(
        spec.name(), spec.schema(), spec.keyFields(), bound, spec.features(), spec.fingerprint());
  }

  /**
   * Updates every detector with the event, then checks every playbook and admits its candidate
   * against the bounds this runtime holds.
   */
  public Detection detect(Event event, SpineDecisions spine, long nowMillis) {
    PendingDetection pending = candidates(event, spine, nowMillis);
    if (pending.candidates().isEmpty()) {
      return new Detection(pending.detectors(), List.of(), pending.score());
    }
    List<String> verdicts = new ArrayList<>(pending.candidates().size());
    for (PlaybookCandidate candidate : pending.candidates()) {
      verdicts.add(localBounds.admitNow(candidate.playbook(), candidate.request()));
    }
    return pending.decided(verdicts);
  }

  /**
   * Updates every detector with the event, then checks every playbook: the candidates still need
   * their bounds' verdicts.
   */
  public PendingDetection candidates(Event event, SpineDecisions spine, long nowMillis) {
    current = event;
    decisions = spine;
    for (int i = 0; i < detectors.length; i++) {
      detectors[i].update(event, spine, nowMillis, values[i]);
    }
    List<PlaybookCandidate> candidates = List.of();
    for (PlaybookEngine playbook : playbooks) {
      PlaybookCandidate candidate = playbook.candidate(this, nowMillis, this::context);
      if (candidate != null) {
        if (candidates.isEmpty()) {
          candidates = new ArrayList<>(playbooks.length);
        }
        candidates.add(candidate);
      }
    }
    return new PendingDetection(detectorValues(), candidates, score());
  }

  /**
   * False when the pipeline has neither detectors nor playbooks on this schema, so there is nothing
   * to shard.
   */
  public boolean hasWork() {
    return detectors.length > 0 || playbooks.length > 0;
  }

  private PlaybookEngine.Context context() {
    return new PlaybookEngine.Context(
        contractVersion,
        decisions.setBits(),
        decisions.firedRules(),
        detectorValues(),
        current.toPlainMap());
  }

  private Map<String, Double> detectorValues() {
    double[] flat = new double[valueNames.length];
    int at = 0;
    for (double[] detector : values) {
      System.arraycopy(detector, 0, flat, at, detector.length);
      at += detector.length;
    }
    return new DetectorValues(valueNames, flat);
  }

  /** The detectors' keyed state, for snapshots and for a later version to take over. */
  public DetectorStates states() {
    return states;
  }

  /** Keys evicted so far per detector, for loss accounting. */
  public Map<String, Long> evictions() {
    var evictions = new LinkedHashMap<String, Long>();
    for (DetectorEngine detector : detectors) {
      evictions.put(detector.spec().name(), detector.evictions());
    }
    return evictions;
  }

  @Override
  public Event event() {
    return current;
  }

  @Override
  public boolean ruleFired(int ruleRef) {
    return decisions.ruleFired(ruleRef);
  }

  @Override
  public boolean bitSet(int bitRef) {
    return decisions.bitSet(bitRef);
  }

  @Override
  public int factLevel(int factRef) {
    return decisions.factLevel(factRef);
  }

  @Override
  public double detectorValue(int detectorRef) {
    return values[detectorRef >>> 16][detectorRef & 0xFFFF];
  }

  @Override
  public int ruleRef(String rule) {
    return refs.ruleRef(rule);
  }

  @Override
  public int bitRef(String bit) {
    return refs.bitRef(bit);
  }

  @Override
  public int factRef(String fact) {
    return refs.factRef(fact);
  }

  @Override
  public List<String> factLevels(String fact) {
    return refs.factLevels(fact);
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
