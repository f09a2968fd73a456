/**
 * The Ben language's surface: tokens, the lexer, the syntax tree and the parser. Keywords are contextual (a field may
 * be called `count`), comments are `//` and `/* *\/`, and the parser recovers at the next declaration after an error
 * so one mistake does not hide the next.
 */
package dev.ben.contracts.lang;
