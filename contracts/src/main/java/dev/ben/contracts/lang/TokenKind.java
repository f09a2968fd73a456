package dev.ben.contracts.lang;

/**
 * Lexical categories. Keywords are contextual, so words are all {@link #IDENT} and the parser
 * decides.
 */
public enum TokenKind {
  IDENT("name"),
  INT("integer"),
  FLOAT("number"),
  DURATION("duration"),
  STRING("string"),
  LBRACE("`{`"),
  RBRACE("`}`"),
  LBRACKET("`[`"),
  RBRACKET("`]`"),
  LPAREN("`(`"),
  RPAREN("`)`"),
  COMMA("`,`"),
  SEMI("`;`"),
  COLON("`:`"),
  DOT("`.`"),
  QUESTION("`?`"),
  AT("`@`"),
  ASSIGN("`=`"),
  ARROW("`=>`"),
  EQ("`==`"),
  NE("`!=`"),
  LT("`<`"),
  LE("`<=`"),
  GT("`>`"),
  GE("`>=`"),
  TILDE("`~`"),
  PERCENT("`%`"),
  MINUS("`-`"),
  /** Text the lexer could not read; already reported, so the parser stays silent about it. */
  INVALID("invalid text"),
  EOF("end of file");

  private final String description;

  TokenKind(String description) {
    this.description = description;
  }

  /** How the token kind is named in diagnostics. */
  public String description() {
    return description;
  }
}
