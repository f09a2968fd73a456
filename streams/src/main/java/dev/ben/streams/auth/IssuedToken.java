package dev.ben.streams.auth;

/** A signed token and the identity it carries. */
public record IssuedToken(String token, Principal principal) {

  @Override
  public String toString() {
    // A token is a credential: never let it reach a log through a record's default rendering.
    return "IssuedToken[" + principal + "]";
  }
}
