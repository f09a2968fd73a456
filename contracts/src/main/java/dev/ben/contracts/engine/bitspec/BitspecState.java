package dev.ben.contracts.engine.bitspec;

import java.util.Arrays;

/**
 * One evaluator's reusable buffers and the result of its last evaluation: the predicate mask, the
 * highest level per threshold, the fired-rule mask and the winning rule. Not thread-safe; create
 * one per stage with {@link BitspecEngine#newState()}.
 */
public final class BitspecState {

  final long[] mask;
  final int[] levels;
  final long[] firedRules;
  int winner = -1;
  final Scratch scratch;

  BitspecState(int bits, int thresholds, int rules, Scratch scratch) {
    this.mask = new long[Bits.words(bits)];
    this.levels = new int[thresholds];
    this.firedRules = new long[Bits.words(rules)];
    this.scratch = scratch;
  }

  private BitspecState(BitspecState source) {
    this.mask = source.mask.clone();
    this.levels = source.levels.clone();
    this.firedRules = source.firedRules.clone();
    this.winner = source.winner;
    this.scratch = null;
  }

  /**
   * The result of the last evaluation, kept apart from the buffers the next one reuses: the spine's
   * decisions about one event as they travel with it to a detector in the same process.
   */
  public BitspecState resultCopy() {
    return new BitspecState(this);
  }

  void reset() {
    Arrays.fill(mask, 0);
    Arrays.fill(levels, -1);
    Arrays.fill(firedRules, 0);
    winner = -1;
  }

  /** The predicate/level mask of the last evaluation; read-only for callers. */
  public long[] mask() {
    return mask;
  }

  public boolean bit(int position) {
    return Bits.get(mask, position);
  }

  public boolean ruleFired(int declarationIndex) {
    return Bits.get(firedRules, declarationIndex);
  }

  /** Declaration index of the winning rule, or -1 when no rule fired (pass). */
  public int winningRule() {
    return winner;
  }

  /** Index of the highest passing level of the threshold, or -1. */
  public int level(int threshold) {
    return levels[threshold];
  }
}
