/**
 * The benctl verbs that change or show what runs in a cluster: stage, deploy, rollback, status,
 * diff, pipelines and the lifecycle verbs. Each is one gRPC call to the ledger, presenting the
 * token {@code benctl login} kept (or {@code --token}); nothing else is kept between calls.
 */
package dev.ben.benctl.deploy;
