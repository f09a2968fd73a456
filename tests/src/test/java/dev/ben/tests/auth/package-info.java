/** The control API's identities against the real servers ./ben test starts. */
package dev.ben.tests.auth;
