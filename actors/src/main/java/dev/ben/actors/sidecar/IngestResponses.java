package dev.ben.actors.sidecar;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.actors.invoke.InvokeReplies;
import dev.ben.actors.invoke.Invoker;
import dev.ben.actors.pipeline.PipelineDirectory;
import dev.ben.streams.metrics.StageCounters.Outcome;
import dev.ben.streams.sidecar.EventParser;
import dev.ben.streams.sidecar.IngestReport;
import dev.ben.streams.wal.WalRefusedException;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RetryAfter;

/**
 * The JSON answers of the ingest endpoint: one shape for reports, one for errors, each with an
 * actionable text.
 */
final class IngestResponses {

  private final ObjectMapper mapper;

  IngestResponses(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * 200 when the whole body was read (even with refused lines), 503 with Retry-After when the
   * pipeline was full.
   */
  HttpResponse report(String pipeline, IngestReport report) {
    ObjectNode body = counted(pipeline, report);
    if (!report.overloaded()) {
      return json(StatusCodes.OK, body);
    }
    body.put(
        "error",
        "pipeline `"
            + pipeline
            + "` is saturated and took no more events; resend from line "
            + report.resumeFromLine()
            + " after a short wait");
    body.put("resume_from_line", report.resumeFromLine());
    return json(StatusCodes.SERVICE_UNAVAILABLE, body).addHeader(RetryAfter.create(1L));
  }

  /**
   * A body that stopped before its end: the same shape as an overloaded answer, with the status
   * saying why, so the client resends only from the first line neither accepted nor refused.
   */
  HttpResponse cutShort(String pipeline, IngestReport report, CutShort why) {
    ObjectNode body = counted(pipeline, report);
    body.put(
        "error",
        why.message()
            + "; the lines before line "
            + report.resumeFromLine()
            + " were accepted or refused as counted here, resend from line "
            + report.resumeFromLine());
    body.put("resume_from_line", report.resumeFromLine());
    return json(why.status(), body);
  }

  /** 415: what the body was declared as cannot be read here; lists what can. */
  HttpResponse unsupported(BodyFormat.Unreadable unreadable) {
    ObjectNode body = mapper.createObjectNode().put("error", unreadable.message());
    body.putArray("supported")
        .addAll(unreadable.supported().stream().map(mapper.getNodeFactory()::textNode).toList());
    return json(StatusCodes.UNSUPPORTED_MEDIA_TYPE, body);
  }

  private ObjectNode counted(String pipeline, IngestReport report) {
    ObjectNode body =
        mapper
            .createObjectNode()
            .put("pipeline", pipeline)
            .put("accepted", report.accepted())
            .put("refused", report.refused());
    ArrayNode refusals = body.putArray("refusals");
    for (EventParser.Refused refusal : report.refusals()) {
      refusals
          .addObject()
          .put("line", refusal.line())
          .put("reason", refusal.reason())
          .put("detail", refusal.detail());
    }
    if (report.refused() > report.refusals().size()) {
      body.put("refusals_truncated", true);
    }
    unconfirmed(body, report.unconfirmed());
    return body;
  }

  /**
   * Says how many accepted events had not reached their final outcome within the ack timeout
   * ({@code ben.ingest.ack = stored}); nothing when all had.
   */
  void unconfirmed(ObjectNode body, long unconfirmed) {
    InvokeReplies.unconfirmed(body, unconfirmed);
  }

  /**
   * 503: the node's ingest log did not take the events, so nothing was accepted; counted refused at
   * the pipeline's sidecar under the log's reason.
   */
  HttpResponse notLogged(PipelineDirectory.Ingress ingress, Throwable failure) {
    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
    if (cause instanceof WalRefusedException refused) {
      ingress.sidecarCounters().count(Outcome.REFUSED, refused.reason(), refused.events());
    }
    return error(
            StatusCodes.SERVICE_UNAVAILABLE,
            "the node could not log the events ("
                + cause.getMessage()
                + "); nothing was accepted, retry later")
        .addHeader(RetryAfter.create(1L));
  }

  HttpResponse unknownPipeline(String pipeline, List<String> running) {
    ObjectNode body = mapper.createObjectNode().put("error", Invoker.notRunning(pipeline, running));
    body.putArray("running")
        .addAll(running.stream().map(mapper.getNodeFactory()::textNode).toList());
    return json(StatusCodes.NOT_FOUND, body);
  }

  HttpResponse error(StatusCode status, String message) {
    return json(status, mapper.createObjectNode().put("error", message));
  }

  HttpResponse json(StatusCode status, ObjectNode body) {
    try {
      return HttpResponse.create()
          .withStatus(status)
          .withEntity(ContentTypes.APPLICATION_JSON, mapper.writeValueAsBytes(body));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot render a response", e);
    }
  }
}
