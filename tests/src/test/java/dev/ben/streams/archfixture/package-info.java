/** Deliberately rule-breaking classes used by the architecture tests. */
package dev.ben.streams.archfixture;
