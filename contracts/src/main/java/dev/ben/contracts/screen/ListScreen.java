package dev.ben.contracts.screen;

import dev.ben.contracts.engine.bitspec.FuzzyText;
import dev.ben.contracts.engine.bitspec.Levenshtein;
import dev.ben.contracts.model.ValueList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One list of strings, ready to screen names against: its entries lower-cased once by {@link
 * FuzzyText}, each name compared with {@link Levenshtein#bounded}, as the fuzzy predicate compares
 * an event's field. Immutable and safe to share; each call allocates its own rows.
 */
public final class ListScreen {

  private static final Comparator<ScreenMatch> NEAREST_FIRST =
      Comparator.comparingInt(ScreenMatch::distance).thenComparing(ScreenMatch::entry);

  private final String name;
  private final List<String> entries;
  private final int[][] lowered;
  private final int longest;

  private ListScreen(String name, List<String> entries) {
    this.name = name;
    this.entries = List.copyOf(entries);
    this.lowered = new int[this.entries.size()][];
    int widest = 0;
    for (int i = 0; i < lowered.length; i++) {
      lowered[i] = FuzzyText.lowered(this.entries.get(i));
      widest = Math.max(widest, lowered[i].length);
    }
    this.longest = widest;
  }

  /** The list's distinct entries, in the order the list declares them. */
  public static ListScreen of(ValueList list) {
    return new ListScreen(list.name(), list.values().stream().distinct().toList());
  }

  public String name() {
    return name;
  }

  public int size() {
    return entries.size();
  }

  /** Every entry within {@code within} edits of {@code text}, or why the question is refused. */
  public ScreenResult screen(String text, int within, ScreenLimits limits) {
    if (text == null || text.isBlank()) {
      return badField("name", "send the name to screen");
    }
    int[] screened = FuzzyText.lowered(text);
    if (screened.length > limits.maxNameLength()) {
      return badField(
          "name",
          "the name has "
              + screened.length
              + " characters; at most "
              + limits.maxNameLength()
              + " are screened (ben.screen.max-name-length)");
    }
    if (within < 0 || within > FuzzyText.MAX_DISTANCE) {
      return badField(
          "within",
          "within must be 0.." + FuzzyText.MAX_DISTANCE + " edits, as in a fuzzy predicate");
    }
    List<ScreenMatch> matches = matches(screened, within);
    if (matches.size() > limits.maxResults()) {
      return badField(
          "within",
          "more than "
              + limits.maxResults()
              + " entries of `"
              + name
              + "` lie within "
              + within
              + " edits of the name (ben.screen.max-results); ask with a smaller within");
    }
    return new ScreenResult.Matches(matches);
  }

  private List<ScreenMatch> matches(int[] screened, int within) {
    int[] previous = new int[longest + 1];
    int[] current = new int[longest + 1];
    List<ScreenMatch> found = new ArrayList<>();
    for (int i = 0; i < lowered.length; i++) {
      int distance =
          Levenshtein.bounded(screened, screened.length, lowered[i], within, previous, current);
      if (distance <= within) {
        found.add(new ScreenMatch(entries.get(i), distance));
      }
    }
    found.sort(NEAREST_FIRST);
    return found;
  }

  private static ScreenResult badField(String field, String message) {
    return new ScreenResult.Refused(ScreenResult.Reason.BAD_FIELD, field, message);
  }
}
