package dev.ben.contracts.bundle;

import static dev.ben.contracts.bundle.TestBundles.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Feeds the reader bounded numbers of mutated bundles from a fixed seed. The reader may accept or
 * refuse, but must never throw anything else, and whatever it accepts must be the original bundle.
 */
class BundleReaderFuzzTest {

  private static final long SEED = 20240611L;
  private static final int BYTE_MUTATIONS = 1500;
  private static final int TREE_MUTATIONS = 1500;
  private static final TrustedKeys TRUSTED = TrustedKeys.of(SIGNER.publicKey());
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Random random = new Random(SEED);
  private final Bundle original = bundle();
  private final Map<Refusal.Reason, Integer> seen = new EnumMap<>(Refusal.Reason.class);

  @Test
  void byteLevelMutationsAreRefusedOrHarmless() {
    byte[] bytes = original.toBytes();
    for (int i = 0; i < BYTE_MUTATIONS; i++) {
      check(mutateBytes(bytes), "byte mutation " + i);
    }
    assertTrue(
        seen.containsKey(Refusal.Reason.NOT_A_BUNDLE), "some mutations break the JSON: " + seen);
    assertTrue(seen.size() >= 3, "mutations reach several checks: " + seen);
  }

  @Test
  void treeLevelMutationsAreRefusedOrHarmless() {
    for (int i = 0; i < TREE_MUTATIONS; i++) {
      ObjectNode file = editableFile();
      List<JsonNode> containers = new ArrayList<>();
      collectContainers(file, containers);
      replaceRandomChild(containers.get(random.nextInt(containers.size())));
      check(CanonicalJson.bytes(file), "tree mutation " + i);
    }
    assertTrue(
        seen.containsKey(Refusal.Reason.ARTIFACT_FINGERPRINT_MISMATCH),
        "content edits are caught: " + seen);
    assertTrue(seen.containsKey(Refusal.Reason.MALFORMED), "structure edits are caught: " + seen);
  }

  private void check(byte[] mutated, String label) {
    Verification result = assertDoesNotThrow(() -> BundleVerifier.verify(mutated, TRUSTED), label);
    if (result instanceof Verification.Verified verified) {
      assertArrayEquals(
          original.toBytes(), verified.bundle().toBytes(), label + " was accepted but differs");
    } else {
      seen.merge(((Verification.Refused) result).refusal().reason(), 1, Integer::sum);
    }
  }

  private byte[] mutateBytes(byte[] bytes) {
    byte[] copy = Arrays.copyOf(bytes, bytes.length);
    int at = random.nextInt(copy.length);
    return switch (random.nextInt(5)) {
      case 0 -> {
        copy[at] ^= (byte) (1 << random.nextInt(8));
        yield copy;
      }
      case 1 -> {
        copy[at] = (byte) " {}[]\",:0e-\\".charAt(random.nextInt(12));
        yield copy;
      }
      case 2 -> Arrays.copyOf(copy, at);
      case 3 -> {
        byte[] longer = new byte[copy.length + 1];
        System.arraycopy(copy, 0, longer, 0, at);
        longer[at] = (byte) random.nextInt(256);
        System.arraycopy(copy, at, longer, at + 1, copy.length - at);
        yield longer;
      }
      default -> {
        byte[] shorter = new byte[copy.length - 1];
        System.arraycopy(copy, 0, shorter, 0, at);
        System.arraycopy(copy, at + 1, shorter, at, copy.length - at - 1);
        yield shorter;
      }
    };
  }

  private static void collectContainers(JsonNode node, List<JsonNode> out) {
    if (node.isContainerNode() && node.size() > 0) {
      out.add(node);
      node.elements().forEachRemaining(child -> collectContainers(child, out));
    }
  }

  private void replaceRandomChild(JsonNode container) {
    JsonNode replacement = randomValue();
    if (container instanceof ArrayNode array) {
      array.set(random.nextInt(array.size()), replacement);
    } else {
      var object = (ObjectNode) container;
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      String name = names.get(random.nextInt(names.size()));
      if (random.nextInt(4) == 0) {
        object.remove(name);
      } else {
        object.set(name, replacement);
      }
    }
  }

  private JsonNode randomValue() {
    return switch (random.nextInt(9)) {
      case 0 -> NODES.nullNode();
      case 1 -> NODES.numberNode(random.nextLong());
      case 2 -> NODES.numberNode(new java.math.BigDecimal("1E+" + random.nextInt(100000)));
      case 3 -> NODES.textNode("sha256:" + "0".repeat(random.nextInt(70)));
      case 4 -> NODES.textNode(Character.toString(random.nextInt(0x1F600)));
      case 5 -> NODES.objectNode().put("kind", "schema").put("name", "x");
      case 6 -> NODES.arrayNode().add(1).add("a");
      case 7 -> NODES.booleanNode(random.nextBoolean());
      default -> NODES.textNode("ed25519:" + Long.toHexString(random.nextLong()));
    };
  }
}
