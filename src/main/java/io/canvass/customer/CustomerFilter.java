package io.canvass.customer;

import java.util.UUID;

/**
 * Which customers to list; null fields do not filter.
 *
 * @param q text searched in the customer's name and its contacts' names and phones (any language)
 * @param overdue only customers whose pending follow-up is past its due day
 * @param notTouchedDays only customers not touched for at least this many days
 * @param neglected only active customers untouched for more than twice their cadence
 * @param deleted list deleted customers instead of active ones (managers and above)
 */
public record CustomerFilter(UUID ownerId, UUID teamId, Customer.Grade grade, Customer.Stage stage, String tag,
                             String q, Boolean overdue, Integer notTouchedDays, boolean neglected, boolean deleted, Sort sort) {

    /** List orders; each is stable, ties broken by id. */
    public enum Sort {
        /** Newest first. */
        CREATED,
        /** By name. */
        NAME,
        /** Soonest pending follow-up first. */
        NEXT_DUE,
        /** Longest untouched first. */
        LAST_TOUCHED
    }
}
