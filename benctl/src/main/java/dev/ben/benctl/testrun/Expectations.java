package dev.ben.benctl.testrun;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares an event's outcome with what an {@code .expect} line says. An expectation names only
 * what it cares about: every key it lists must be present with an equal value, objects are compared
 * by the keys the expectation lists, arrays element by element, and numbers by value (within a
 * relative 1e-9, as detector values are floating point). Keys it omits are not checked, so {@code
 * {}} accepts anything.
 */
final class Expectations {

  private static final double RELATIVE_TOLERANCE = 1e-9;

  private Expectations() {}

  /**
   * Every difference, each as {@code path: expected X, got Y}; empty when the outcome meets the
   * expectation.
   */
  static List<String> differences(JsonNode expected, JsonNode actual) {
    List<String> differences = new ArrayList<>();
    compare("", expected, actual, differences);
    return differences;
  }

  private static void compare(String path, JsonNode expected, JsonNode actual, List<String> out) {
    if (expected.isObject() && actual != null && actual.isObject()) {
      for (Map.Entry<String, JsonNode> field : expected.properties()) {
        String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        JsonNode value = actual.get(field.getKey());
        if (value == null) {
          out.add(child + ": expected " + field.getValue() + ", but it is absent");
        } else {
          compare(child, field.getValue(), value, out);
        }
      }
    } else if (expected.isArray()
        && actual != null
        && actual.isArray()
        && expected.size() == actual.size()) {
      List<String> inner = new ArrayList<>();
      for (int i = 0; i < expected.size(); i++) {
        compare(path + "[" + i + "]", expected.get(i), actual.get(i), inner);
      }
      if (!inner.isEmpty()) {
        out.add(path + ": expected " + expected + ", got " + actual);
      }
    } else if (!sameValue(expected, actual)) {
      out.add(path + ": expected " + expected + ", got " + actual);
    }
  }

  private static boolean sameValue(JsonNode expected, JsonNode actual) {
    if (actual == null) {
      return false;
    }
    if (expected.isNumber() && actual.isNumber()) {
      double a = expected.doubleValue();
      double b = actual.doubleValue();
      return a == b || Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
    }
    return expected.equals(actual);
  }
}
