/**
 * {@code benctl build}: compiling a project into its signed bundle, and where the bundle and key
 * live.
 */
package dev.ben.benctl.build;
