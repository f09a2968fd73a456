package dev.ben.bench.dataplane;

import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * How invocations reach the node under load: {@code send} returns at once and later tells {@code
 * done} the error kind, or null for a decision. Both are called from the one thread that paces the
 * load, which calls {@code idle} whenever it waits, so a transport may read its answers there.
 */
interface InvokeTransport {

  void send(String event, Consumer<String> done);

  /** Waits up to {@code nanos} (none: only takes what is ready), handling answers that arrive. */
  default void idle(long nanos) {
    if (nanos > 0) {
      LockSupport.parkNanos(nanos);
    }
  }

  /** Stops sending and lets go of the connections, once every answer is in or given up on. */
  void stop() throws Exception;
}
