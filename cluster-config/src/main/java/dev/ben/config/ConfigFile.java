package dev.ben.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An operator's configuration file laid over the defaults ({@code ./ben node --config FILE}), so a
 * file holding one key changes that key and nothing else. Unlike {@code -Dconfig.file}, which
 * replaces application.conf, the node keeps the Pekko settings of application.conf.
 */
public final class ConfigFile {

  private ConfigFile() {}

  /**
   * System properties, then {@code file}, then application.conf, then reference.conf, resolved
   * together.
   *
   * @throws ConfigFileException when the file is missing or cannot be parsed, naming it (and the
   *     line)
   */
  public static Config over(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigFileException(file + ": no such file");
    }
    try {
      Config parsed =
          ConfigFactory.parseFile(
              file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
      return ConfigFactory.defaultOverrides()
          .withFallback(parsed)
          .withFallback(ConfigFactory.defaultApplication())
          .withFallback(ConfigFactory.defaultReference())
          .resolve();
    } catch (ConfigException e) {
      // Typesafe Config's message already starts with "file: line:".
      throw new ConfigFileException(e.getMessage().replaceFirst("^(.*?): (\\d+): ", "$1:$2: "));
    }
  }

  /** A configuration file that cannot be used; the message names it. */
  public static final class ConfigFileException extends RuntimeException {
    ConfigFileException(String message) {
      super("cannot read the configuration file " + message);
    }
  }
}
