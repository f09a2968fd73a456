package dev.ben.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValueType;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Reads one config subtree and turns every Typesafe Config failure into a {@link SettingsException}
 * naming the full key. Lists also accept a comma-separated string because environment variables can
 * only carry strings.
 */
final class ConfigReader {

  private final Config config;
  private final String prefix;

  ConfigReader(Config root, String path) {
    this.prefix = path;
    try {
      this.config = root.getConfig(path);
    } catch (ConfigException e) {
      throw new SettingsException(path, "missing or not an object (" + e.getMessage() + ")");
    }
  }

  String string(String key) {
    return read(key, () -> config.getString(key));
  }

  boolean bool(String key) {
    return read(key, () -> config.getBoolean(key));
  }

  int port(String key) {
    int port = read(key, () -> config.getInt(key));
    if (port < 0 || port > 65535) {
      throw invalid(key, "must be a TCP port between 0 and 65535, got " + port);
    }
    return port;
  }

  int positiveInt(String key) {
    int value = read(key, () -> config.getInt(key));
    if (value <= 0) {
      throw invalid(key, "must be greater than zero, got " + value);
    }
    return value;
  }

  long positiveBytes(String key) {
    long value = read(key, () -> config.getBytes(key));
    if (value <= 0) {
      throw invalid(key, "must be greater than zero, got " + value);
    }
    return value;
  }

  Duration positiveDuration(String key) {
    Duration value = read(key, () -> config.getDuration(key));
    if (value.isNegative() || value.isZero()) {
      throw invalid(key, "must be a positive duration such as 500ms or 2s, got " + value);
    }
    return value;
  }

  Duration nonNegativeDuration(String key) {
    Duration value = read(key, () -> config.getDuration(key));
    if (value.isNegative()) {
      throw invalid(key, "must be zero or a positive duration such as 30s, got " + value);
    }
    return value;
  }

  /** A number from 0 to 1, such as the random share added to a backoff. */
  double fraction(String key) {
    double value = read(key, () -> config.getDouble(key));
    if (!(value >= 0 && value <= 1)) {
      throw invalid(key, "must be a number from 0 to 1, got " + value);
    }
    return value;
  }

  List<String> stringList(String key) {
    return read(
        key,
        () -> {
          if (config.getValue(key).valueType() == ConfigValueType.STRING) {
            return Arrays.stream(config.getString(key).split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
          }
          return List.copyOf(config.getStringList(key));
        });
  }

  SettingsException invalid(String key, String reason) {
    return new SettingsException(prefix + "." + key, reason);
  }

  private <T> T read(String key, java.util.function.Supplier<T> getter) {
    try {
      return getter.get();
    } catch (ConfigException.Missing e) {
      throw invalid(key, "is missing");
    } catch (ConfigException e) {
      throw invalid(key, e.getMessage());
    }
  }
}
