package dev.ben.benctl.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/**
 * One named way to reach a cluster, as in kubectl's kubeconfig: the server, who logged in there and
 * the token the server issued.
 *
 * @param name what {@code --context} and {@code benctl context use} call it
 * @param server the control API's address, {@code HOST:PORT}
 * @param ca the CA certificate file (PEM) to trust; when set, benctl speaks TLS to {@code server};
 *     may be null
 * @param user who logged in; null before the first login
 * @param token the bearer token from the last login; null when logged out
 * @param tokenExpires when the server stops accepting {@code token}; null without a token
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "server", "ca", "user", "token", "token-expires"})
public record Context(
    @JsonProperty("name") String name,
    @JsonProperty("server") String server,
    @JsonProperty("ca") String ca,
    @JsonProperty("user") String user,
    @JsonProperty("token") String token,
    @JsonProperty("token-expires") Instant tokenExpires) {

  public Context {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a context has no \"name\"");
    }
    if (server == null || server.isBlank()) {
      throw new IllegalArgumentException("context '" + name + "' has no \"server\"");
    }
  }

  /** A context for {@code server} nobody has logged in to yet. */
  public static Context of(String name, String server) {
    return new Context(name, server, null, null, null, null);
  }

  /** This context after {@code user} logged in to {@code server} and got {@code token}. */
  public Context loggedIn(String server, String user, String token, Instant tokenExpires) {
    return new Context(name, server, ca, user, token, tokenExpires);
  }

  /** This context trusting the CA certificate file {@code ca} (absolute) from now on. */
  public Context withCa(String ca) {
    return new Context(name, server, ca, user, token, tokenExpires);
  }

  /** This context without its token; the user stays, as the default for the next login. */
  public Context loggedOut() {
    return new Context(name, server, ca, user, null, null);
  }

  /** Whether the token's expiry is known and not after {@code now}. */
  public boolean expiredAt(Instant now) {
    return tokenExpires != null && !tokenExpires.isAfter(now);
  }
}
