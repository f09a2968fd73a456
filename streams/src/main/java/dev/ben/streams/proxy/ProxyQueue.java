package dev.ben.streams.proxy;

import dev.ben.contracts.model.OverloadPolicy;
import dev.ben.contracts.model.ProxySettings;
import java.util.ArrayDeque;

/**
 * The proxy's buffer and its overload decisions, without streams. It holds at most {@code buffer}
 * elements. Above the high watermark it is overloaded until it drains to the low watermark
 * (hysteresis, so the state does not flap). When an element arrives, the policy decides what, if
 * anything, is shed:
 *
 * <ul>
 *   <li>{@code BACKPRESSURE}: nothing; the caller stops taking elements while the buffer is full;
 *   <li>{@code SHED_NEWEST}: the arriving element, when the buffer is full;
 *   <li>{@code SHED_OLDEST}: the oldest buffered element, when the buffer is full;
 *   <li>{@code SAMPLE}: while overloaded, every other arriving element, and the arriving one when
 *       full.
 * </ul>
 */
final class ProxyQueue<T> {

  private final ArrayDeque<T> buffer;
  private final ProxySettings settings;
  private final int high;
  private final int low;
  private boolean overloaded;
  private long arrivedWhileOverloaded;

  ProxyQueue(ProxySettings settings) {
    this.settings = settings;
    this.buffer = new ArrayDeque<>(Math.min(settings.buffer(), 4096));
    this.high = Math.max(1, (int) Math.ceil(settings.buffer() * settings.highWatermark()));
    this.low = (int) Math.floor(settings.buffer() * settings.lowWatermark());
  }

  /**
   * Whether the stage may take another element now (always, unless backpressure and the buffer is
   * full).
   */
  boolean accepting() {
    return settings.overload() != OverloadPolicy.BACKPRESSURE || buffer.size() < settings.buffer();
  }

  /**
   * Buffers an element; returns the element shed to make room or by sampling, or null when none
   * was.
   */
  T offer(T element) {
    T shed = null;
    boolean full = buffer.size() >= settings.buffer();
    switch (settings.overload()) {
      case BACKPRESSURE -> {
        if (full) {
          throw new IllegalStateException(
              "a backpressured proxy buffer was offered an element while full");
        }
        buffer.addLast(element);
      }
      case SHED_NEWEST -> {
        if (full) {
          shed = element;
        } else {
          buffer.addLast(element);
        }
      }
      case SHED_OLDEST -> {
        if (full) {
          shed = buffer.pollFirst();
        }
        buffer.addLast(element);
      }
      case SAMPLE -> {
        if (full || (overloaded && arrivedWhileOverloaded++ % 2 == 1)) {
          shed = element;
        } else {
          buffer.addLast(element);
        }
      }
    }
    settle();
    return shed;
  }

  /** The oldest buffered element, or null when empty. */
  T poll() {
    T element = buffer.pollFirst();
    settle();
    return element;
  }

  /**
   * Whether {@code events} arriving now would all be buffered and all be taken by the next polls,
   * with nothing shed and no watermark crossed: the buffer is empty (and so not overloaded: the low
   * watermark is never negative) and they stay under the high one, which is never above the bound.
   * Such events may go on as they came, without passing through the buffer.
   */
  boolean passesThrough(int events) {
    return buffer.isEmpty() && events < high;
  }

  boolean isEmpty() {
    return buffer.isEmpty();
  }

  int size() {
    return buffer.size();
  }

  /** Above the high watermark, and not yet back under the low one. */
  boolean overloaded() {
    return overloaded;
  }

  private void settle() {
    if (!overloaded && buffer.size() >= high) {
      overloaded = true;
      arrivedWhileOverloaded = 0;
    } else if (overloaded && buffer.size() <= low) {
      overloaded = false;
    }
  }
}
