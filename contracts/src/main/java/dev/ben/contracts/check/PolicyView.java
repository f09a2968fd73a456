package dev.ben.contracts.check;

import java.util.Map;
import java.util.Set;

/**
 * A checked policy: the names rules, detectors and playbooks may refer to. {@code bits} are predicates and
 * threshold levels (what rule clauses test); {@code facts} maps each threshold fact to its level names.
 */
public record PolicyView(String name, String schema, Set<String> predicates, Set<String> bits, Set<String> rules,
    Map<String, Set<String>> facts, Set<String> redacted) {}
