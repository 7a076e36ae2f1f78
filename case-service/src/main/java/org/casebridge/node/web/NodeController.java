package org.casebridge.node.web;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.casebridge.directory.PartnerAgency;
import org.casebridge.directory.PartnerDirectory;
import org.casebridge.support.agency.AgencyConfiguration;

/** {@code GET /api/v1/node}: this node's agency, for any logged-in user (the console shows it in its header). */
@Controller("/api/v1/node")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class NodeController {

    private final NodeView node;

    public NodeController(AgencyConfiguration agency, PartnerDirectory directory, BuildVersion version) {
        // The directory factory has already refused to start a node whose agency it does not list.
        PartnerAgency self = directory.require(agency.getCode());
        this.node = new NodeView(self.code(), self.name(), self.jurisdiction(), self.timeZone().getId(),
                version.version());
    }

    @Get
    public NodeView node() {
        return node;
    }
}
