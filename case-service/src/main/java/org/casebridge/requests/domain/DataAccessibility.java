package org.casebridge.requests.domain;

/**
 * Whether the requested police authority holds the information itself or must obtain it from another authority
 * or a private party. Directive (EU) 2023/977 sets different clocks for the two.
 */
public enum DataAccessibility {
    DIRECT,
    INDIRECT
}
