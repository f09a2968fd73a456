package dev.ben.streams.sidecar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.NumericNode;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a number in an event that the store could not keep as it was sent. The store writes
 * integers as 64-bit columns (signed, or unsigned for {@code UInt64}) and other numbers as 64-bit
 * floats, so an integer outside {@code -2^63 .. 2^64-1} and a float too large to be finite ({@code
 * 1e309}, which Jackson reads as infinity and writes back as the text "Infinity") would be stored
 * as something else than what the app sent. Such an event is refused instead, naming where the
 * number is, so the app can send it as a string.
 */
final class FaithfulNumbers {

  static final BigInteger SMALLEST = BigInteger.valueOf(Long.MIN_VALUE);
  static final BigInteger LARGEST = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  /** A number that cannot be kept: where it is (a JSON pointer) and why. */
  record Unfaithful(String pointer, String problem) {}

  private FaithfulNumbers() {}

  static Optional<Unfaithful> find(JsonNode event) {
    if (allFaithful(event)) {
      return Optional.empty();
    }
    Deque<String> path = new ArrayDeque<>();
    return find(event, path);
  }

  /**
   * The common case, checked without building paths: only a big integer or a float that is not
   * finite can be unfaithful (Jackson keeps integers that fit a long as longs).
   */
  private static boolean allFaithful(JsonNode node) {
    // Type tests rather than JsonNode's own questions: those ask each node its type (a call that
    // does not inline across the many node classes) and this runs for every field of every event.
    if (node instanceof ContainerNode<?>) {
      for (JsonNode child : node) {
        if ((child instanceof ContainerNode<?> || child instanceof NumericNode)
            && !allFaithful(child)) {
          return false;
        }
      }
      return true;
    }
    return !(node instanceof NumericNode) || problem(node).isEmpty();
  }

  /**
   * Depth-first; {@code path} holds the escaped pointer segments down to {@code node}. Nesting is
   * bounded by the parser's own depth limit, so recursion is safe.
   */
  private static Optional<Unfaithful> find(JsonNode node, Deque<String> path) {
    if (node.isNumber()) {
      return problem(node).map(problem -> new Unfaithful(pointer(path), problem));
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        Optional<Unfaithful> found = within(field.getValue(), escape(field.getKey()), path);
        if (found.isPresent()) {
          return found;
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        Optional<Unfaithful> found = within(node.get(i), Integer.toString(i), path);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Unfaithful> within(JsonNode child, String segment, Deque<String> path) {
    if (!child.isContainerNode() && !child.isNumber()) {
      return Optional.empty();
    }
    path.addLast(segment);
    Optional<Unfaithful> found = find(child, path);
    path.removeLast();
    return found;
  }

  private static Optional<String> problem(JsonNode number) {
    if (number.isIntegralNumber()) {
      if (!number.isBigInteger()) {
        return Optional.empty();
      }
      BigInteger value = number.bigIntegerValue();
      return value.compareTo(SMALLEST) < 0 || value.compareTo(LARGEST) > 0
          ? Optional.of(
              "the integer "
                  + value
                  + " is outside the 64-bit range the store keeps (-2^63 to 2^64-1)")
          : Optional.empty();
    }
    return Double.isFinite(number.doubleValue())
        ? Optional.empty()
        : Optional.of("the number is too large for a 64-bit float and would be stored as Infinity");
  }

  private static String pointer(Deque<String> path) {
    return path.isEmpty() ? "/" : "/" + String.join("/", path);
  }

  /** RFC 6901: '~' and '/' in a key are written as "~0" and "~1". */
  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
