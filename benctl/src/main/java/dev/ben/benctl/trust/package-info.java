/**
 * {@code benctl trust}: the signing keys the ledger stages bundles of, which an admin adds, lists
 * (with those of {@code ben.ledger.trusted-keys}) and removes through the control API's trust
 * service.
 */
package dev.ben.benctl.trust;
