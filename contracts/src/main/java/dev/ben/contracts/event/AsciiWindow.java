package dev.ben.contracts.event;

import java.nio.charset.StandardCharsets;

/**
 * A reusable read-only view of an ASCII slice of a line's bytes, so text values the translator only
 * reads (timestamps, addresses) are never copied into a String. Valid while the line is.
 */
final class AsciiWindow implements CharSequence {

  private byte[] bytes = new byte[0];
  private int offset;
  private int length;

  AsciiWindow show(byte[] line, int from, int count) {
    this.bytes = line;
    this.offset = from;
    this.length = count;
    return this;
  }

  @Override
  public int length() {
    return length;
  }

  @Override
  public char charAt(int index) {
    if (index < 0 || index >= length) {
      throw new IndexOutOfBoundsException(index);
    }
    return (char) bytes[offset + index];
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return toString().subSequence(start, end);
  }

  @Override
  public String toString() {
    return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
  }
}
