package dev.ben.bux.api;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * What ben_api reads from the ledger. Futures fail with {@link ReadFailure}: NOT_FOUND for an
 * unknown pipeline or version, UNAVAILABLE when the ledger did not answer in time.
 */
public interface LedgerReads {

  /** Every pipeline the ledger knows, with its versions and the components running it. */
  CompletionStage<List<PipelineSummary>> pipelines();

  /** One pipeline with each of its versions: who staged it, when, and its bundle's fingerprint. */
  CompletionStage<PipelineDetail> pipeline(String name);

  /**
   * The source files of a version, as its bundle carries them: the project's files (kind {@link
   * SourceFile#SOURCE}) when the bundle carries them, else each compiled artifact as one file
   * {@code <kind>/<name>.json} holding its content as indented JSON (kind {@link
   * SourceFile#ARTIFACT}).
   */
  CompletionStage<List<SourceFile>> sources(String pipeline, long version);

  /** Two versions side by side: their artifacts compared, and the sources of both. */
  CompletionStage<VersionComparison> compare(String pipeline, long from, long to);

  /** A pipeline as listed: active version null when none is active. */
  record PipelineSummary(
      String name,
      String lifecycle,
      Long activeVersion,
      List<Long> stagedVersions,
      List<ComponentVersion> components) {

    public PipelineSummary {
      stagedVersions = List.copyOf(stagedVersions);
      components = List.copyOf(components);
    }
  }

  /** A component running the pipeline: its stage (the component's kind), node and version. */
  record ComponentVersion(String stage, String node, long version) {}

  record PipelineDetail(
      String name,
      String lifecycle,
      Long activeVersion,
      List<VersionDetail> versions,
      List<ComponentVersion> components) {

    public PipelineDetail {
      versions = List.copyOf(versions);
      components = List.copyOf(components);
    }
  }

  /** One version; {@code stagedBy} is whoever the ledger recorded staging it ("" if unknown). */
  record VersionDetail(
      long version, String state, String stagedBy, long stagedAtMs, String fingerprint) {}

  /** One file of a version; {@code kind} says whether it is a real source or an artifact. */
  record SourceFile(String path, String kind, String text) {

    public static final String SOURCE = "source";
    public static final String ARTIFACT = "artifact";
  }

  /** An artifact matched by kind and name in two versions: ADDED, REMOVED, CHANGED or SAME. */
  record ArtifactChange(String kind, String name, String change) {}

  record VersionComparison(
      List<ArtifactChange> artifacts, List<SourceFile> fromSources, List<SourceFile> toSources) {

    public VersionComparison {
      artifacts = List.copyOf(artifacts);
      fromSources = List.copyOf(fromSources);
      toSources = List.copyOf(toSources);
    }
  }
}
