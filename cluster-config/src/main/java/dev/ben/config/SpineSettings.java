package dev.ben.config;

import com.typesafe.config.Config;
import java.nio.file.Path;

/**
 * What spines need beyond the contracts: the file holding the secret of keyed hashing. It is a
 * setting, not part of a bundle, because bundles are shared and inspected while the key must stay
 * on the cluster.
 */
public record SpineSettings(Path hashKeyFile) {

  /**
   * Reads {@code ben.spine}; an empty key file setting means {@code keys/hash.key} under the home
   * folder.
   */
  public static SpineSettings fromConfig(Config root, Path home) {
    String file = new ConfigReader(root, "ben.spine").string("hash-key-file");
    return new SpineSettings(
        file.isBlank() ? home.resolve("keys").resolve("hash.key") : Path.of(file));
  }
}
