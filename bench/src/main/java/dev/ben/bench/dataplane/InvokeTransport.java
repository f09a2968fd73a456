package dev.ben.bench.dataplane;

import java.util.function.Consumer;

/**
 * How invocations reach the node under load: {@code send} returns at once and later tells {@code
 * done} the error kind, or null for a decision.
 */
interface InvokeTransport {

  void send(String event, Consumer<String> done);

  /** Stops sending and lets go of the connections, once every answer is in or given up on. */
  void stop() throws Exception;
}
