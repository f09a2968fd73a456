package dev.ben.config;

import com.typesafe.config.Config;

/**
 * Bounds of sanctions screening ({@code ben.screen}): the longest name screened, the most entries
 * one answer may hold, and how many versions' lists a node keeps decoded.
 */
public record ScreenSettings(int maxNameLength, int maxResults, int cachedVersions) {

  /** Beyond these a single question costs more than a screening service should spend on it. */
  public static final int MAX_NAME_LENGTH = 4096;

  public static final int MAX_RESULTS = 10_000;

  public static ScreenSettings fromConfig(Config root) {
    ConfigReader reader = new ConfigReader(root, "ben.screen");
    return new ScreenSettings(
        atMost(reader, "max-name-length", MAX_NAME_LENGTH),
        atMost(reader, "max-results", MAX_RESULTS),
        reader.positiveInt("cached-versions"));
  }

  private static int atMost(ConfigReader reader, String key, int max) {
    int value = reader.positiveInt(key);
    if (value > max) {
      throw reader.invalid(key, "must not exceed " + max + ", got " + value);
    }
    return value;
  }
}
