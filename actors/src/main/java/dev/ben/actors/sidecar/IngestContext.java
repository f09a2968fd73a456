package dev.ben.actors.sidecar;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.actors.pipeline.PipelineDirectory;
import dev.ben.config.IngestSettings;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * What every HTTP ingest endpoint works with: the actor system, the ingest limits, the directory
 * that says where a pipeline's events go, the JSON mapper, the one way answers are written, and
 * where refusals are counted.
 */
record IngestContext(
    ActorSystem<?> system,
    IngestSettings settings,
    ActorRef<PipelineDirectory.Command> directory,
    ObjectMapper mapper,
    IngestResponses responses,
    IngestRequestCounts counts) {}
