/**
 * benctl commands that read bundle files (verify, inspect) and the shared pieces they use: loading
 * a bundle file, choosing trusted keys, describing a bundle as a table or JSON, and decoding its
 * contract artifacts so inspect can show a bundle and a project alike.
 */
package dev.ben.benctl.bundle;
