package dev.ben.bux;

import dev.ben.streams.auth.IssuedToken;
import java.time.Duration;
import java.time.Instant;
import org.apache.pekko.http.javadsl.model.DateTime;
import org.apache.pekko.http.javadsl.model.headers.HttpCookie;
import org.apache.pekko.http.javadsl.model.headers.SameSite;

/**
 * The session cookie: the token, out of scripts' reach (HttpOnly), sent by the browser only on
 * requests its own pages make (SameSite=Strict), to every path, and only over TLS when the gateway
 * serves TLS (Secure; over plain HTTP a Secure cookie would never come back).
 */
final class SessionCookies {

  private final boolean secure;

  SessionCookies(boolean servedOverTls) {
    this.secure = servedOverTls;
  }

  /** The cookie carrying the token, kept by the browser as long as the token is valid. */
  HttpCookie issue(IssuedToken issued, Instant now) {
    long seconds = Math.max(0, Duration.between(now, issued.principal().expiresAt()).toSeconds());
    return base(issued.token()).withMaxAge(seconds);
  }

  /** The same cookie, empty and already expired, so the browser drops it. */
  HttpCookie cleared() {
    return base("").withMaxAge(0).withExpires(DateTime.create(1970, 1, 1, 0, 0, 0));
  }

  private HttpCookie base(String value) {
    return HttpCookie.create(SessionCredentials.COOKIE, value)
        .withHttpOnly(true)
        .withSameSite(SameSite.Strict)
        .withPath("/")
        .withSecure(secure);
  }
}
