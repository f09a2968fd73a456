/**
 * Web analytics of beacon pipelines read from their schema tables: visits, page views and the top
 * pages, referrers and status codes of the events received since a point in time, by parameterised
 * statements both stores accept.
 */
package dev.ben.streams.store.analytics;
