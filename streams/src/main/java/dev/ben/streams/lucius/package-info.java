/**
 * Lucius, the light scrub path: events a {@code route lucius} rule marks leave the hot path for a
 * bounded, durable scrub queue per pipeline, where they wait (quarantined) for the scrub to judge
 * and re-admit them.
 */
package dev.ben.streams.lucius;
