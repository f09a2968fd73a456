package dev.ben.benctl.out;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class TableTest {

  @Test
  void padsColumnsToTheWidestCellWithoutTrailingSpaces() {
    String text =
        Table.withHeaders("KIND", "NAME", "FINGERPRINT")
            .row("schema", "login", "sha256:ab")
            .row("policy_pack", "g", null)
            .render();
    assertEquals(
        """
        KIND         NAME   FINGERPRINT
        schema       login  sha256:ab
        policy_pack  g      -
        """,
        text);
  }

  @Test
  void countsCodePointsSoNonAsciiCellsStayAligned() {
    String text = Table.fields().row("nom", "x").row("été🔒", "y").render();
    assertEquals("nom   x\nété🔒  y\n", text);
  }

  @Test
  void refusesRowsOfTheWrongWidth() {
    var table = Table.withHeaders("A", "B");
    var error = assertThrows(IllegalArgumentException.class, () -> table.row("only one"));
    assertTrue(
        error.getMessage().contains("row has 1 cells but the table has 2 columns"),
        error.getMessage());
  }

  @Test
  void jsonOutputIsOneParseableDocumentEndingInANewline() throws Exception {
    String text = Json.render(Json.object().put("ok", true).put("n", 3));
    assertTrue(text.endsWith("}\n"), text);
    var parsed = new ObjectMapper().readTree(text);
    assertEquals(3, parsed.get("n").intValue());
    assertTrue(parsed.get("ok").booleanValue());
  }
}
