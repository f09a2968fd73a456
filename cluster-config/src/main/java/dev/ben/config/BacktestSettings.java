package dev.ben.config;

import com.typesafe.config.Config;

/**
 * Bounds of a backtest run on the control API: how many stored events one query reads (one progress
 * message follows each page), and how many changed events the report names (all are counted).
 */
public record BacktestSettings(int pageRows, int changedShown) {

  /** Larger pages hold more rows in memory at once for no gain in speed worth having. */
  public static final int MAX_PAGE_ROWS = 100_000;

  public static BacktestSettings fromConfig(Config root) {
    ConfigReader reader = new ConfigReader(root, "ben.backtest");
    int pageRows = reader.positiveInt("page-rows");
    if (pageRows > MAX_PAGE_ROWS) {
      throw reader.invalid("page-rows", "must not exceed " + MAX_PAGE_ROWS + ", got " + pageRows);
    }
    int changedShown = reader.positiveInt("changed-shown");
    if (changedShown > MAX_PAGE_ROWS) {
      throw reader.invalid(
          "changed-shown", "must not exceed " + MAX_PAGE_ROWS + ", got " + changedShown);
    }
    return new BacktestSettings(pageRows, changedShown);
  }
}
