/**
 * How benctl reaches a Ben cluster: the server, TLS and credential options, which server, CA and
 * token win (flags, environment, the configured context) and one authenticated gRPC call per
 * command, in cleartext or over TLS.
 */
package dev.ben.benctl.remote;
