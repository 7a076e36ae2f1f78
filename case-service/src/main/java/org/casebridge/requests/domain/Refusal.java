package org.casebridge.requests.domain;

/**
 * Why a request was refused. A refusal always names a ground; {@link RefusalGround#OTHER} also needs an explanation.
 *
 * @param ground the ground
 * @param detail free text; required for {@code OTHER}, optional otherwise
 */
public record Refusal(RefusalGround ground, String detail) {

    /**
     * @throws RequestRuleException coded {@code REFUSAL_GROUND_REQUIRED} without a ground, or
     *                              {@code REFUSAL_DETAIL_REQUIRED} for {@code OTHER} without text
     */
    public Refusal {
        if (ground == null) {
            throw new RequestRuleException("REFUSAL_GROUND_REQUIRED", "a refusal must name its ground");
        }
        if (ground == RefusalGround.OTHER && (detail == null || detail.isBlank())) {
            throw new RequestRuleException("REFUSAL_DETAIL_REQUIRED", "a refusal on another ground must explain it");
        }
    }
}
