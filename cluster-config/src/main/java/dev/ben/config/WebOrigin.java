package dev.ben.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * A web origin as browsers send it in {@code Origin}: {@code scheme://host[:port]}, only http or
 * https, with nothing after the authority. Written in one canonical form (lower case, the scheme's
 * default port left out) so two spellings of one origin compare equal.
 */
public final class WebOrigin {

  private WebOrigin() {}

  /** The canonical form of {@code origin}, or empty when it is no http(s) origin. */
  public static Optional<String> canonical(String origin) {
    if (origin == null || origin.isBlank()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(origin.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      boolean bare =
          uri.getRawUserInfo() == null
              && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
              && uri.getRawQuery() == null
              && uri.getRawFragment() == null;
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !bare) {
        return Optional.empty();
      }
      return Optional.of(of(scheme, uri.getHost(), uri.getPort()));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /**
   * The origin a request reached under {@code host} (a {@code Host} header: host and optional port)
   * over the scheme; empty when the header is no host.
   */
  public static Optional<String> ofHost(String scheme, String host) {
    if (host == null || host.isBlank() || host.contains("/") || host.contains("@")) {
      return Optional.empty();
    }
    return canonical(scheme + "://" + host.strip());
  }

  private static String of(String scheme, String host, int port) {
    int defaultPort = scheme.equals("https") ? 443 : 80;
    String name = host.toLowerCase(Locale.ROOT);
    return scheme + "://" + name + (port == -1 || port == defaultPort ? "" : ":" + port);
  }
}
