/**
 * Time reporting: the monthly time ledger (minutes and whole hours per project, person and month, with the attendance
 * behind them), the participants' monthly confirmation of their time, corrections, and which months were reported to
 * SCB and must be sent again.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "accounts", "activities", "notifications", "participants", "projects", "shared :: excel", "shared :: locks",
        "shared :: pdf", "shared :: privacy", "shared :: scheduling", "shared :: security", "shared :: web"})
package se.kompetensportal.timereporting;
