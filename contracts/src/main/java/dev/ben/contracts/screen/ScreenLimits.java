package dev.ben.contracts.screen;

/**
 * What one screening may cost and answer: names longer than {@code maxNameLength} code points are
 * refused, and so is a question more than {@code maxResults} entries answer (a partial answer to a
 * sanctions question would read as "nobody else matched").
 */
public record ScreenLimits(int maxNameLength, int maxResults) {

  public ScreenLimits {
    if (maxNameLength < 1 || maxResults < 1) {
      throw new IllegalArgumentException(
          "screening limits must be positive, got name length "
              + maxNameLength
              + " and results "
              + maxResults);
    }
  }
}
