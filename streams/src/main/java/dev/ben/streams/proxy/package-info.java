/**
 * Proxy flow control: each pipeline's one bounded buffer with high and low watermarks and its
 * overload policy (backpressure, shed oldest, shed newest, sample), applied structurally — a proxy
 * never looks at an event's content — with every shed event counted under its policy.
 */
package dev.ben.streams.proxy;
