/**
 * benctl's configuration file of named contexts, in the tradition of kubectl's kubeconfig: which
 * server each context talks to, who logged in there and the token the server issued. Plain values
 * and one file class, no commands.
 */
package dev.ben.benctl.config;
