/**
 * Sanctions screening as a service: a name answered with the entries of a version's list within an
 * edit distance, by the contracts' own fuzzy matcher ({@link dev.ben.contracts.screen}), over HTTP
 * ({@code POST /api/v1/screen} on the ingest port) and gRPC ({@code ScreenService} on the control
 * port), both asking one {@link dev.ben.actors.screen.Screener}. Lists come from the bundles the
 * ledger holds, decoded once per version.
 */
package dev.ben.actors.screen;
