/**
 * Backtests on a node: a pipeline's stored events read page by page on the blocking executor and
 * replayed through a candidate version beside the active one, and the run recorded once done.
 */
package dev.ben.actors.backtest;
