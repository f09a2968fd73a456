/**
 * ben_api's read routes under {@code /api/v1/}: pipelines and their versions, a content diff of two
 * versions, the cluster's members, and stored events queried from the front-end replica, with the
 * OpenAPI document that describes them. What they read comes through ports the hosting node
 * implements ({@link dev.ben.bux.api.LedgerReads}, {@link dev.ben.bux.api.ClusterReads}, {@link
 * dev.ben.bux.api.StoredEvents}); nothing here changes intent, and every other method is refused.
 */
package dev.ben.bux.api;
