package dev.ben.benctl.bundle;

import dev.ben.benctl.command.ExitCode;
import dev.ben.benctl.command.Subcommand;
import dev.ben.benctl.out.Json;
import dev.ben.benctl.out.OutputOptions;
import dev.ben.contracts.bundle.BundleVerifier;
import dev.ben.contracts.bundle.Refusal;
import dev.ben.contracts.bundle.Verification;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code benctl verify BUNDLE --trust KEY.pub}: checks integrity, signature and trust, as the
 * ledger will.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Check a bundle the way the ledger will before accepting it: every artifact matches the "
          + "manifest, the manifest is signed, and the signer is trusted.",
      "Prints OK with the bundle identity and artifacts, or the reason for refusal (exit code 1)."
    })
public final class VerifyCommand extends Subcommand {

  @Parameters(paramLabel = "BUNDLE", description = "The bundle file.")
  private Path bundleFile;

  @Mixin private TrustOptions trust;

  @Mixin private OutputOptions output;

  @Override
  protected int run() {
    var trusted = trust.load();
    Verification result = BundleVerifier.verify(BundleFileInput.bytes(bundleFile), trusted);
    if (result instanceof Verification.Verified verified) {
      if (output.json()) {
        out().print(Json.render(BundleView.json(verified.bundle()).put("ok", true)));
      } else {
        out().println("OK " + bundleFile + " verified: signed by trusted key " + verified.keyId());
        out().print(BundleView.text(verified.bundle()));
      }
      return ExitCode.OK;
    }
    var refusal = ((Verification.Refused) result).refusal();
    if (output.json()) {
      out()
          .print(
              Json.render(
                  Json.object()
                      .put("ok", false)
                      .put("reason", refusal.reason().name())
                      .put("detail", refusal.detail())));
    }
    err()
        .println(
            "benctl: REFUSED "
                + bundleFile
                + ": "
                + refusal.message()
                + (refusal.reason() == Refusal.Reason.KEY_NOT_TRUSTED
                    ? "; if you know the signer, trust their .pub file (--trust FILE)"
                    : ""));
    return ExitCode.REFUSED;
  }
}
