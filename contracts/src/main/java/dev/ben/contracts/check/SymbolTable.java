package dev.ben.contracts.check;

import dev.ben.contracts.diag.DiagnosticRenderer;
import dev.ben.contracts.diag.Diagnostics;
import dev.ben.contracts.diag.Span;
import dev.ben.contracts.lang.BenFile;
import dev.ben.contracts.lang.Decl;
import dev.ben.contracts.lang.Ident;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every top-level declaration of the project by kind and name, with import-aware lookup: a file
 * sees only its own declarations and those of the files it imports.
 */
final class SymbolTable {
  private final Map<String, Map<String, Decl>> byKind = new LinkedHashMap<>();
  private final ImportGraph imports;
  private final Diagnostics diagnostics;

  SymbolTable(List<BenFile> files, ImportGraph imports, Diagnostics diagnostics) {
    this.imports = imports;
    this.diagnostics = diagnostics;
    for (BenFile file : files) {
      for (Decl decl : file.decls()) {
        declare(decl);
      }
    }
  }

  private void declare(Decl decl) {
    Map<String, Decl> names = byKind.computeIfAbsent(decl.keyword(), kind -> new LinkedHashMap<>());
    Decl first = names.putIfAbsent(decl.name().name(), decl);
    if (first != null) {
      diagnostics.error(
          decl.name().span(),
          "duplicate " + decl.keyword() + " `" + decl.name().name() + "`",
          "the first one is at " + first.name().span());
    }
  }

  /** All declarations of a kind, first declaration wins for duplicates, in project order. */
  <T extends Decl> List<T> all(Class<T> type, String kind) {
    List<T> result = new ArrayList<>();
    for (Decl decl : byKind.getOrDefault(kind, Map.of()).values()) {
      result.add(type.cast(decl));
    }
    return result;
  }

  /** Whether the declaration is the one registered under its name (not a reported duplicate). */
  boolean isCanonical(Decl decl) {
    return byKind.getOrDefault(decl.keyword(), Map.of()).get(decl.name().name()) == decl;
  }

  /**
   * Resolves a reference made from a file, or reports it: unknown names get a suggestion among the
   * visible declarations; names declared in files that are not imported get the import to add.
   */
  <T extends Decl> T resolve(Class<T> type, String kind, Ident ref) {
    Span at = ref.span();
    String fromFile = at.file().path();
    Map<String, Decl> names = byKind.getOrDefault(kind, Map.of());
    Decl found = names.get(ref.name());
    if (found != null && isVisible(fromFile, found)) {
      return type.cast(found);
    }
    if (found != null) {
      String declaredIn = found.span().file().path();
      diagnostics.error(
          at,
          kind
              + " `"
              + ref.name()
              + "` is declared in `"
              + declaredIn
              + "`, which `"
              + fromFile
              + "` does not import",
          "add `import \"" + relative(fromFile, declaredIn) + "\"`");
      return null;
    }
    List<String> candidates = new ArrayList<>();
    names.forEach(
        (name, decl) -> {
          if (isVisible(fromFile, decl)) {
            candidates.add(name);
          }
        });
    diagnostics.error(
        at,
        "unknown " + kind + " `" + ref.name() + "`",
        DiagnosticRenderer.didYouMean(ref.name(), candidates));
    return null;
  }

  private boolean isVisible(String fromFile, Decl decl) {
    return imports.visibleFrom(fromFile).contains(decl.span().file().path());
  }

  /** The path to write in an import from {@code from} to reach {@code target}. */
  static String relative(String from, String target) {
    String[] fromParts = from.split("/");
    String[] targetParts = target.split("/");
    int common = 0;
    while (common < fromParts.length - 1
        && common < targetParts.length - 1
        && fromParts[common].equals(targetParts[common])) {
      common++;
    }
    StringBuilder path = new StringBuilder();
    for (int i = common; i < fromParts.length - 1; i++) {
      path.append("../");
    }
    for (int i = common; i < targetParts.length; i++) {
      path.append(targetParts[i]).append(i < targetParts.length - 1 ? "/" : "");
    }
    return path.toString();
  }
}
