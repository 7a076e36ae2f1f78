package org.casebridge.requests.domain;

import java.util.Objects;

/**
 * Who makes a transition: an officer at an agency. For a transition that arrives in a partner's signed message, the
 * agency is the message's verified sender.
 *
 * @param agency the agency code
 * @param user   the officer's user name at that agency
 */
public record Actor(String agency, String user) {

    public Actor {
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(user, "user");
    }
}
