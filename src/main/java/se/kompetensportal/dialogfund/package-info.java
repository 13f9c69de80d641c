/**
 * The dialog fund: funds, applications, reviews, decisions and final reports.
 */
package se.kompetensportal.dialogfund;
