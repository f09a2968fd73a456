package dev.ben.contracts.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Shared fixtures: a few artifacts as a compiler would produce them, and keys made once per test
 * run.
 */
final class TestBundles {

  static final ObjectMapper JSON = new ObjectMapper();

  /** Seeded keys, so that fixed-seed tests (the fuzzer) see the same bytes on every run. */
  static final SigningKey SIGNER = seededKey(1);

  static final SigningKey STRANGER = seededKey(2);

  record Entry(String kind, String name, JsonNode content) {}

  private TestBundles() {}

  static SigningKey seededKey(long seed) {
    try {
      var random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed);
      var generator = KeyPairGenerator.getInstance("Ed25519");
      generator.initialize(NamedParameterSpec.ED25519, random);
      var pair = generator.generateKeyPair();
      return new SigningKey(pair.getPrivate(), pair.getPublic());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Entry> entries() {
    List<Entry> entries = new ArrayList<>();
    entries.add(
        new Entry(
            "schema",
            "login",
            json(
                "{\"table\":\"logins\",\"key\":[\"tenant\",\"user\"],\"fields\":{\"ts\":\"timestamp\","
                    + "\"user\":\"string\",\"attempts\":\"u32\"},\"ddl\":\"CREATE TABLE logins (...)\"}")));
    entries.add(
        new Entry(
            "policy",
            "login_guard",
            json(
                "{\"predicates\":[{\"bit\":0,\"name\":\"failed_burst\"}],\"ratio\":0.25,\"levels\":[3,10,50]}")));
    entries.add(
        new Entry(
            "signal",
            "lock_account",
            json("{\"args\":{\"user\":\"string\",\"reason\":\"string\"}}")));
    entries.add(
        new Entry(
            "playbook",
            "lockout",
            json("{\"explain\":\"more than 20 failed bursts — ünïcödé 🔒\"}")));
    return entries;
  }

  static BundleBuilder builderWith(List<Entry> entries) {
    var builder = BundleBuilder.forProject("auth-demo", "0.1.0");
    for (Entry entry : entries) {
      builder.add(entry.kind(), entry.name(), entry.content());
    }
    return builder;
  }

  static Bundle bundle() {
    return builderWith(entries()).build(SIGNER);
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  /** The bundle file of {@link #bundle()} as an editable tree, for tamper tests. */
  static ObjectNode editableFile() {
    return (ObjectNode)
        json(new String(bundle().toBytes(), java.nio.charset.StandardCharsets.UTF_8));
  }
}
