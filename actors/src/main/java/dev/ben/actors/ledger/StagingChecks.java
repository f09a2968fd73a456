package dev.ben.actors.ledger;

import dev.ben.actors.ledger.LedgerRefusal.Kind;
import dev.ben.contracts.bundle.Bundle;
import dev.ben.contracts.bundle.BundleRefusedException;
import dev.ben.contracts.bundle.BundleVerifier;
import dev.ben.contracts.bundle.ContractBundles;
import dev.ben.contracts.bundle.Refusal;
import dev.ben.contracts.bundle.TrustedKeys;
import dev.ben.contracts.bundle.Verification;
import dev.ben.contracts.engine.ContractRuntime;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.model.Pipeline;

/**
 * What a bundle must pass before the ledger stages it: a signature by a trusted key, and contracts
 * that still compile and load on this version of Ben. Refusals are {@link LedgerRefusal}s saying
 * what to fix.
 */
final class StagingChecks {

  private StagingChecks() {}

  /** The bundle verified against the trusted keys, or the refusal. */
  static Verification.Verified verified(byte[] bytes, TrustedKeys trusted) {
    Verification verification = BundleVerifier.verify(bytes, trusted);
    if (verification instanceof Verification.Refused refused) {
      Kind kind = kindOf(refused.refusal().reason());
      throw new LedgerRefusal(
          kind,
          "bundle refused: "
              + refused.refusal().message()
              + (kind == Kind.UNTRUSTED
                  ? "; the cluster trusts the public key files listed in ben.ledger.trusted-keys (BEN_LEDGER_TRUSTED_KEYS)"
                      + " and those added with `benctl trust add`"
                  : ""));
    }
    return (Verification.Verified) verification;
  }

  /**
   * Signature problems are a matter of trust; everything else means the bytes are not a valid
   * bundle.
   */
  private static Kind kindOf(Refusal.Reason reason) {
    switch (reason) {
      case UNSIGNED:
      case SIGNATURE_INVALID:
      case KEY_NOT_TRUSTED:
        return Kind.UNTRUSTED;
      default:
        return Kind.INVALID;
    }
  }

  static ContractSet revalidate(Bundle bundle) {
    ContractSet contracts;
    try {
      contracts = ContractBundles.contracts(bundle, "staging");
    } catch (BundleRefusedException e) {
      throw new LedgerRefusal(Kind.INVALID, "bundle refused: " + e.getMessage());
    }
    if (contracts.pipelines().isEmpty()) {
      throw new LedgerRefusal(
          Kind.INVALID,
          "bundle refused: it declares no pipeline, so there is nothing to stage;"
              + " add a `pipeline` to the project");
    }
    for (Pipeline pipeline : contracts.pipelines()) {
      try {
        ContractRuntime.build(contracts, pipeline.name(), new byte[32]);
      } catch (IllegalArgumentException e) {
        throw new LedgerRefusal(
            Kind.INVALID,
            "bundle refused: pipeline " + pipeline.name() + " does not load: " + e.getMessage());
      }
    }
    return contracts;
  }
}
