package org.casebridge.requests.domain;

/**
 * One difference found when verifying a manifest.
 *
 * @param field    the field's path, e.g. {@code items[1].sha256}, or {@code hash} for the manifest hash itself
 * @param expected the value declared or held by the other side
 * @param actual   the value received
 */
public record ManifestDiscrepancy(String field, String expected, String actual) {
}
