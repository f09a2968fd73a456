/**
 * The gRPC control API shared by the node (server) and benctl (client). The service and messages
 * are generated from {@code src/main/protobuf/ledger.proto} into {@code dev.ben.api.control};
 * nothing here is hand-written except this note, so the contract between benctl and the cluster
 * lives in one reviewed file.
 */
package dev.ben.api;
