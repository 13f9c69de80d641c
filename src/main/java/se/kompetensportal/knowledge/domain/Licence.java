package se.kompetensportal.knowledge.domain;

/**
 * Under which licence a published item may be reused. Creative Commons 4.0 by default, since the project plan promises
 * its material "as open source". Message key {@code knowledge.licence.<NAME>}.
 */
public enum Licence {
    CC_BY_4_0("https://creativecommons.org/licenses/by/4.0/deed.sv"),
    CC_BY_SA_4_0("https://creativecommons.org/licenses/by-sa/4.0/deed.sv"),
    CC_BY_NC_4_0("https://creativecommons.org/licenses/by-nc/4.0/deed.sv"),
    CC0_1_0("https://creativecommons.org/publicdomain/zero/1.0/deed.sv"),
    ALL_RIGHTS_RESERVED(null);

    private final String url;

    Licence(String url) {
        this.url = url;
    }

    /** The licence's own page, or {@code null} when there is none. */
    public String url() {
        return url;
    }
}
