/**
 * {@code benctl apps}: the apps that may send events, each with a key an admin creates (shown
 * once), lists and revokes through the control API's apps service.
 */
package dev.ben.benctl.apps;
