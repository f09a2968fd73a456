/**
 * Sanctions screening: a name answered with the entries of a contract set's list that lie within an
 * edit distance of it, by the very normalisation and distance the fuzzy predicate ({@code user ~
 * sanctions_names within 2}) decides with, so the service and the contracts never disagree.
 */
package dev.ben.contracts.screen;
