package dev.ben.contracts.lang;

import dev.ben.contracts.diag.Span;
import java.util.List;

/** A reference such as {@code brute_force}, {@code heat.HOT} or {@code login_rate.fails}. */
public record QualifiedName(List<Ident> parts, Span span) {

  public QualifiedName {
    parts = List.copyOf(parts);
  }

  public Ident first() {
    return parts.get(0);
  }

  public boolean isSimple() {
    return parts.size() == 1;
  }

  public String source() {
    StringBuilder out = new StringBuilder();
    for (Ident part : parts) {
      out.append(out.length() == 0 ? "" : ".").append(part.name());
    }
    return out.toString();
  }
}
