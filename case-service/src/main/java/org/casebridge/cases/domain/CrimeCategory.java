package org.casebridge.cases.domain;

/**
 * One category of the crime taxonomy.
 *
 * @param code   stable code used in cases and messages, e.g. {@code RANSOMWARE_EXTORTION}
 * @param label  English label
 * @param source where the category comes from, e.g. {@code Budapest Convention Art. 2}
 */
public record CrimeCategory(String code, String label, String source) {
}
