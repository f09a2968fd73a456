/**
 * Logging in and choosing where commands go, as kubectl users expect: {@code benctl login}, {@code
 * logout}, {@code whoami} and {@code context list|use|delete} over the contexts in benctl's
 * configuration file.
 */
package dev.ben.benctl.auth;
