package dev.ben.config;

import com.typesafe.config.Config;
import java.nio.file.Path;

/**
 * What spines need beyond the contracts: the file holding the secret of keyed hashing (a setting,
 * not part of a bundle, because bundles are shared and inspected while the key must stay on the
 * cluster), and how many of a contract's own reasons become metric labels.
 *
 * @param maxReasonLabels distinct rule reasons of one contract version counted under their own
 *     label; the rest are counted as "other"
 */
public record SpineSettings(Path hashKeyFile, int maxReasonLabels) {

  /**
   * Reads {@code ben.spine}; an empty key file setting means {@code keys/hash.key} under the home
   * folder.
   */
  public static SpineSettings fromConfig(Config root, Path home) {
    ConfigReader spine = new ConfigReader(root, "ben.spine");
    String file = spine.string("hash-key-file");
    return new SpineSettings(
        file.isBlank() ? home.resolve("keys").resolve("hash.key") : Path.of(file),
        spine.positiveInt("max-reason-labels"));
  }
}
