package dev.ben.benctl;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version printed by {@code benctl --version}, stamped into a resource by the build. */
public final class BenctlVersion implements IVersionProvider {

  private static final String RESOURCE = "version.properties";

  /** The benctl version, or {@code unknown} when run from classes the build did not stamp. */
  public static String current() {
    try (InputStream in = BenctlVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return "unknown";
      }
      var properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  @Override
  public String[] getVersion() {
    return new String[] {"benctl " + current(), "Java " + Runtime.version()};
  }
}
