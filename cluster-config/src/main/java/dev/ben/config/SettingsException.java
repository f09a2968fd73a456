package dev.ben.config;

/**
 * A configuration value that cannot be used, named by its full key so an operator can find and fix
 * it.
 */
public final class SettingsException extends RuntimeException {

  private final String key;

  public SettingsException(String key, String reason) {
    super("invalid setting `" + key + "`: " + reason);
    this.key = key;
  }

  public String key() {
    return key;
  }
}
