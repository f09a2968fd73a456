/**
 * The benctl verbs that change or show what runs in a cluster: stage, deploy, rollback, status,
 * diff, pipelines and the lifecycle verbs. Each is one gRPC call to the ledger; benctl keeps no
 * state between calls.
 */
package dev.ben.benctl.deploy;
