package org.casebridge.infra.provisioning;

/**
 * What one provisioning run did: how many topics, principals and ACL bindings it created and how many were there
 * already.
 */
public record ProvisioningReport(int agencies, int topicsCreated, int topicsPresent, int principalsCreated,
                                 int principalsPresent, int aclsCreated, int aclsPresent) {

    /** True if the cluster already held everything. */
    public boolean changedNothing() {
        return topicsCreated == 0 && principalsCreated == 0 && aclsCreated == 0;
    }

    /** Topics the federation needs (created plus present). */
    public int topics() {
        return topicsCreated + topicsPresent;
    }

    /** Agency principals (created plus present). */
    public int principals() {
        return principalsCreated + principalsPresent;
    }

    /** ACL bindings (created plus present). */
    public int acls() {
        return aclsCreated + aclsPresent;
    }

    @Override
    public String toString() {
        return agencies + " agencies: topics " + topicsCreated + " created, " + topicsPresent + " already present; "
                + "principals " + principalsCreated + " created, " + principalsPresent + " already present; "
                + "ACL bindings " + aclsCreated + " created, " + aclsPresent + " already present";
    }
}
