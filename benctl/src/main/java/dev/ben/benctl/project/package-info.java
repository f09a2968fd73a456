/**
 * How benctl commands read a Ben project folder: loading, reporting diagnostics, refusing broken
 * projects.
 */
package dev.ben.benctl.project;
