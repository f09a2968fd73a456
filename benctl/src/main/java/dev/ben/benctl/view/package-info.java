/**
 * How benctl shows compiled contracts: schemas, DDL, bit layouts, rules, detectors, playbooks and
 * pipelines of a contract set, written back in contract syntax as text, or as JSON.
 */
package dev.ben.benctl.view;
