/**
 * Personal data across the portal: the one nightly retention job that runs every module's
 * {@link se.kompetensportal.shared.privacy.RetentionRule}, and the administrator's register of what personal data each
 * module holds, on what legal basis, for how long and who may see it ({@code /admin/privacy}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "projects", "shared :: privacy", "shared :: scheduling", "shared :: security"})
package se.kompetensportal.privacy;
