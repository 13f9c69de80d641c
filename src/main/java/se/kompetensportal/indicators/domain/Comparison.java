package se.kompetensportal.indicators.domain;

/**
 * How the actual value is compared with the target: at least N (a count or sum), a share of at least P %, or a share
 * between two bounds (the 40/60 split: between 40 % and 60 %). Message key {@code indicator.comparison.<NAME>}.
 */
public enum Comparison {
    AT_LEAST, SHARE_AT_LEAST, SHARE_BETWEEN
}
