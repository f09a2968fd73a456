package dev.ben.streams.store.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ben.contracts.engine.DetectorValues;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MapColumnTextTest {

  private static final ObjectWriter WRITER =
      new ObjectMapper().writer().without(SerializationFeature.INDENT_OUTPUT);

  @Test
  void writesTheSameTextAsTheMapper() throws Exception {
    MapColumnText text = new MapColumnText(WRITER);
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("login_rate.fails", 3.0);
    values.put("login_rate.attempts", 0.123456789012345);
    values.put("odd", Double.NaN);
    values.put("far", Double.NEGATIVE_INFINITY);
    values.put("level", "HOT \"quoted\" \\ \n\u0001 é");
    values.put("empty", null);
    for (int i = 0; i < 3; i++) {
      // The same generator and buffer serve every value in turn.
      assertEquals(WRITER.writeValueAsString(values), text.of(values));
      assertEquals("{\"a\":\"b\"}", text.of(Map.of("a", "b")));
    }
  }

  @Test
  void detectorValuesAreWrittenAsTheMapperWritesTheirMap() throws Exception {
    MapColumnText text = new MapColumnText(WRITER);
    var values =
        new DetectorValues(
            new String[] {"login_rate.fails", "login_rate.ewma", "login_rate.cusum", "far"},
            new double[] {21, 0.123456789012345, Double.NaN, Double.NEGATIVE_INFINITY});
    for (int i = 0; i < 3; i++) {
      assertEquals(WRITER.writeValueAsString(values), text.of(values));
      assertEquals("{\"a\":\"b\"}", text.of(Map.of("a", "b")));
    }
  }

  @Test
  void wholeNumbersAreSpeltAsTheMapperSpellsThem() throws Exception {
    MapColumnText text = new MapColumnText(WRITER);
    double[] numbers = {
      0, -0.0, 1, -1, 9, 10, 99, 1234567, 9_999_999, -9_999_999, 1e7, -1e7, 1e15, 0.5, -2.5, 1e-3
    };
    for (double number : numbers) {
      var values = new DetectorValues(new String[] {"n"}, new double[] {number});
      assertEquals(WRITER.writeValueAsString(values), text.of(values), String.valueOf(number));
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("n", number);
      assertEquals(WRITER.writeValueAsString(map), text.of(map), String.valueOf(number));
    }
    ObjectWriter quoting = WRITER.with(JsonWriteFeature.WRITE_NUMBERS_AS_STRINGS);
    var values = new DetectorValues(new String[] {"n", "m"}, new double[] {42, 0.25});
    assertEquals(quoting.writeValueAsString(values), new MapColumnText(quoting).of(values));
  }

  @Test
  void randomDetectorValuesAreWrittenAsEachWriterWritesThem() throws Exception {
    List<ObjectWriter> writers =
        List.of(
            WRITER,
            WRITER.with(StreamWriteFeature.USE_FAST_DOUBLE_WRITER),
            WRITER.without(JsonWriteFeature.WRITE_NAN_AS_STRINGS),
            WRITER.with(JsonWriteFeature.ESCAPE_NON_ASCII));
    String[][] tables = {
      {"login_rate.fails", "login_rate.attempts_ewma", "login_rate.attempts_cusum"},
      {"a \"quoted\" name", "back\\slash", "tab\tand é"}
    };
    Random random = new Random(3);
    for (ObjectWriter writer : writers) {
      MapColumnText text = new MapColumnText(writer);
      for (int n = 0; n < 2_000; n++) {
        String[] names = tables[random.nextInt(5) == 0 ? 1 : 0];
        double[] numbers = new double[names.length];
        for (int i = 0; i < numbers.length; i++) {
          numbers[i] = randomNumber(random);
        }
        var values = new DetectorValues(names, numbers);
        String written = text.of(values);
        assertEquals(writer.writeValueAsString(values), written, Arrays.toString(numbers));
        assertReadsBack(names, numbers, written);
      }
    }
  }

  /** Every finite number reads back as the very same double, whichever writer spelt it. */
  private static void assertReadsBack(String[] names, double[] numbers, String written)
      throws Exception {
    // One writer leaves infinities bare, as JSON does not allow.
    var tree =
        JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build()
            .readTree(written);
    for (int i = 0; i < names.length; i++) {
      if (Double.isFinite(numbers[i])) {
        assertEquals(
            Double.doubleToRawLongBits(numbers[i]),
            Double.doubleToRawLongBits(tree.get(names[i]).asDouble()),
            written);
      }
    }
  }

  private static double randomNumber(Random random) {
    return switch (random.nextInt(8)) {
      case 0 -> Double.NaN;
      case 1 -> random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
      case 2 -> random.nextInt(40) - 20;
      case 3 -> random.nextBoolean() ? 0.0 : -0.0;
      case 4 -> Double.longBitsToDouble(random.nextLong());
      case 5 -> (random.nextLong() >> random.nextInt(64)) * 1.0;
      default -> random.nextGaussian() * Math.pow(10, random.nextInt(30) - 15);
    };
  }

  @Test
  void anyOtherValueGoesThroughTheMapperAndLeavesTheNextOneWhole() throws Exception {
    MapColumnText text = new MapColumnText(WRITER);
    Map<String, Object> odd = new LinkedHashMap<>();
    odd.put("first", 1.0);
    odd.put("count", 4L);
    odd.put("list", List.of("x"));
    assertEquals(WRITER.writeValueAsString(odd), text.of(odd));
    assertEquals("{\"first\":1.0}", text.of(Map.of("first", 1.0)));
  }

  @Test
  void aMapperThatLeavesOutNullsIsFollowed() throws Exception {
    ObjectWriter nonNull =
        new ObjectMapper()
            .setDefaultPropertyInclusion(
                JsonInclude.Value.construct(
                    JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .writer();
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("kept", 1.0);
    values.put("missing", null);
    assertEquals("{\"kept\":1.0}", new MapColumnText(nonNull).of(values));
  }

  @Test
  void aMapperThatSortsEntriesIsFollowed() throws Exception {
    ObjectWriter sorting =
        new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writer();
    Map<String, Object> values = new HashMap<>();
    values.put("zeta", 1.0);
    values.put("alpha", "a");
    values.put("mid", 2.5);
    assertEquals(
        "{\"alpha\":\"a\",\"mid\":2.5,\"zeta\":1.0}", new MapColumnText(sorting).of(values));
  }
}
