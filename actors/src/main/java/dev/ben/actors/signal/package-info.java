/**
 * Signals: what a fired playbook emits, published on the signal plane (NATS, or a cluster topic
 * without it), relayed on every edge node into a hub, and delivered to the app whose event fired it
 * over server-sent events. Every step is counted in {@code
 * ben_signals_total{signal,outcome,reason}}.
 */
package dev.ben.actors.signal;
