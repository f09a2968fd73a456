package dev.ben.contracts.compile;

import dev.ben.contracts.check.PipelineDefaults;
import dev.ben.contracts.lang.DetectorDecl;
import dev.ben.contracts.lang.Ident;
import dev.ben.contracts.model.AggregateFn;
import dev.ben.contracts.model.DetectorSpec;
import dev.ben.contracts.model.Feature;
import dev.ben.contracts.model.Threshold;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Compiles detectors into detector specs. */
final class DetectorCompiler {

  private DetectorCompiler() {}

  static DetectorSpec compile(DetectorDecl detector) {
    List<Feature> features = new ArrayList<>();
    for (DetectorDecl.Feature feature : detector.features()) {
      features.add(feature(feature));
    }
    return new DetectorSpec(
        detector.name().name(),
        detector.schema().name(),
        detector.by().stream().map(Ident::name).toList(),
        PipelineDefaults.DETECTOR_MAX_KEYS,
        features,
        "");
  }

  private static Feature feature(DetectorDecl.Feature feature) {
    if (feature instanceof DetectorDecl.Window window) {
      String where =
          window.where() == null
              ? null
              : window.where().isSimple()
                  ? window.where().first().name()
                  : Threshold.bitName(
                      window.where().first().name(), window.where().parts().get(1).name());
      return new Feature.Window(
          window.name(),
          AggregateFn.valueOf(window.kind().name().toUpperCase(Locale.ROOT)),
          window.field() == null ? null : window.field().name(),
          window.window().millis(),
          where);
    }
    if (feature instanceof DetectorDecl.TtlCounter counter) {
      return new Feature.TtlCounter(counter.name(), counter.ttl().millis(), counter.rule().name());
    }
    if (feature instanceof DetectorDecl.Ewma ewma) {
      return new Feature.Ewma(ewma.name(), ewma.field().name(), ModelValues.decimal(ewma.alpha()));
    }
    if (feature instanceof DetectorDecl.Cusum cusum) {
      return new Feature.Cusum(
          cusum.name(),
          cusum.field().name(),
          ModelValues.decimal(cusum.k()),
          ModelValues.decimal(cusum.h()));
    }
    DetectorDecl.Anomaly anomaly = (DetectorDecl.Anomaly) feature;
    int window =
        anomaly.window() == null
            ? PipelineDefaults.ANOMALY_WINDOW
            : (int) ModelValues.integer(anomaly.window());
    return new Feature.Anomaly(anomaly.name(), anomaly.field().name(), window);
  }
}
