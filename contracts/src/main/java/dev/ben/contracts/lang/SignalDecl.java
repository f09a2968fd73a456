package dev.ben.contracts.lang;

import dev.ben.contracts.diag.Span;
import java.util.List;

/**
 * {@code signal NAME { arg: type, ... }}: a typed message a playbook may send back to applications.
 */
public record SignalDecl(Ident name, List<SchemaDecl.FieldDecl> args, Span span) implements Decl {

  public SignalDecl {
    args = List.copyOf(args);
  }

  @Override
  public String keyword() {
    return "signal";
  }
}
