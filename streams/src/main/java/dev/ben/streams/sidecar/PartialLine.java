package dev.ben.streams.sidecar;

import java.util.Arrays;

/**
 * The start of a line whose end is in a later chunk. It holds at most {@code capacity} bytes; past
 * that it only remembers that it overflowed, so an overlong line costs bounded memory. It is empty
 * until a byte arrives, so a chunk that ends right at a newline leaves nothing behind.
 */
final class PartialLine {

  private final int capacity;
  private byte[] bytes = new byte[256];
  private int size;
  private boolean started;
  private boolean overflowed;

  PartialLine(int capacity) {
    this.capacity = capacity;
  }

  boolean isEmpty() {
    return !started;
  }

  void append(byte[] from, int offset, int length) {
    if (length == 0 || overflowed) {
      return;
    }
    started = true;
    if (size + length > capacity) {
      overflowed = true;
      return;
    }
    if (size + length > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.min(capacity, Math.max(size + length, bytes.length * 2)));
    }
    System.arraycopy(from, offset, bytes, size, length);
    size += length;
  }

  boolean overflowed() {
    return overflowed;
  }

  /** A copy of the bytes held: the line outlives this buffer, which the next line reuses. */
  byte[] bytes() {
    return Arrays.copyOf(bytes, size);
  }

  int size() {
    return size;
  }

  void reset() {
    size = 0;
    started = false;
    overflowed = false;
  }
}
