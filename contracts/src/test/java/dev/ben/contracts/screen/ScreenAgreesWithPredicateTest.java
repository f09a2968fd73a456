package dev.ben.contracts.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.contracts.engine.bitspec.BitspecEngine;
import dev.ben.contracts.engine.bitspec.BitspecState;
import dev.ben.contracts.event.EventTranslator;
import dev.ben.contracts.event.Translation;
import dev.ben.contracts.model.Condition;
import dev.ben.contracts.model.ExampleContracts;
import dev.ben.contracts.model.FieldType;
import dev.ben.contracts.model.PolicyPack;
import dev.ben.contracts.model.Predicate;
import dev.ben.contracts.model.Schema;
import dev.ben.contracts.model.ValueList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The property the screening service promises: for any name and distance, it answers some entry
 * exactly when the contract's fuzzy predicate over the same list holds for an event carrying that
 * name, and every distance it reports is within the bound. Names are random edits of the entries
 * (mixed case, letters outside ASCII, ones whose lower case changes length) and random strings.
 */
class ScreenAgreesWithPredicateTest {

  private static final Schema LOGIN = ExampleContracts.loginSchema();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ALPHABET = "abcdeIİıK KÅåßSsσΣς中文字😀-'. ";
  private static final List<String> ENTRIES =
      List.of("ivan petrov", "Kim Jong", "evil corp", "MARÍA GONZÁLEZ", "İstanbul Ltd", "中文字");
  private static final ValueList LIST =
      new ValueList("sanctions_names", FieldType.STRING, ENTRIES, "");

  @Test
  void theServiceAnswersAMatchExactlyWhenThePredicateHolds() {
    Random random = new Random(20261205L);
    ListScreen screen = ListScreen.of(LIST);
    ScreenLimits limits = new ScreenLimits(200, ENTRIES.size());
    EventTranslator translator = new EventTranslator(LOGIN);
    int agreedMatches = 0;
    for (int within = 0; within <= 4; within++) {
      BitspecEngine engine = engine(within);
      BitspecState state = engine.newState();
      for (int i = 0; i < 400; i++) {
        String name = random.nextInt(4) == 0 ? randomText(random) : edited(random);
        var result = screen.screen(name, within, limits);
        if (name.isBlank()) {
          assertInstanceOf(ScreenResult.Refused.class, result);
          continue;
        }
        List<ScreenMatch> matches = assertInstanceOf(ScreenResult.Matches.class, result).matches();
        engine.evaluate(event(translator, name), state);
        boolean predicate = engine.setBitNames(state).contains("sanctioned");
        assertEquals(predicate, !matches.isEmpty(), "name `" + name + "` within " + within);
        for (ScreenMatch match : matches) {
          assertTrue(match.distance() <= within, match.toString());
          assertTrue(ENTRIES.contains(match.entry()), match.toString());
        }
        agreedMatches += predicate ? 1 : 0;
      }
    }
    assertTrue(agreedMatches > 100, "the random names matched too rarely: " + agreedMatches);
  }

  private static BitspecEngine engine(int within) {
    var predicates =
        List.of(new Predicate("sanctioned", 0, new Condition.Fuzzy("user", LIST.name(), within)));
    var pack = new PolicyPack("p", "login", predicates, List.of(), List.of(), List.of(), "");
    return new BitspecEngine(pack, LOGIN, Map.of(LIST.name(), LIST));
  }

  private static dev.ben.contracts.event.Event event(EventTranslator translator, String user) {
    var json =
        JSON.createObjectNode()
            .put("ts", 1)
            .put("tenant", "t")
            .put("user", user)
            .put("ip", "10.0.0.1")
            .put("attempts", 1);
    Translation translation = translator.translate(json);
    if (translation instanceof Translation.Accepted accepted) {
      return accepted.event();
    }
    throw new AssertionError(((Translation.Refused) translation).message());
  }

  /** An entry with up to three random edits, its letters' case flipped at random. */
  private static String edited(Random random) {
    StringBuilder name = new StringBuilder(ENTRIES.get(random.nextInt(ENTRIES.size())));
    int edits = random.nextInt(4);
    for (int e = 0; e < edits && name.length() > 0; e++) {
      int at = random.nextInt(name.length());
      switch (random.nextInt(3)) {
        case 0 -> name.insert(at, randomLetter(random));
        case 1 -> name.deleteCharAt(at);
        default -> name.replace(at, at + 1, randomLetter(random));
      }
    }
    StringBuilder cased = new StringBuilder();
    name.codePoints()
        .forEach(
            cp ->
                cased.appendCodePoint(
                    random.nextBoolean() ? Character.toUpperCase(cp) : Character.toLowerCase(cp)));
    return cased.toString();
  }

  private static String randomText(Random random) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(12);
    for (int i = 0; i < length; i++) {
      text.append(randomLetter(random));
    }
    return text.toString();
  }

  private static String randomLetter(Random random) {
    int[] letters = ALPHABET.codePoints().toArray();
    return Character.toString(letters[random.nextInt(letters.length)]);
  }
}
