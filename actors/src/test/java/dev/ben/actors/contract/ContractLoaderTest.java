package dev.ben.actors.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.actors.testing.PingContracts;
import dev.ben.contracts.bundle.Fingerprint;
import dev.ben.contracts.model.ModelJson;
import dev.ben.streams.access.ArtifactKey;
import dev.ben.streams.spine.ActiveContract;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractLoaderTest {

  private static final byte[] HASH_KEY = new byte[32];

  @TempDir static Path keys;

  private static byte[] bundle;
  private static byte[] bundleWithSources;

  @BeforeAll
  static void build() throws Exception {
    PingContracts contracts = new PingContracts(keys);
    bundle = contracts.bundle(10);
    bundleWithSources = contracts.bundleWithSources(10);
  }

  private static ArtifactKey key(String pipeline, long version, byte[] bytes) {
    return new ArtifactKey(pipeline, version, "k", Fingerprint.of(bytes).value());
  }

  @Test
  void aGoodBundleLoadsAsTheKeysVersionOfTheKeysPipeline() {
    ActiveContract loaded =
        ContractLoader.load(key(PingContracts.PIPELINE, 7, bundle), bundle, HASH_KEY);

    assertEquals(7, loaded.version());
    assertEquals(PingContracts.PIPELINE, loaded.pipeline());
    assertEquals("v7", loaded.runtime().contracts().version());
  }

  @Test
  void theSourcesABundleCarriesAreNotPartOfWhatRuns() {
    ActiveContract plain =
        ContractLoader.load(key(PingContracts.PIPELINE, 7, bundle), bundle, HASH_KEY);
    ActiveContract carrying =
        ContractLoader.load(
            key(PingContracts.PIPELINE, 7, bundleWithSources), bundleWithSources, HASH_KEY);

    assertEquals(
        ModelJson.toJson(plain.runtime().contracts()),
        ModelJson.toJson(carrying.runtime().contracts()));
  }

  @Test
  void bytesWhoseDigestDiffersFromTheKeyAreNotLoaded() throws Exception {
    byte[] other = new PingContracts(keys.resolve("other")).bundle(20);
    ArtifactKey key = key(PingContracts.PIPELINE, 2, bundle);

    var refused =
        assertThrows(
            IllegalArgumentException.class, () -> ContractLoader.load(key, other, HASH_KEY));

    assertTrue(
        refused
            .getMessage()
            .startsWith(
                "the bundle pulled for pings v2 has digest "
                    + Fingerprint.of(other).value()
                    + ", not the key's "
                    + key.sha256()),
        refused.getMessage());
    assertTrue(refused.getMessage().endsWith("it is not loaded"), refused.getMessage());
  }

  @Test
  void bytesThatAreNotABundleDoNotLoadEvenWhenTheDigestMatches() {
    byte[] garbage = "{\"not\": \"a bundle\"}".getBytes(StandardCharsets.UTF_8);

    var refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> ContractLoader.load(key(PingContracts.PIPELINE, 3, garbage), garbage, HASH_KEY));

    assertTrue(
        refused.getMessage().startsWith("the bundle of pings v3 does not load: "),
        refused.getMessage());
  }

  @Test
  void aBundleWithoutTheKeysPipelineIsRefusedNamingThePipeline() {
    var refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> ContractLoader.load(key("billing", 1, bundle), bundle, HASH_KEY));

    assertTrue(refused.getMessage().contains("no pipeline 'billing'"), refused.getMessage());
  }
}
