/**
 * bux in a real browser (Debian's chromium, headless, through Selenium) against a real node: the
 * page's views, its websocket and the ben_api reads behind them, checked against what the node
 * itself reports.
 */
package dev.ben.tests.bux;
