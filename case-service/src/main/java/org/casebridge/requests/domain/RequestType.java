package org.casebridge.requests.domain;

/** What an evidence request asks the requested agency to do or produce. */
public enum RequestType {
    PRESERVATION,
    SUBSCRIBER_INFO,
    TRAFFIC_DATA,
    CONTENT_DATA,
    FORENSIC_ANALYSIS,
    WITNESS_STATEMENT,
    ASSET_FREEZE,
    OTHER
}
