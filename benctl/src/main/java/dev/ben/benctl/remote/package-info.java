/**
 * How benctl reaches a Ben cluster: the server and credential options, which server and token win
 * (flags, environment, the configured context) and one authenticated gRPC call per command.
 */
package dev.ben.benctl.remote;
