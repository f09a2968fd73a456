package dev.ben.actors.sidecar;

import dev.ben.streams.sidecar.Names;
import java.util.Optional;

/**
 * The pipeline name an ingest request carries, checked before anything reads the body: a bad name
 * is the caller's mistake and is answered with how to fix it. (The app is not named by the caller:
 * its key, or its beacon site, decides it.)
 */
final class IngestNames {

  private IngestNames() {}

  /** Why the pipeline name is refused, or empty when it is valid. */
  static Optional<String> refusal(String pipeline) {
    if (!Names.valid(pipeline)) {
      return Optional.of("name the pipeline with ?pipeline=NAME (" + Names.RULE + ")");
    }
    return Optional.empty();
  }
}
