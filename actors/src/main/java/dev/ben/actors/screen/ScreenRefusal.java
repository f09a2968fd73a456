package dev.ben.actors.screen;

import io.grpc.Status;

/**
 * Why a screening got no answer, with the HTTP status, the gRPC code and the {@code outcome} label
 * of {@code ben_screen_requests_total} each is reported with.
 */
public enum ScreenRefusal {
  /** A field is missing or out of bounds; the message names it. */
  BAD_FIELD(400, Status.Code.INVALID_ARGUMENT, "bad_field"),
  /** No such pipeline, version or list. */
  NOT_FOUND(404, Status.Code.NOT_FOUND, "not_found"),
  /** The ledger did not answer, or its bundle did not read. */
  UNAVAILABLE(503, Status.Code.UNAVAILABLE, "unavailable");

  private final int httpStatus;
  private final Status.Code grpcCode;
  private final String label;

  ScreenRefusal(int httpStatus, Status.Code grpcCode, String label) {
    this.httpStatus = httpStatus;
    this.grpcCode = grpcCode;
    this.label = label;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public Status.Code grpcCode() {
    return grpcCode;
  }

  public String label() {
    return label;
  }
}
