package dev.ben.contracts.engine.bitspec;

import dev.ben.contracts.event.Event;
import dev.ben.contracts.model.CompareOp;
import dev.ben.contracts.model.Schema;
import dev.ben.contracts.model.Threshold;
import java.util.List;

/**
 * One compiled threshold: every passing level sets its bit, and the result is the index of the
 * highest passing level (levels are ordered, so the last passing one), or -1 when none passes or
 * the value is missing.
 */
final class ThresholdProgram {

  private final Threshold threshold;
  private final int field;
  private final CompareOp op;
  private final Operand[] levels;
  private final int firstBit;
  private final List<String> levelNames;

  ThresholdProgram(Threshold threshold, Schema schema) {
    String where = "threshold '" + threshold.name() + "'";
    this.threshold = threshold;
    this.field = schema.indexOf(threshold.field());
    if (field < 0) {
      throw new IllegalArgumentException(
          where + ": schema '" + schema.name() + "' has no field '" + threshold.field() + "'");
    }
    if (!schema.fields().get(field).type().isNumeric()) {
      throw new IllegalArgumentException(
          where + ": field '" + threshold.field() + "' is not numeric");
    }
    this.op = threshold.op();
    this.levels = new Operand[threshold.levels().size()];
    for (int i = 0; i < levels.length; i++) {
      levels[i] =
          Operand.of(threshold.levels().get(i).value(), schema.fields().get(field).type(), where);
    }
    this.firstBit = threshold.levels().get(0).bit();
    this.levelNames = threshold.levels().stream().map(l -> l.name()).toList();
  }

  int evaluate(Event event, long[] mask) {
    int highest = -1;
    for (int i = 0; i < levels.length; i++) {
      int comparison = levels[i].compare(event, field);
      if (comparison == Operand.MISMATCH) {
        return -1;
      }
      if (op.test(comparison)) {
        Bits.set(mask, firstBit + i);
        highest = i;
      }
    }
    return highest;
  }

  String fact() {
    return threshold.fact();
  }

  String levelName(int index) {
    return threshold.levels().get(index).name();
  }

  List<String> levelNames() {
    return levelNames;
  }
}
