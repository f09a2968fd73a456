/**
 * Backtests: replaying events, in order and each side from empty detector state, through a
 * candidate version of a pipeline beside its active one on the test bench's engines, and reporting
 * what would change: counts before and after, the events whose decision changes, and what the
 * stored data cannot answer because it was stored redacted. Counts only and bounded lists, so a
 * replay of any length runs in bounded memory; nothing here touches live state or emits signals.
 */
package dev.ben.contracts.backtest;
