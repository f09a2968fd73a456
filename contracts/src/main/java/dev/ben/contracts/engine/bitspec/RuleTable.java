package dev.ben.contracts.engine.bitspec;

import dev.ben.contracts.model.Rule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rules of a pack as bit masks, ordered by priority (highest first, ties in declaration order).
 * Every rule is checked so callers see all that fired; the first firing one in that order wins.
 */
final class RuleTable {

  private final int[] declarationIndex;
  private final long[][] all;
  private final long[][] any;
  private final long[][] none;

  RuleTable(List<Rule> rules, List<String> bitNames) {
    var order = new ArrayList<Integer>();
    for (int i = 0; i < rules.size(); i++) {
      order.add(i);
    }
    order.sort(
        Comparator.comparingInt((Integer i) -> -rules.get(i).priority()).thenComparingInt(i -> i));
    int n = rules.size();
    declarationIndex = new int[n];
    all = new long[n][];
    any = new long[n][];
    none = new long[n][];
    for (int slot = 0; slot < n; slot++) {
      Rule rule = rules.get(order.get(slot));
      String where = "rule '" + rule.name() + "'";
      declarationIndex[slot] = order.get(slot);
      all[slot] = Bits.maskOf(rule.all(), bitNames, where);
      any[slot] = rule.any().isEmpty() ? null : Bits.maskOf(rule.any(), bitNames, where);
      none[slot] = Bits.maskOf(rule.none(), bitNames, where);
    }
  }

  /**
   * Marks fired rules (by declaration index) in {@code fired}; returns the winner's declaration
   * index or -1.
   */
  int evaluate(long[] mask, long[] fired) {
    int winner = -1;
    for (int slot = 0; slot < declarationIndex.length; slot++) {
      if (Bits.containsAll(mask, all[slot])
          && (any[slot] == null || Bits.intersects(mask, any[slot]))
          && !Bits.intersects(mask, none[slot])) {
        Bits.set(fired, declarationIndex[slot]);
        if (winner < 0) {
          winner = declarationIndex[slot];
        }
      }
    }
    return winner;
  }
}
