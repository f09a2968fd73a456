/**
 * benctl commands that read bundle files (verify, inspect) and the shared pieces they use: loading a bundle
 * file, choosing trusted keys and describing a bundle as a table or JSON.
 */
package dev.ben.benctl.bundle;
