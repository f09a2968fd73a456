package dev.ben.bux;

import dev.ben.config.WebOrigin;
import java.util.List;
import java.util.Optional;

/**
 * Whether a browser page may open the websocket or change the session. Browsers name the page's
 * origin in {@code Origin} on every websocket upgrade and every POST or DELETE, and a page cannot
 * forge it; the gateway's own origin is the scheme it serves with and the {@code Host} the browser
 * reached it under. A request without {@code Origin} comes from no browser page (curl, scripts) and
 * is judged by its credentials alone.
 */
final class OriginCheck {

  private final List<String> allowed;
  private final String scheme;

  /** {@code allowed} in {@link WebOrigin}'s canonical form, as the settings hold them. */
  OriginCheck(List<String> allowed, boolean servedOverTls) {
    this.allowed = List.copyOf(allowed);
    this.scheme = servedOverTls ? "https" : "http";
  }

  boolean allows(Optional<String> origin, Optional<String> host) {
    if (origin.isEmpty()) {
      return true;
    }
    // "null" (sandboxed frames, file pages) and anything unparsable has no canonical form.
    Optional<String> canonical = WebOrigin.canonical(origin.get());
    if (canonical.isEmpty()) {
      return false;
    }
    Optional<String> own = host.flatMap(h -> WebOrigin.ofHost(scheme, h));
    return canonical.equals(own) || allowed.contains(canonical.get());
  }
}
