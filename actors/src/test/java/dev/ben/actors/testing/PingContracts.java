package dev.ben.actors.testing;

import dev.ben.contracts.bundle.ContractBundles;
import dev.ben.contracts.bundle.Ed25519;
import dev.ben.contracts.bundle.KeyFiles;
import dev.ben.contracts.bundle.SigningKey;
import dev.ben.streams.testing.PingProject;
import java.nio.file.Path;

/**
 * A one-rule contract for tests, signed with a key generated per instance: pipeline {@code pings}
 * flags an event when its {@code n} exceeds the limit the version is built with, so each version
 * decides observably differently.
 */
public final class PingContracts {

  public static final String PIPELINE = "pings";
  public static final String RULE = PingProject.RULE;

  private final SigningKey key = Ed25519.generate();
  private final Path publicKey;

  public PingContracts(Path keyDir) throws Exception {
    this.publicKey = KeyFiles.write(keyDir, "pings", key, true).publicFile();
  }

  /** The public key file a node must trust to stage these bundles. */
  public Path publicKey() {
    return publicKey;
  }

  /** A signed bundle whose rule fires when {@code n > limit}. */
  public byte[] bundle(int limit) {
    return bundle(limit, key);
  }

  /**
   * The bundle of {@link #bundle(int)} carrying its sources too ({@code ben.project} and {@code
   * pings.ben}), as {@code benctl build} writes it.
   */
  public byte[] bundleWithSources(int limit) {
    var project = PingProject.project(PIPELINE, limit);
    return ContractBundles.build(project.compile("test").orElseThrow(), project.sources(), key)
        .toBytes();
  }

  /**
   * A signed bundle whose rules act (drop, sample) and whose {@code email} is {@code @pii}: see
   * PingProject.
   */
  public byte[] actingBundle() {
    return ContractBundles.build(PingProject.acting(PIPELINE), key).toBytes();
  }

  /** The acting bundle with this {@code proxy { ... }} clause (overload policy and buffer). */
  public byte[] actingBundle(String proxyClause) {
    return ContractBundles.build(PingProject.acting(PIPELINE, proxyClause), key).toBytes();
  }

  /**
   * A signed bundle with keyed state: detector {@code per_user} and playbook {@code chatty}; see
   * PingProject.
   */
  public byte[] detectingBundle() {
    return ContractBundles.build(PingProject.detecting(PIPELINE), key).toBytes();
  }

  /** The acting bundle whose sidecar has these endpoints, e.g. {@code http, uds "pings.sock"}. */
  public byte[] actingBundleWithSidecar(String sidecarEndpoints) {
    return ContractBundles.build(PingProject.acting(PIPELINE, "", sidecarEndpoints), key).toBytes();
  }

  /** The same contract signed by another key (one no node trusts). */
  public static byte[] untrustedBundle(int limit) {
    return bundle(limit, Ed25519.generate());
  }

  private static byte[] bundle(int limit, SigningKey signer) {
    return ContractBundles.build(PingProject.contracts(PIPELINE, limit), signer).toBytes();
  }
}
