/**
 * The distribution (dist/, {@code ./ben dist}) as an operator gets it: unpacked into an empty
 * folder and run with only a Java runtime.
 */
package dev.ben.tests.dist;
