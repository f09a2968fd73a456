/**
 * {@code benctl backtest}: what a candidate version would decide differently from the active one,
 * over a pipeline's stored events (on the server) or given events (here).
 */
package dev.ben.benctl.backtest;
