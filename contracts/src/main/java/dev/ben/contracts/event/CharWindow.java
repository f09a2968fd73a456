package dev.ben.contracts.event;

/**
 * A reusable read-only view of a slice of a parser's character buffer, so text values the
 * translator only reads (timestamps, addresses) are never copied into a String. Valid until the
 * parser moves on.
 */
final class CharWindow implements CharSequence {

  private char[] chars = new char[0];
  private int offset;
  private int length;

  CharWindow show(char[] buffer, int from, int count) {
    this.chars = buffer;
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
    return chars[offset + index];
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return toString().subSequence(start, end);
  }

  @Override
  public String toString() {
    return new String(chars, offset, length);
  }
}
