package dev.ben.actors.sidecar;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.actors.pipeline.PipelineDirectory;
import dev.ben.actors.pipeline.PipelineTable;
import dev.ben.config.IngestSettings;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * What every HTTP ingest endpoint works with: the actor system, the ingest limits, the table that
 * says where a pipeline's events go, the JSON mapper, the one way answers are written, and where
 * refusals are counted.
 */
record IngestContext(
    ActorSystem<?> system,
    IngestSettings settings,
    PipelineTable pipelines,
    ObjectMapper mapper,
    IngestResponses responses,
    IngestRequestCounts counts) {

  /** Where the pipeline's events go in, read from the directory's last snapshot (no ask). */
  CompletionStage<PipelineDirectory.LookupResult> lookup(String pipeline) {
    return CompletableFuture.completedFuture(pipelines.lookup(pipeline));
  }
}
