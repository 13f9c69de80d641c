package se.kompetensportal.indicators.domain;

/**
 * Where an indicator stands against its target (see {@link StatusRule}). {@code NO_DATA} when a share has nothing to be
 * taken of yet (no answers, too few answers, no participants). Message key {@code indicator.status.<NAME>}.
 */
public enum IndicatorStatus {
    MET, ON_TRACK, AT_RISK, NO_DATA
}
