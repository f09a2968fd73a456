package dev.ben.contracts.engine.bitspec;

import dev.ben.contracts.event.Event;
import dev.ben.contracts.event.ValueKind;
import dev.ben.contracts.model.CompareOp;
import java.util.Arrays;
import java.util.Set;

/** Field tests over typed values: comparisons, ranges, modulo, null tests and list membership. */
final class ValueTests {

  private ValueTests() {}

  record Compare(int field, CompareOp op, Operand operand) implements BitProbe {
    @Override
    public boolean test(Event event, long[] mask, Scratch scratch) {
      int comparison = operand.compare(event, field);
      return comparison != Operand.MISMATCH && op.test(comparison);
    }
  }

  /** Inclusive at both ends. */
  record Between(int field, Operand low, Operand high) implements BitProbe {
    @Override
    public boolean test(Event event, long[] mask, Scratch scratch) {
      int aboveLow = low.compare(event, field);
      if (aboveLow == Operand.MISMATCH || aboveLow < 0) {
        return false;
      }
      int belowHigh = high.compare(event, field);
      return belowHigh != Operand.MISMATCH && belowHigh <= 0;
    }
  }

  record Modulo(int field, long divisor, long remainder) implements BitProbe {
    @Override
    public boolean test(Event event, long[] mask, Scratch scratch) {
      return event.kind(field) == ValueKind.INTEGER
          && Math.floorMod(event.longValue(field), divisor) == remainder;
    }
  }

  record IsNull(int field, boolean wantNull) implements BitProbe {
    @Override
    public boolean test(Event event, long[] mask, Scratch scratch) {
      return event.isPresent(field) != wantNull;
    }
  }

  /** Membership of text (strings, UUIDs, canonical IP text) in a hash set built once. */
  record InTextSet(int field, Set<String> values) implements BitProbe {
    @Override
    public boolean test(Event event, long[] mask, Scratch scratch) {
      String text = event.text(field);
      return text != null && values.contains(text);
    }
  }

  /** Membership of whole numbers by binary search over a sorted array (no boxing). */
  record InSortedLongs(int field, long[] sorted) implements BitProbe {
    @Override
    public boolean test(Event event, long[] mask, Scratch scratch) {
      return event.kind(field) == ValueKind.INTEGER
          && Arrays.binarySearch(sorted, event.longValue(field)) >= 0;
    }
  }

  /** Membership of reals by binary search over a sorted array. */
  record InSortedReals(int field, double[] sorted) implements BitProbe {
    @Override
    public boolean test(Event event, long[] mask, Scratch scratch) {
      ValueKind kind = event.kind(field);
      return (kind == ValueKind.REAL || kind == ValueKind.INTEGER)
          && Arrays.binarySearch(sorted, event.numeric(field)) >= 0;
    }
  }

  /** Composition over bits already evaluated: all, any, or not. */
  record Composite(long[] bits, Kind kind) implements BitProbe {
    enum Kind {
      ALL,
      ANY,
      NOT
    }

    @Override
    public boolean test(Event event, long[] mask, Scratch scratch) {
      return switch (kind) {
        case ALL -> Bits.containsAll(mask, bits);
        case ANY -> Bits.intersects(mask, bits);
        case NOT -> !Bits.intersects(mask, bits);
      };
    }
  }
}
