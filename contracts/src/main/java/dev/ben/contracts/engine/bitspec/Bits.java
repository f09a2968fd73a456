package dev.ben.contracts.engine.bitspec;

import java.util.List;

/** Operations on unbounded bit masks held in {@code long[]} words. */
public final class Bits {

  private Bits() {}

  public static int words(int bits) {
    return Math.max(1, (bits + 63) >>> 6);
  }

  public static void set(long[] mask, int bit) {
    mask[bit >>> 6] |= 1L << bit;
  }

  public static boolean get(long[] mask, int bit) {
    return (mask[bit >>> 6] & (1L << bit)) != 0;
  }

  public static boolean containsAll(long[] mask, long[] required) {
    for (int w = 0; w < required.length; w++) {
      if ((mask[w] & required[w]) != required[w]) {
        return false;
      }
    }
    return true;
  }

  public static boolean intersects(long[] mask, long[] other) {
    for (int w = 0; w < other.length; w++) {
      if ((mask[w] & other[w]) != 0) {
        return true;
      }
    }
    return false;
  }

  /** A mask of the given width with the named bits set; names resolve through {@code bitNames}. */
  public static long[] maskOf(List<String> names, List<String> bitNames, String where) {
    long[] mask = new long[words(bitNames.size())];
    for (String name : names) {
      int bit = bitNames.indexOf(name);
      if (bit < 0) {
        throw new IllegalArgumentException(
            where
                + " refers to unknown predicate or level '"
                + name
                + "'; known bits: "
                + bitNames);
      }
      set(mask, bit);
    }
    return mask;
  }
}
