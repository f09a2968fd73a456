/**
 * Architecture tests: module dependency direction (docs/architecture.md, module map), checked on
 * the compiled classes.
 */
package dev.ben.tests.architecture;
