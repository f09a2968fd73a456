package dev.ben.contracts.lang;

import dev.ben.contracts.diag.Span;

/**
 * {@code event_type NAME = file("path")}: an event type the project adds to the event log, its data
 * described by the JSON Schema in the named project file.
 */
public record EventTypeDecl(Ident name, Literal.Str file, Span span) implements Decl {

  @Override
  public String keyword() {
    return "event_type";
  }
}
