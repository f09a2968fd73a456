package dev.ben.actors.sidecar.socket;

import dev.ben.streams.auth.AppKeyCheck;
import dev.ben.streams.auth.KeyRefusal;
import dev.ben.streams.sidecar.socket.Refusal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The refusals a session writes about itself, each with what the client can do about it. */
final class SessionRefusals {

  private SessionRefusals() {}

  /** A refused key ends the session: a client that cannot say who it is has nothing to send. */
  static Refusal keyRefusal(AppKeyCheck.Refused refused) {
    String hint =
        refused.reason() == KeyRefusal.APP_MISMATCH
            ? ""
            : "; put the app's key in the HELLO: {\"protocol\":1,\"key\":\"ben_app_...\"}";
    return Refusal.fatal(refused.reason().label(), refused.message() + hint);
  }

  static Refusal unknownPipeline(String name, List<String> running, Optional<Long> seq) {
    String message =
        "pipeline `"
            + name
            + "` does not run on this node"
            + (running.isEmpty() ? "" : "; running here: " + String.join(", ", running));
    return seq.map(s -> Refusal.ofBatch(s, Refusal.UNKNOWN_PIPELINE, message))
        .orElseGet(() -> Refusal.of(Refusal.UNKNOWN_PIPELINE, message));
  }

  static Refusal tooManySessions(int maxSessions) {
    return Refusal.fatal(
        Refusal.TOO_MANY_SESSIONS,
        "this node already serves "
            + maxSessions
            + " socket sessions; retry later, spread apps over nodes or raise "
            + "ben.ingest.socket.max-sessions");
  }

  static Refusal helloTimeout(Duration timeout) {
    return Refusal.fatal(
        Refusal.HELLO_TIMEOUT,
        "no valid HELLO within "
            + timeout.toMillis()
            + " ms of connecting (PING does not count); say HELLO first");
  }
}
