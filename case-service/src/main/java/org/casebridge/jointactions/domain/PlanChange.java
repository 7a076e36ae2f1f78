package org.casebridge.jointactions.domain;

import java.util.List;
import java.util.Map;

/**
 * What a plan update changes; a null component stays as it was.
 *
 * @param title       new title, or null
 * @param objective   new objective, or null
 * @param window      new window, or null
 * @param assignments new tasks and targets of some participants, by agency; participants not named keep theirs
 */
public record PlanChange(String title, String objective, ActionWindow window, Map<String, Assignment> assignments) {

    public PlanChange {
        assignments = assignments == null ? Map.of() : Map.copyOf(assignments);
    }

    public boolean isEmpty() {
        return title == null && objective == null && window == null && assignments.isEmpty();
    }

    /**
     * A participant's part of the plan; a null list stays as it was.
     *
     * @param tasks   what it is asked to do
     * @param targets persons, premises or servers it acts on
     */
    public record Assignment(List<String> tasks, List<String> targets) {
    }
}
