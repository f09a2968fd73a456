package dev.ben.streams.ledger;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A running header watch. Changes reach the listener one at a time, in order. A listener that
 * throws ends the watch (a watch that skipped a change would be wrong); {@link #failure()} then
 * says why and the owner starts a new watch, which replays the current state. Headers that cannot
 * be decoded are skipped and counted, never silently.
 */
public final class HeaderWatch implements AutoCloseable {

  private final Consumer<HeaderChange> listener;
  private final AtomicLong skipped = new AtomicLong();
  private volatile Runnable cancel = () -> {};
  private volatile boolean open = true;
  private volatile Throwable failure;

  HeaderWatch(Consumer<HeaderChange> listener) {
    this.listener = listener;
  }

  /**
   * Sets what closing stops (a NATS subscription, a listener registration); runs it now if already
   * closed.
   */
  void onClose(Runnable action) {
    synchronized (this) {
      if (open) {
        cancel = action;
        return;
      }
    }
    action.run();
  }

  void deliver(HeaderChange change) {
    if (!open) {
      return;
    }
    try {
      listener.accept(change);
    } catch (RuntimeException e) {
      failure = e;
      close();
    }
  }

  void skip() {
    skipped.incrementAndGet();
  }

  /** False once closed or ended by a failing listener. */
  public boolean isOpen() {
    return open;
  }

  /** Why the watch ended, when the listener failed. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  /** Headers seen but not delivered because their stored value could not be decoded. */
  public long skipped() {
    return skipped.get();
  }

  @Override
  public void close() {
    Runnable action;
    synchronized (this) {
      if (!open) {
        return;
      }
      open = false;
      action = cancel;
    }
    action.run();
  }
}
