/**
 * The runnable Ben node. Sub-packages hold one component each; this package holds what they all
 * share, such as the marker for messages that cross node boundaries.
 */
package dev.ben.actors;
