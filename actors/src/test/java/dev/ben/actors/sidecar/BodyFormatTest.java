package dev.ben.actors.sidecar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.streams.sidecar.BodyDecoding.Coding;
import java.util.Optional;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.junit.jupiter.api.Test;

class BodyFormatTest {

  private static BodyFormat.Decision events(String type, String encoding) {
    return BodyFormat.events(ContentTypes.parse(type), Optional.ofNullable(encoding));
  }

  @Test
  void eventsAreReadAsNdjsonUnderItsNamesInUtf8WithTheirCoding() {
    for (String type :
        new String[] {
          "application/x-ndjson",
          "Application/X-NDJSON",
          "application/jsonl",
          "application/json",
          "text/plain",
          "text/plain; charset=utf-8"
        }) {
      assertEquals(new BodyFormat.Readable(Coding.IDENTITY), events(type, null), type);
    }
    assertEquals(new BodyFormat.Readable(Coding.GZIP), events("application/x-ndjson", "gzip"));
    assertEquals(new BodyFormat.Readable(Coding.DEFLATE), events("text/plain", "deflate"));
  }

  @Test
  void aFormIsRefusedWithTheHeaderCurlNeeds() {
    var form =
        assertInstanceOf(
            BodyFormat.Unreadable.class, events("application/x-www-form-urlencoded", null));
    assertEquals("unsupported_media_type", form.reason());
    assertTrue(form.message().contains("curl sends a form for -d"), form.message());
    assertTrue(form.message().contains("-H 'Content-Type: application/x-ndjson'"), form.message());
    assertEquals(BodyFormat.EVENTS, form.supported());
  }

  @Test
  void otherTypesCharsetsAndCodingsAreRefusedWithTheirReason() {
    var untyped =
        assertInstanceOf(BodyFormat.Unreadable.class, events("application/octet-stream", null));
    assertTrue(untyped.message().contains("named no type"), untyped.message());
    assertEquals(
        "unsupported_media_type",
        assertInstanceOf(BodyFormat.Unreadable.class, events("text/plain; charset=utf-16", null))
            .reason());
    var brotli = assertInstanceOf(BodyFormat.Unreadable.class, events("application/json", "br"));
    assertEquals("unsupported_encoding", brotli.reason());
    assertTrue(brotli.message().contains("`br`"), brotli.message());
  }

  @Test
  void invokeReadsJsonOnly() {
    assertEquals(
        new BodyFormat.Readable(Coding.GZIP),
        BodyFormat.invoke(ContentTypes.APPLICATION_JSON, Optional.of("gzip")));
    var ndjson =
        assertInstanceOf(
            BodyFormat.Unreadable.class,
            BodyFormat.invoke(ContentTypes.parse("application/x-ndjson"), Optional.empty()));
    assertTrue(ndjson.message().contains("-H 'Content-Type: application/json'"), ndjson.message());
    assertEquals(BodyFormat.INVOKE, ndjson.supported());
  }
}
