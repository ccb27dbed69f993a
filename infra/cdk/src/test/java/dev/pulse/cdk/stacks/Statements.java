package dev.pulse.cdk.stacks;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.assertions.Match;

/** Matchers for IAM statements inside a policy document's Statement array. */
final class Statements {
    private Statements() {}

    static Object policyWith(Map<String, Object> statement) {
        return Match.objectLike(Map.of(
                "PolicyDocument",
                Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(statement)))))));
    }
}
