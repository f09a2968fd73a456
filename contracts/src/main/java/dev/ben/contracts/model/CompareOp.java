package dev.ben.contracts.model;

/** Comparison operators shared by predicates, thresholds and playbook conditions. */
public enum CompareOp {
  EQ,
  NE,
  LT,
  LE,
  GT,
  GE;

  /** Applies the operator to the sign of a {@code compare(left, right)} result. */
  public boolean test(int comparison) {
    return switch (this) {
      case EQ -> comparison == 0;
      case NE -> comparison != 0;
      case LT -> comparison < 0;
      case LE -> comparison <= 0;
      case GT -> comparison > 0;
      case GE -> comparison >= 0;
    };
  }

  /** The operator as contracts write it: {@code ==}, {@code !=}, {@code <}, {@code <=}, ... */
  public String symbol() {
    return switch (this) {
      case EQ -> "==";
      case NE -> "!=";
      case LT -> "<";
      case LE -> "<=";
      case GT -> ">";
      case GE -> ">=";
    };
  }

  /** Thresholds accept only ordering operators; equality has no "highest passing level". */
  public boolean isOrdering() {
    return this != EQ && this != NE;
  }
}
