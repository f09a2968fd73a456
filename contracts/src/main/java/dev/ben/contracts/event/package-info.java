/**
 * The runtime event: values of one schema held in arrays indexed by field position (no per-field
 * maps on the hot path), and the translator that turns an application's JSON into such an event or
 * refuses it with a reason a person can act on. IP addresses are held as 128-bit values (IPv4 as
 * IPv4-mapped IPv6) so CIDR tests and generalisation never allocate.
 */
package dev.ben.contracts.event;
