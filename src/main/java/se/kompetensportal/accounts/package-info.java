/**
 * Users, their roles and project or organisation scope, login (password and one-time e-mail link) and the security
 * filter chain that applies every module's route rules.
 */
package se.kompetensportal.accounts;
