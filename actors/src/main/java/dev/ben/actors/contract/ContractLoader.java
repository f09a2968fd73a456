package dev.ben.actors.contract;

import dev.ben.contracts.bundle.BundleReader;
import dev.ben.contracts.bundle.BundleRefusedException;
import dev.ben.contracts.bundle.ContractBundles;
import dev.ben.contracts.bundle.Fingerprint;
import dev.ben.contracts.engine.ContractRuntime;
import dev.ben.streams.access.ArtifactKey;
import dev.ben.streams.spine.ActiveContract;

/**
 * Turns a pulled bundle into a ready contract version. Nothing is trusted because of where it came
 * from: the bytes must match the key's digest, decode as a bundle of this compiler, and declare the
 * pipeline. Plain code.
 */
final class ContractLoader {

  private ContractLoader() {}

  static ActiveContract load(ArtifactKey key, byte[] bytes, byte[] hashKey) {
    String digest = Fingerprint.of(bytes).value();
    if (!digest.equals(key.sha256())) {
      throw new IllegalArgumentException(
          "the bundle pulled for "
              + key.pipeline()
              + " v"
              + key.version()
              + " has digest "
              + digest
              + ", not the key's "
              + key.sha256()
              + "; it is not loaded");
    }
    try {
      var contracts =
          ContractBundles.contracts(
              BundleReader.read(bytes), ContractBundles.versionLabel(key.version()));
      return new ActiveContract(
          key.version(), ContractRuntime.build(contracts, key.pipeline(), hashKey));
    } catch (BundleRefusedException e) {
      throw new IllegalArgumentException(
          "the bundle of "
              + key.pipeline()
              + " v"
              + key.version()
              + " does not load: "
              + e.getMessage(),
          e);
    }
  }
}
