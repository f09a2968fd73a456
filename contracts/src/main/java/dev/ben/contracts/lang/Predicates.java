package dev.ben.contracts.lang;

/** Structural helpers over predicate expressions. */
public final class Predicates {

  private Predicates() {}

  /**
   * The event field a test reads, or the name/operator identifier for references and compositions.
   */
  public static Ident field(Pred pred) {
    if (pred instanceof Pred.Compare p) {
      return p.field();
    } else if (pred instanceof Pred.Between p) {
      return p.field();
    } else if (pred instanceof Pred.InList p) {
      return p.field();
    } else if (pred instanceof Pred.InValues p) {
      return p.field();
    } else if (pred instanceof Pred.InCidr p) {
      return p.field();
    } else if (pred instanceof Pred.Text p) {
      return p.field();
    } else if (pred instanceof Pred.Fuzzy p) {
      return p.field();
    } else if (pred instanceof Pred.Modulo p) {
      return p.field();
    } else if (pred instanceof Pred.Ref p) {
      return p.name();
    } else if (pred instanceof Pred.Invalid p) {
      return new Ident("", p.span());
    }
    return ((Pred.Compose) pred).op();
  }
}
