/**
 * Architecture tests, checked on the compiled classes: module dependency direction, and no package
 * cycles inside any module. Each rule is also shown to fail on deliberately breaking fixtures.
 */
package dev.ben.tests.architecture;
