package dev.ben.actors.invoke;

import io.grpc.Status;

/**
 * Why an invocation got no decision, with the HTTP status and the gRPC status code each transport
 * answers it with.
 */
public enum InvokeRefusal {
  /** Not one JSON object within the size limit. */
  BAD_EVENT(400, Status.Code.INVALID_ARGUMENT),
  /** No such pipeline runs on this node. */
  UNKNOWN_PIPELINE(404, Status.Code.NOT_FOUND),
  /** The pipeline runs no contract, so nothing decides. */
  NOT_DECIDED(409, Status.Code.FAILED_PRECONDITION),
  /** The contract refused the event (its schema, say). */
  REFUSED_BY_CONTRACT(422, Status.Code.INVALID_ARGUMENT),
  /** The node's ingest log did not take the event: nothing was accepted. */
  NOT_LOGGED(503, Status.Code.UNAVAILABLE),
  /** The pipeline's invocation queue was full. */
  QUEUE_FULL(503, Status.Code.RESOURCE_EXHAUSTED),
  /** The pipeline stopped taking events (it restarts by itself). */
  PIPELINE_STOPPED(503, Status.Code.UNAVAILABLE),
  /** The pipeline did not decide within the offer timeout. */
  UNDECIDED(503, Status.Code.UNAVAILABLE);

  private final int httpStatus;
  private final Status.Code grpcCode;

  InvokeRefusal(int httpStatus, Status.Code grpcCode) {
    this.httpStatus = httpStatus;
    this.grpcCode = grpcCode;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public Status.Code grpcCode() {
    return grpcCode;
  }

  /** Worth retrying shortly (HTTP answers it with {@code Retry-After}). */
  public boolean retryLater() {
    return httpStatus == 503;
  }
}
