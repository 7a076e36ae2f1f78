package org.casebridge.cases.persistence;

import org.casebridge.cases.domain.CaseStatus;
import org.casebridge.directory.HandlingMarking;

/**
 * Filters, order and page of a case list.
 *
 * @param status   only cases in this status, or null
 * @param category only cases with this crime category, or null
 * @param partner  only cases shared with, or led by, this agency, or null
 * @param marking  only cases with this marking, or null
 * @param text     full-text search over title and summary, or null
 * @param sort     the order
 * @param page     page number from 0
 * @param size     rows per page
 */
public record CaseQuery(CaseStatus status, String category, String partner, HandlingMarking marking, String text,
                        CaseSort sort, int page, int size) {

    /** The orders a case list offers. */
    public enum CaseSort {
        UPDATED_DESC("updated_at DESC, id"),
        UPDATED_ASC("updated_at ASC, id"),
        OPENED_DESC("opened_at DESC, id"),
        OPENED_ASC("opened_at ASC, id"),
        REFERENCE_ASC("reference ASC"),
        REFERENCE_DESC("reference DESC"),
        TITLE_ASC("title ASC, id"),
        RELEVANCE("rank DESC, updated_at DESC, id");

        final String orderBy;

        CaseSort(String orderBy) {
            this.orderBy = orderBy;
        }
    }
}
