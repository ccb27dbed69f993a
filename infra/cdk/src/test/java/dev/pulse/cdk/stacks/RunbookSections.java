package dev.pulse.cdk.stacks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/** The anchors an alarm may link in the runbook: each {@code ### a} heading, and each name of {@code ### a and b}. */
final class RunbookSections {
    private RunbookSections() {}

    static Set<String> of(Path runbook) throws IOException {
        Set<String> anchors = new TreeSet<>();
        for (String line : Files.readAllLines(runbook)) {
            if (line.startsWith("### ")) {
                String heading = line.substring(4).strip();
                anchors.add(heading.replace(' ', '-'));
                anchors.addAll(Arrays.asList(heading.split(" and ")));
            }
        }
        return anchors;
    }
}
