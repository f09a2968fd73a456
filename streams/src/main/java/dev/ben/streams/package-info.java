/** Backpressured building blocks of the data plane and the connectors to the outside world. */
package dev.ben.streams;
