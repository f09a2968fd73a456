/** How benctl reaches a Ben cluster: the server address options and one gRPC call per command. */
package dev.ben.benctl.remote;
