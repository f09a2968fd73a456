package dev.ben.benctl.events;

import dev.ben.api.events.EventLogServiceClient;
import dev.ben.benctl.remote.ControlCall;
import dev.ben.benctl.remote.ControlConnection;
import java.util.function.Function;
import org.apache.pekko.grpc.javadsl.SingleResponseRequestBuilder;

/** Server, credentials and output of every events command, and its one typed call. */
abstract class EventLogCall extends ControlCall {

  /** Calls an event-log method, e.g. {@code events(c -> c.read(), request)}. */
  protected <Q, R> R events(
      Function<EventLogServiceClient, SingleResponseRequestBuilder<Q, R>> method, Q request) {
    return ControlConnection.events(target(), timeout(), method, request);
  }
}
