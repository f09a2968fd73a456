/** Test fixtures shared with the modules that build on streams (published in its test-jar). */
package dev.ben.streams.testing;
