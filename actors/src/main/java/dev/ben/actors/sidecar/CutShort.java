package dev.ben.actors.sidecar;

import dev.ben.streams.sidecar.BodyDecoding;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;

/**
 * Why a request body stopped before its end, as the client is told it: {@code 413} when it grew
 * past {@code ben.ingest.max-request-bytes} (as sent, or once decoded), else {@code 400} (the
 * client went away, a transport error, a truncated or corrupt compressed body). The events before
 * the stop were accepted or refused all the same.
 *
 * @param reason {@code too_large} or {@code unreadable}, for the counter
 */
record CutShort(StatusCode status, String reason, String message) {

  static CutShort of(Throwable failure, long maxRequestBytes) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof EntityStreamSizeException) {
        return tooLarge("the request body exceeds " + maxRequestBytes + " bytes");
      }
      if (cause instanceof BodyDecoding.TooLarge) {
        return tooLarge(cause.getMessage());
      }
    }
    return new CutShort(
        StatusCodes.BAD_REQUEST,
        "unreadable",
        "the request body could not be read to its end ("
            + failure.getClass().getSimpleName()
            + ": "
            + failure.getMessage()
            + ")");
  }

  private static CutShort tooLarge(String what) {
    return new CutShort(
        StatusCodes.CONTENT_TOO_LARGE,
        "too_large",
        what + "; send the rest in smaller requests or raise ben.ingest.max-request-bytes");
  }
}
