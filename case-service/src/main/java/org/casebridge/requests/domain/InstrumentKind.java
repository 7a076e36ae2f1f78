package org.casebridge.requests.domain;

/** What a legal instrument lets the requesting agency obtain. */
public enum InstrumentKind {
    /** Production of stored data. */
    PRODUCTION,
    /** Preservation of stored data pending a later production request. */
    PRESERVATION,
    /** Information held by police, exchanged police to police. */
    INFORMATION,
    /** An investigative measure carried out by the requested state (search, hearing, analysis...). */
    INVESTIGATIVE_MEASURE
}
