package dev.ben.contracts.check;

/** A resolved type: a scalar, optionally nullable, or an array of a type. */
public sealed interface BenType {

  /** The type as written in source. */
  String spelling();

  /** The scalar underneath optionality and arrays. */
  Prim prim();

  default boolean isOptional() {
    return this instanceof Optional;
  }

  default boolean isArray() {
    return this instanceof Array
        || (this instanceof Optional optional && optional.inner().isArray());
  }

  /** The type without its {@code ?}. */
  default BenType required() {
    return this instanceof Optional optional ? optional.inner() : this;
  }

  /** A plain scalar of the given type. */
  record Scalar(Prim prim) implements BenType {
    @Override
    public String spelling() {
      return prim.spelling();
    }
  }

  /** {@code T?}. */
  record Optional(BenType inner) implements BenType {
    @Override
    public String spelling() {
      return inner.spelling() + "?";
    }

    @Override
    public Prim prim() {
      return inner.prim();
    }
  }

  /** {@code [T]}. */
  record Array(BenType element) implements BenType {
    @Override
    public String spelling() {
      return "[" + element.spelling() + "]";
    }

    @Override
    public Prim prim() {
      return element.prim();
    }
  }
}
