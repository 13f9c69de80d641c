package se.kompetensportal.shared.web;

import java.util.List;

/**
 * One card of a signed-in user's start page (a {@link CardSection}): a heading, the items of work or news, each
 * linking straight to the page where it is done, and a text for when there is nothing. Texts are already resolved.
 *
 * @param more a link to the whole list the items are taken from, or {@code null}
 */
public record HomeCard(String heading, List<Item> items, String empty, Link more) {

    /** One line of the card; {@code detail} (a date, a count) is optional. */
    public record Item(String text, String href, String detail) {
    }

    /** A link under the items. */
    public record Link(String text, String href) {
    }
}
