package dev.pulse.cdk.config;

/** OpenSearch domain size: data nodes, optional dedicated masters, EBS volume, and zone awareness. */
public record SearchSize(
        String dataNodeType, int dataNodes, String masterNodeType, int masterNodes, int volumeGb, int zones) {
    public SearchSize {
        if (dataNodes < 1 || volumeGb < 10) {
            throw new IllegalArgumentException("the search domain needs a data node and at least 10 GB");
        }
        if (masterNodes != 0 && masterNodes != 3 && masterNodes != 5) {
            throw new IllegalArgumentException("dedicated masters come in 0, 3 or 5");
        }
        if (zones < 1 || zones > 3 || (zones > 1 && dataNodes % zones != 0)) {
            throw new IllegalArgumentException("data nodes must spread evenly over 1-3 zones");
        }
    }

    public boolean zoneAware() {
        return zones > 1;
    }
}
