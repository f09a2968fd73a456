package dev.ben.contracts.lang;

import dev.ben.contracts.diag.Span;

/** A top-level declaration. Names share one project-wide namespace per kind of declaration. */
public sealed interface Decl
    permits SchemaDecl,
        ListDecl,
        EventTypeDecl,
        PolicyDecl,
        DetectorDecl,
        SignalDecl,
        PlaybookDecl,
        PipelineDecl {
  Ident name();

  Span span();

  /**
   * The keyword that introduces the declaration, used in diagnostics ("duplicate schema `login`").
   */
  String keyword();
}
