package se.kompetensportal.indicators.domain;

/**
 * What the target applies to: the whole project, or each calendar year of it (the dialog fund's ten applications a
 * year). Message key {@code indicator.period.<NAME>}.
 */
public enum IndicatorPeriod {
    WHOLE_PROJECT, PER_YEAR
}
