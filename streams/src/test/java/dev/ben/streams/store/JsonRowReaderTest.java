package dev.ben.streams.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonRowReaderTest {

  private final JsonRowReader reader =
      new JsonRowReader(new ObjectMapper(), List.of("id", "n", "x", "ok", "tags", "big", "gone"));

  @Test
  void valuesComeInColumnOrderWithTheirJsonTypes() throws IOException {
    assertArrayEquals(
        new Object[] {"a", 7L, 2.5, true, "[\"p\",{\"q\":1}]", "18446744073709551615", null},
        reader.read(
            "{\"big\":18446744073709551615,\"tags\":[\"p\",{\"q\":1}],\"ok\":true,\"x\":2.5,"
                + "\"extra\":{\"deep\":[1,2]},\"n\":7,\"id\":\"a\",\"gone\":null}"));
  }

  @Test
  void absentColumnsAreNullAndARepeatedKeyKeepsItsLastValue() throws IOException {
    assertArrayEquals(
        new Object[] {"b", 2L, null, null, null, null, null},
        reader.read("{\"id\":\"b\",\"n\":1,\"n\":2}"));
  }

  @Test
  void textThatIsNotAJsonObjectIsRefused() {
    assertThrows(IOException.class, () -> reader.read("{\"id\":"));
    assertThrows(IOException.class, () -> reader.read("[1,2]"));
    assertThrows(IOException.class, () -> reader.read("{\"id\":\"a\""));
  }
}
