package dev.ben.actors.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.contracts.screen.ScreenMatch;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScreenJsonTest {

  private final ScreenJson json = new ScreenJson(new ObjectMapper());

  private ScreenJson.Read read(String body) {
    return json.question(body.getBytes(StandardCharsets.UTF_8));
  }

  private String refusedField(String body) {
    return assertInstanceOf(ScreenJson.NotAsked.class, read(body)).refusal().message();
  }

  @Test
  void aFullBodyIsAQuestionAndTheVersionIsOptional() {
    assertEquals(
        new ScreenQuestion("auth", "sanctions_names", "Ivan", 2, 3),
        assertInstanceOf(
                ScreenJson.Asked.class,
                read(
                    "{\"pipeline\":\"auth\",\"list\":\"sanctions_names\",\"name\":\"Ivan\","
                        + "\"within\":2,\"version\":3}"))
            .question());
    assertEquals(
        ScreenQuestion.NEWEST,
        assertInstanceOf(
                ScreenJson.Asked.class,
                read("{\"pipeline\":\"auth\",\"list\":\"l\",\"name\":\"n\",\"within\":0}"))
            .question()
            .version());
  }

  @Test
  void aMissingOrMistypedFieldIsRefusedByName() {
    assertTrue(refusedField("{nope").startsWith("`body`"));
    assertTrue(refusedField("[1]").startsWith("`body`"));
    assertTrue(
        refusedField("{\"list\":\"l\",\"name\":\"n\",\"within\":1}").startsWith("`pipeline`"));
    assertTrue(
        refusedField("{\"pipeline\":\"p\",\"name\":\"n\",\"within\":1}").startsWith("`list`"));
    assertTrue(
        refusedField("{\"pipeline\":\"p\",\"list\":\"l\",\"name\":7,\"within\":1}")
            .startsWith("`name`"));
    assertTrue(
        refusedField("{\"pipeline\":\"p\",\"list\":\"l\",\"name\":\"n\"}").startsWith("`within`"));
    assertTrue(
        refusedField("{\"pipeline\":\"p\",\"list\":\"l\",\"name\":\"n\",\"within\":1.5}")
            .startsWith("`within`"));
    assertTrue(
        refusedField(
                "{\"pipeline\":\"p\",\"list\":\"l\",\"name\":\"n\",\"within\":1,\"version\":0}")
            .startsWith("`version`"));
  }

  @Test
  void theAnswerNamesTheVersionAndListsTheMatches() {
    var answer =
        json.answer(
            new ScreenOutcome.Answered(
                "auth",
                4,
                "sanctions_names",
                "Ivan Petrow",
                List.of(new ScreenMatch("ivan petrov", 1))));
    assertEquals(
        "{\"pipeline\":\"auth\",\"version\":4,\"list\":\"sanctions_names\",\"name\":\"Ivan Petrow\","
            + "\"matches\":[{\"entry\":\"ivan petrov\",\"distance\":1}]}",
        answer.toString());
  }
}
