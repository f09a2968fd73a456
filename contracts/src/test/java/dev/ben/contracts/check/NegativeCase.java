package dev.ben.contracts.check;

/**
 * One negative test: a source whose expected error span is marked «like this», the exact message and (optionally)
 * the exact hint. The markers are removed before compiling; their positions give the expected line and column.
 */
record NegativeCase(String name, String marked, String message, String hint) {

  static final String BASE = """
      schema login v1 {
        table logins
        key [user]
        fields {
          user: string
          ip: ipv4
          attempts: u32
          score: f64
          country: string?
          card: string? @pii
        }
      }
      list countries: string = ["KP", "IR"]
      signal lock { user: string, reason: string }
      """;

  String source() {
    return marked.replace("«", "").replace("»", "");
  }

  int expectedStart() {
    return marked.indexOf('«');
  }

  int expectedEnd() {
    return marked.indexOf('»') - 1;
  }

  @Override
  public String toString() {
    return name;
  }
}
