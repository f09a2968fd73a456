/**
 * The Ben contract language front end: tokens, lexer, the recursive-descent parser and the AST
 * records it produces. Parsing never throws on user input; every problem becomes a diagnostic and
 * parsing recovers.
 */
package dev.ben.contracts.lang;
