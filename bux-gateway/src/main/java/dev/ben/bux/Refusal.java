package dev.ben.bux;

import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;

/**
 * Why the gateway turned a request away, each counted in {@code ben_gateway_refused_total{reason}}
 * and answered with its own status and message.
 */
enum Refusal {
  MISSING_SESSION(
      StatusCodes.UNAUTHORIZED,
      "log in first: POST /api/v1/session, or send Authorization: Bearer <token>"),
  BAD_SESSION(StatusCodes.UNAUTHORIZED, "the session or token is not valid here; log in again"),
  EXPIRED(StatusCodes.UNAUTHORIZED, "the session has expired; log in again"),
  // One message for an unknown user and a wrong password, so the answer does not tell which.
  BAD_CREDENTIALS(StatusCodes.UNAUTHORIZED, "wrong user name or password"),
  THROTTLED(
      StatusCodes.TOO_MANY_REQUESTS,
      "too many failed logins from this address; wait a little before trying again"),
  FOREIGN_ORIGIN(
      StatusCodes.FORBIDDEN,
      "requests from this page's origin are not accepted; the gateway's own origin and"
          + " ben.gateway.allowed-origins are"),
  READ_ONLY(
      StatusCodes.METHOD_NOT_ALLOWED,
      "ben_api is read-only; it answers GET only, and intent changes through benctl and the"
          + " control API"),
  // A websocket frame refused with an error frame; the socket stays open (up to a limit).
  BAD_FRAME(StatusCodes.BAD_REQUEST, "the websocket frame was malformed");

  static final String METRIC = "ben_gateway_refused_total";
  static final String METRIC_HELP = "Gateway requests refused, by reason.";

  private final StatusCode status;
  private final String message;

  Refusal(StatusCode status, String message) {
    this.status = status;
    this.message = message;
  }

  StatusCode status() {
    return status;
  }

  String message() {
    return message;
  }

  /** As counted: {@code bad_credentials}. */
  String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
