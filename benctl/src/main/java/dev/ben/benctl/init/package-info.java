/**
 * {@code benctl init}: creates a Ben project that checks, builds and tests as it is, from a folder
 * name made into a valid project name, a fresh signing key pair and a starter contract with sample
 * events.
 */
package dev.ben.benctl.init;
