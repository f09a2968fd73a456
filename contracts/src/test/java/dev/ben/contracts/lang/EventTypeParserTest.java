package dev.ben.contracts.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ben.contracts.diag.Diagnostic;
import dev.ben.contracts.diag.Diagnostics;
import dev.ben.contracts.diag.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventTypeParserTest {

  private static BenFile parse(String text, Diagnostics diagnostics) {
    return Parser.parse(new SourceFile("t.ben", text), diagnostics);
  }

  @Test
  void parsesAnEventTypeWithItsSchemaFile() {
    Diagnostics diagnostics = new Diagnostics();
    BenFile file =
        parse("event_type case_opened = file(\"schemas/case_opened.json\")\n", diagnostics);
    assertEquals("", diagnostics.render());
    EventTypeDecl decl = (EventTypeDecl) file.decls().get(0);
    assertEquals("case_opened", decl.name().name());
    assertEquals("schemas/case_opened.json", decl.file().value());
    assertEquals("event_type", decl.keyword());
  }

  @Test
  void aSchemaFieldNamedEventTypeIsStillAField() {
    Diagnostics diagnostics = new Diagnostics();
    BenFile file =
        parse(
            "schema s v1 { table t key [a] fields {\n a: string\n event_type: string\n} }",
            diagnostics);
    assertEquals("", diagnostics.render());
    assertEquals(2, ((SchemaDecl) file.decls().get(0)).fields().size());
  }

  @Test
  void anInlineSchemaIsRefusedWithTheFormToUse() {
    Diagnostics diagnostics = new Diagnostics();
    parse("event_type opened = {\"type\": \"object\"}\nlist l: string = [\"a\"]\n", diagnostics);
    List<String> headers = diagnostics.sorted().stream().map(Diagnostic::header).toList();
    assertEquals(
        List.of(
            "t.ben:1:21: error: expected `file(\"...\")` with the event type's JSON Schema, found"
                + " `{`"),
        headers);
  }
}
