/**
 * {@code benctl users}: the people who may use the control API and their roles, which an admin
 * creates (each with a generated password shown once), lists, changes and deletes through the
 * control API's users service.
 */
package dev.ben.benctl.users;
