package dev.ben.contracts.lang;

import dev.ben.contracts.diag.Span;

/**
 * A comment as written ({@code // ...} or {@code /* ... *}{@code /}); kept aside so the formatter
 * can re-emit it.
 */
public record Comment(String text, Span span, boolean ownLine) {}
