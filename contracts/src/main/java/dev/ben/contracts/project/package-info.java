/**
 * Loading a Ben project: the `ben.project` settings, every `*.ben` file under the folder (in a fixed order, so the
 * disk's order never changes a result), imports between them, and files lists are read from.
 */
package dev.ben.contracts.project;
