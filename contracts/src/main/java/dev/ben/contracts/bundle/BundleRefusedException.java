package dev.ben.contracts.bundle;

/** A bundle was refused while reading; the refusal says why. */
public final class BundleRefusedException extends Exception {

  private final transient Refusal refusal;

  public BundleRefusedException(Refusal refusal) {
    super(refusal.message());
    this.refusal = refusal;
  }

  BundleRefusedException(Refusal.Reason reason, String detail) {
    this(new Refusal(reason, detail));
  }

  public Refusal refusal() {
    return refusal;
  }

  public Refusal.Reason reason() {
    return refusal.reason();
  }
}
