/**
 * The live tap of the data path: a non-blocking broadcast of JSON messages (events, counters) to
 * any number of subscribers such as bux websocket clients. Publishing never waits; what a full tap
 * cannot take is counted.
 */
package dev.ben.streams.live;
