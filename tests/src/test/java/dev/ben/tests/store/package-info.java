/**
 * The storage layer against the real ClickHouse server: schema tables built and grown by the data
 * migrator, evaluated events written into them, and the front-end replica kept up to date.
 */
package dev.ben.tests.store;
