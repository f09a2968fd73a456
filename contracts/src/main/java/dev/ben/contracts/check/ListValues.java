package dev.ben.contracts.check;

import dev.ben.contracts.lang.ListDecl;
import java.util.List;

/**
 * A checked list: its element type and values (converted as {@link LiteralChecker} documents), in
 * order.
 */
public record ListValues(ListDecl decl, Prim elementType, List<Object> values) {

  public ListValues {
    values = List.copyOf(values);
  }

  public String name() {
    return decl.name().name();
  }
}
