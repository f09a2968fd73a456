package dev.ben.streams.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.Test;

class TokensTest {

  private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
  private static final byte[] SECRET = secret((byte) 1);

  private static byte[] secret(byte fill) {
    byte[] secret = new byte[Tokens.SECRET_BYTES];
    Arrays.fill(secret, fill);
    return secret;
  }

  private static Tokens tokensAt(Instant now) {
    return new Tokens(
        SECRET, Duration.ofHours(12), Duration.ofSeconds(30), Clock.fixed(now, ZoneOffset.UTC));
  }

  private static TokenRejected.Reason rejection(Tokens tokens, String token) {
    return assertThrows(TokenRejected.class, () -> tokens.verify(token)).reason();
  }

  @Test
  void anIssuedTokenNamesItsUserRoleAndExpiry() throws Exception {
    IssuedToken issued = tokensAt(NOW).issue("alice", UserRole.OPERATOR);
    Principal principal = tokensAt(NOW.plus(Duration.ofHours(1))).verify(issued.token());
    assertEquals(
        new Principal("alice", UserRole.OPERATOR, NOW.plus(Duration.ofHours(12))), principal);
    assertEquals(principal, issued.principal());
    assertTrue(!issued.toString().contains(issued.token()), "a token never prints");
  }

  @Test
  void expiryIsHeldExactlyToTheLeeway() throws Exception {
    String token = tokensAt(NOW).issue("alice", UserRole.VIEWER, Duration.ofMinutes(1)).token();
    Instant expiry = NOW.plus(Duration.ofMinutes(1));
    tokensAt(expiry.plusSeconds(30)).verify(token);
    TokenRejected late =
        assertThrows(TokenRejected.class, () -> tokensAt(expiry.plusSeconds(31)).verify(token));
    assertEquals(TokenRejected.Reason.EXPIRED, late.reason());
    assertEquals(expiry, late.expiredAt().orElseThrow());
  }

  @Test
  void aTokenSignedWithAnotherSecretIsRefused() {
    Tokens other =
        new Tokens(
            secret((byte) 2), Duration.ofHours(1), Duration.ZERO, Clock.fixed(NOW, ZoneOffset.UTC));
    String forged = other.issue("mallory", UserRole.ADMIN).token();
    assertEquals(TokenRejected.Reason.BAD_SIGNATURE, rejection(tokensAt(NOW), forged));
  }

  @Test
  void anEditedPayloadBreaksTheSignature() {
    String token = tokensAt(NOW).issue("alice", UserRole.VIEWER).token();
    String[] parts = token.split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("VIEWER", "ADMIN");
    String tampered =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    assertEquals(TokenRejected.Reason.BAD_SIGNATURE, rejection(tokensAt(NOW), tampered));
  }

  @Test
  void missingAndMalformedTokensAreToldApart() {
    Tokens tokens = tokensAt(NOW);
    assertEquals(TokenRejected.Reason.MISSING, rejection(tokens, ""));
    assertEquals(TokenRejected.Reason.MISSING, rejection(tokens, null));
    assertEquals(TokenRejected.Reason.MALFORMED, rejection(tokens, "not-a-token"));
    assertEquals(TokenRejected.Reason.MALFORMED, rejection(tokens, "a.b.c"));
  }

  @Test
  void anUnsignedTokenIsNeverAccepted() {
    String[] parts = tokensAt(NOW).issue("alice", UserRole.ADMIN).token().split("\\.");
    String none =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
    TokenRejected.Reason reason = rejection(tokensAt(NOW), none + "." + parts[1] + ".");
    assertTrue(
        reason == TokenRejected.Reason.MALFORMED || reason == TokenRejected.Reason.BAD_SIGNATURE,
        reason.toString());
  }

  @Test
  void validlySignedTokensMustStillBeBensAndNameAKnownRole() throws Exception {
    Tokens tokens = tokensAt(NOW);
    Date expiry = Date.from(NOW.plusSeconds(60));
    assertEquals(
        TokenRejected.Reason.MALFORMED,
        rejection(tokens, signed(claims().issuer("elsewhere").expirationTime(expiry))));
    assertEquals(TokenRejected.Reason.MALFORMED, rejection(tokens, signed(claims())));
    assertEquals(
        TokenRejected.Reason.UNKNOWN_ROLE,
        rejection(tokens, signed(claims().expirationTime(expiry).claim("role", "ROOT"))));
    assertEquals(
        TokenRejected.Reason.UNKNOWN_ROLE,
        rejection(tokens, signed(claims().expirationTime(expiry).claim("role", 3))));
  }

  @Test
  void aSecretOfTheWrongSizeIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Tokens(new byte[16], Duration.ofHours(1), Duration.ZERO, Clock.systemUTC()));
  }

  private static JWTClaimsSet.Builder claims() {
    return new JWTClaimsSet.Builder().subject("alice").issuer(Tokens.ISSUER);
  }

  private static String signed(JWTClaimsSet.Builder claims) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
    jwt.sign(new MACSigner(SECRET));
    return jwt.serialize();
  }
}
