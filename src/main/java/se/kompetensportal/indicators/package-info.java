/**
 * Indicator definitions and targets, their computation from the portal's own data, and the steering group's dashboards.
 */
package se.kompetensportal.indicators;
