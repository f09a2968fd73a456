package dev.ben.contracts.check;

import dev.ben.contracts.diag.DiagnosticRenderer;
import dev.ben.contracts.diag.Diagnostics;
import dev.ben.contracts.lang.TypeRef;

/**
 * Resolves written types to {@link BenType}s, rejecting unknown names and shapes the store cannot
 * hold.
 */
final class TypeResolver {

  private TypeResolver() {}

  /** The resolved type, or null after reporting. */
  static BenType resolve(TypeRef ref, Diagnostics diagnostics) {
    if (ref instanceof TypeRef.Named named) {
      Prim prim = Prim.bySpelling(named.name().name());
      if (prim == null) {
        diagnostics.error(
            named.span(),
            "unknown type `" + named.name().name() + "`",
            hintFor(named.name().name()));
        return null;
      }
      return new BenType.Scalar(prim);
    }
    if (ref instanceof TypeRef.Optional optional) {
      BenType inner = resolve(optional.inner(), diagnostics);
      if (inner != null && inner.isArray()) {
        diagnostics.error(
            optional.span(),
            "arrays cannot be optional",
            "use `" + inner.spelling() + "`: an empty array already means none");
        return null;
      }
      return inner == null ? null : new BenType.Optional(inner);
    }
    TypeRef.Array array = (TypeRef.Array) ref;
    BenType element = resolve(array.element(), diagnostics);
    if (element != null && element.isArray()) {
      diagnostics.error(
          array.span(), "arrays of arrays are not supported", "flatten the data into one array");
      return null;
    }
    return element == null ? null : new BenType.Array(element);
  }

  private static String[] hintFor(String name) {
    String[] suggestion = DiagnosticRenderer.didYouMean(name, Prim.spellings());
    if (suggestion.length > 0) {
      return suggestion;
    }
    return new String[] {
      "the types are " + String.join(", ", Prim.spellings()) + ", `T?` and `[T]`"
    };
  }
}
