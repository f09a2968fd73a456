package dev.ben.streams.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Web origins as an app's beacons are checked against them: {@code scheme://host[:port]}, http or
 * https, compared in one canonical form (lowercase, the scheme's default port left out), so {@code
 * https://Shop.example:443} and {@code https://shop.example} are one origin.
 */
public final class BeaconOrigins {

  private BeaconOrigins() {}

  /**
   * The canonical origin of {@code text}: an origin as browsers send it in {@code Origin}, or the
   * origin of a full URL as in {@code Referer}; empty when it is neither.
   */
  public static Optional<String> of(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(text.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https"))
          || uri.getHost() == null
          || uri.getRawUserInfo() != null) {
        return Optional.empty();
      }
      int port = uri.getPort();
      boolean defaultPort =
          port == -1
              || (scheme.equals("http") && port == 80)
              || (scheme.equals("https") && port == 443);
      return Optional.of(
          scheme
              + "://"
              + uri.getHost().toLowerCase(Locale.ROOT)
              + (defaultPort ? "" : ":" + port));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /**
   * The canonical form of an origin an admin registers, which must be only an origin (no path,
   * query or fragment); empty when it is not.
   */
  public static Optional<String> registered(String text) {
    try {
      URI uri = new URI(text == null ? "" : text.strip());
      boolean bare =
          (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
              && uri.getRawQuery() == null
              && uri.getRawFragment() == null;
      return bare ? of(text) : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
