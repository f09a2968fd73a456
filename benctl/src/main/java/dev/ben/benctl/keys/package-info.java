/** benctl commands that manage signing keys. */
package dev.ben.benctl.keys;
