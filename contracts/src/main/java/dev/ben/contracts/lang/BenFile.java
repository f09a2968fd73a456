package dev.ben.contracts.lang;

import dev.ben.contracts.diag.SourceFile;
import dev.ben.contracts.diag.Span;
import java.util.List;

/**
 * One parsed {@code *.ben} file: its imports, declarations and comments (kept for the formatter).
 */
public record BenFile(
    SourceFile source, List<Import> imports, List<Decl> decls, List<Comment> comments) {

  public BenFile {
    imports = List.copyOf(imports);
    decls = List.copyOf(decls);
    comments = List.copyOf(comments);
  }

  /** {@code import "other.ben"}: makes the other file's declarations visible in this one. */
  public record Import(Literal.Str path, Span span) {}
}
