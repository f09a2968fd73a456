/**
 * Architecture tests: module dependency direction (DESIGN section 3), checked on the compiled
 * classes.
 */
package dev.ben.tests.architecture;
