/**
 * The Ben contract language and everything that works on contracts without a cluster. Pure Java: no Pekko, no
 * other Ben module, so benctl, the runtime and the bux test bench share exactly the same code.
 */
package dev.ben.contracts;
