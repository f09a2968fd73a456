package dev.ben.contracts.engine.detect;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The primitives snapshots are written with, on top of {@link DataOutput}: unsigned varints (most
 * counts are small), length-prefixed UTF-8 strings (keys may be longer than {@code writeUTF}
 * allows) and sparse int arrays (tree masses are mostly zero). Every read checks its bounds, so a
 * damaged snapshot fails with {@link SnapshotFormatException} instead of allocating wildly.
 */
final class StateCodec {

  /** Longest string a snapshot may hold: a detector key or a distinct value. */
  static final int MAX_STRING_BYTES = 1 << 20;

  private StateCodec() {}

  static void writeVarInt(DataOutput out, int value) throws IOException {
    int rest = value;
    while ((rest & ~0x7F) != 0) {
      out.writeByte((rest & 0x7F) | 0x80);
      rest >>>= 7;
    }
    out.writeByte(rest);
  }

  static int readVarInt(DataInput in) throws IOException {
    int value = 0;
    for (int shift = 0; shift < 32; shift += 7) {
      int b = in.readUnsignedByte();
      value |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new SnapshotFormatException("a varint runs past 32 bits");
  }

  /** A count that must lie in [0, max]. */
  static int readCount(DataInput in, int max, String what) throws IOException {
    int count = readVarInt(in);
    if (count < 0 || count > max) {
      throw new SnapshotFormatException(what + " is " + count + ", at most " + max + " fit");
    }
    return count;
  }

  static void writeString(DataOutput out, String value) throws IOException {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    writeVarInt(out, bytes.length);
    out.write(bytes);
  }

  static String readString(DataInput in) throws IOException {
    byte[] bytes = new byte[readCount(in, MAX_STRING_BYTES, "a string's length")];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** The non-zero cells as (gap from the previous one, value) pairs. */
  static void writeSparse(DataOutput out, int[] values) throws IOException {
    int nonZero = 0;
    for (int value : values) {
      nonZero += value != 0 ? 1 : 0;
    }
    writeVarInt(out, nonZero);
    int previous = -1;
    for (int i = 0; i < values.length; i++) {
      if (values[i] != 0) {
        writeVarInt(out, i - previous - 1);
        writeVarInt(out, values[i]);
        previous = i;
      }
    }
  }

  static void readSparse(DataInput in, int[] into) throws IOException {
    java.util.Arrays.fill(into, 0);
    int nonZero = readCount(in, into.length, "the non-zero cells");
    int index = -1;
    for (int n = 0; n < nonZero; n++) {
      index += readVarInt(in) + 1;
      if (index < 0 || index >= into.length) {
        throw new SnapshotFormatException("a cell index is past " + into.length);
      }
      into[index] = readVarInt(in);
    }
  }
}
