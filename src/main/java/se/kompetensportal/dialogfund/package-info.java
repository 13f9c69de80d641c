/**
 * The dialog fund (dialogpotten): funds per project and year, applications from non-profit organisations, review by
 * the steering group, decisions with a letter, and final reports. Other modules use {@link
 * se.kompetensportal.dialogfund.DialogFundApi} and the events {@link se.kompetensportal.dialogfund.ApplicationSubmitted},
 * {@link se.kompetensportal.dialogfund.ApplicationDecided} and {@link se.kompetensportal.dialogfund.ApplicationCarriedOut}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "accounts", "notifications", "projects", "shared :: files", "shared :: pdf", "shared :: privacy",
        "shared :: scheduling", "shared :: security", "shared :: validation", "shared :: web"})
package se.kompetensportal.dialogfund;
