package org.casebridge.node.web;

import io.micronaut.serde.annotation.Serdeable;

/**
 * Which node answers: its agency and software version.
 *
 * @param timeZone IANA time zone the agency works in
 * @param version  the case-service version
 */
@Serdeable
public record NodeView(String agencyCode, String name, String jurisdiction, String timeZone, String version) {
}
