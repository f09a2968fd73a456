package dev.ben.streams.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;

/**
 * Issues and verifies the cluster's tokens: JWTs signed with HS256 under the cluster's 256-bit
 * secret, naming the user ({@code sub}), the role, the issuer {@code ben}, when they were issued,
 * when they expire and a unique id. A token is accepted only with a valid signature, the issuer
 * {@code ben}, a known role and an expiry not further in the past than the configured leeway.
 */
public final class Tokens {

  public static final String ISSUER = "ben";

  /** The secret's size HS256 asks for: as many bits as the hash. */
  public static final int SECRET_BYTES = 32;

  private static final String ROLE = "role";

  private final MACSigner signer;
  private final MACVerifier verifier;
  private final Duration ttl;
  private final Duration leeway;
  private final Clock clock;

  public Tokens(byte[] secret, Duration ttl, Duration leeway, Clock clock) {
    if (secret.length != SECRET_BYTES) {
      throw new IllegalArgumentException(
          "the token secret must be " + SECRET_BYTES + " bytes, got " + secret.length);
    }
    try {
      this.signer = new MACSigner(secret);
      this.verifier = new MACVerifier(secret);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("unusable token secret: " + e.getMessage(), e);
    }
    this.ttl = ttl;
    this.leeway = leeway;
    this.clock = clock;
  }

  /** A token for the user and role, valid for the configured time. */
  public IssuedToken issue(String user, UserRole role) {
    return issue(user, role, ttl);
  }

  /** A token valid for {@code validFor} (tests issue short-lived ones). */
  public IssuedToken issue(String user, UserRole role, Duration validFor) {
    Instant now = clock.instant();
    // JWT times are whole seconds; the expiry reported is the one the token carries.
    Instant expires = now.plus(validFor).truncatedTo(ChronoUnit.SECONDS);
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .subject(user)
            .claim(ROLE, role.name())
            .issuer(ISSUER)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(expires))
            .jwtID(UUID.randomUUID().toString())
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("signing a token failed: " + e.getMessage(), e);
    }
    return new IssuedToken(jwt.serialize(), new Principal(user, role, expires));
  }

  /** The identity the token stands for, or why it is not accepted. */
  public Principal verify(String token) throws TokenRejected {
    if (token == null || token.isBlank()) {
      throw new TokenRejected(TokenRejected.Reason.MISSING, "no token presented");
    }
    SignedJWT jwt = parse(token);
    checkSignature(jwt);
    JWTClaimsSet claims = claims(jwt);
    Date expiry = claims.getExpirationTime();
    String user = claims.getSubject();
    if (!ISSUER.equals(claims.getIssuer()) || expiry == null || user == null || user.isBlank()) {
      throw new TokenRejected(
          TokenRejected.Reason.MALFORMED, "the token lacks Ben's issuer, subject or expiry");
    }
    Instant expiresAt = expiry.toInstant();
    if (clock.instant().isAfter(expiresAt.plus(leeway))) {
      throw new TokenRejected(
          TokenRejected.Reason.EXPIRED, "the token expired at " + expiresAt, expiresAt);
    }
    String role = claims.getClaim(ROLE) instanceof String name ? name : "";
    UserRole known =
        UserRole.named(role)
            .orElseThrow(
                () ->
                    new TokenRejected(
                        TokenRejected.Reason.UNKNOWN_ROLE, "the token names no known role"));
    return new Principal(user, known, expiresAt);
  }

  private static SignedJWT parse(String token) throws TokenRejected {
    try {
      return SignedJWT.parse(token.strip());
    } catch (ParseException e) {
      throw new TokenRejected(TokenRejected.Reason.MALFORMED, "not a signed JWT");
    }
  }

  private void checkSignature(SignedJWT jwt) throws TokenRejected {
    // Only the algorithm we sign with is accepted, so a token cannot choose how it is checked.
    boolean valid;
    try {
      valid = JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) && jwt.verify(verifier);
    } catch (JOSEException e) {
      valid = false;
    }
    if (!valid) {
      throw new TokenRejected(
          TokenRejected.Reason.BAD_SIGNATURE, "the signature is not this cluster's");
    }
  }

  private static JWTClaimsSet claims(SignedJWT jwt) throws TokenRejected {
    try {
      return jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new TokenRejected(TokenRejected.Reason.MALFORMED, "the token's claims are not JSON");
    }
  }
}
