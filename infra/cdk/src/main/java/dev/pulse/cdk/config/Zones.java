package dev.pulse.cdk.config;

import java.util.List;
import java.util.Map;

/**
 * The availability zones of a region, from configuration: the {@code zones} context (in cdk.json, one entry per
 * region) or {@code -c azs=...}. Zone names are not guessed: not every region has {@code a}, {@code b} and {@code c}
 * (us-west-1 offers two of them, which two depends on the account), and synth needs explicit names to stay offline.
 */
public final class Zones {
    private Zones() {}

    /**
     * The first {@code count} zones configured for {@code region}; {@code configured} is the {@code zones} context,
     * a map from region to a list or a comma-separated string of zone names.
     */
    public static List<String> forRegion(Object configured, String region, int count) {
        Object entry = configured instanceof Map<?, ?> map ? map.get(region) : null;
        List<String> zones = switch (entry) {
            case null -> List.of();
            case List<?> list ->
                list.stream().map(String::valueOf).map(String::strip).toList();
            default ->
                List.of(String.valueOf(entry).split(",")).stream()
                        .map(String::strip)
                        .toList();
        };
        if (zones.size() < count) {
            throw new IllegalArgumentException("region " + region + " has " + zones.size() + " zones configured, the"
                    + " environment needs " + count + ": add them to the \"zones\" context in infra/cdk/cdk.json"
                    + " (e.g. \"" + region + "\": \"" + region + "a," + region + "b," + region + "c\" if those"
                    + " exist for your account: aws ec2 describe-availability-zones) or pass -c azs=ZONE,ZONE,...");
        }
        for (String zone : zones) {
            if (!zone.startsWith(region)) {
                throw new IllegalArgumentException("zone " + zone + " is not in region " + region);
            }
        }
        return zones.subList(0, count);
    }
}
