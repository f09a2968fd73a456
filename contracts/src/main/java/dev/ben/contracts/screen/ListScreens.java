package dev.ben.contracts.screen;

import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.model.FieldType;
import dev.ben.contracts.model.ValueList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The lists of one compiled contract set that names can be screened against: its lists of strings,
 * the only ones a fuzzy predicate may use. Built once per contract version and shared.
 */
public final class ListScreens {

  private final Map<String, ListScreen> screens;
  private final Map<String, FieldType> others;

  private ListScreens(Map<String, ListScreen> screens, Map<String, FieldType> others) {
    this.screens = screens;
    this.others = others;
  }

  public static ListScreens of(ContractSet contracts) {
    Map<String, ListScreen> screens = new LinkedHashMap<>();
    Map<String, FieldType> others = new LinkedHashMap<>();
    for (ValueList list : contracts.lists()) {
      if (list.elementType() == FieldType.STRING) {
        screens.put(list.name(), ListScreen.of(list));
      } else {
        others.put(list.name(), list.elementType());
      }
    }
    return new ListScreens(Map.copyOf(screens), Map.copyOf(others));
  }

  /** The names of the lists that can be screened against, sorted. */
  public List<String> names() {
    return screens.keySet().stream().sorted().toList();
  }

  /** Screens {@code name} against the list called {@code list}. */
  public ScreenResult screen(String list, String name, int within, ScreenLimits limits) {
    ListScreen screen = screens.get(list);
    if (screen != null) {
      return screen.screen(name, within, limits);
    }
    FieldType type = others.get(list);
    if (type != null) {
      return new ScreenResult.Refused(
          ScreenResult.Reason.BAD_FIELD,
          "list",
          "list `"
              + list
              + "` holds "
              + type.name().toLowerCase(Locale.ROOT)
              + " values; only lists of strings hold names");
    }
    return new ScreenResult.Refused(
        ScreenResult.Reason.UNKNOWN_LIST,
        "list",
        "no list named `"
            + list
            + "` in this version; lists of names: "
            + (screens.isEmpty() ? "none" : String.join(", ", names())));
  }
}
