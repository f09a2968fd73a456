package dev.ben.contracts.lang;

import dev.ben.contracts.diag.Span;

/** A name as written, with its position. */
public record Ident(String name, Span span) {}
