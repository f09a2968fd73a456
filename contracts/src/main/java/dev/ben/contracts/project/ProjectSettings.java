package dev.ben.contracts.project;

import dev.ben.contracts.diag.Severity;

/**
 * The settings in {@code ben.project}: the project name, the path of its signing key (relative to
 * the project), and whether an unredacted {@code @pii} field is a warning or an error.
 */
public record ProjectSettings(String name, String keyPath, Severity piiSeverity) {}
