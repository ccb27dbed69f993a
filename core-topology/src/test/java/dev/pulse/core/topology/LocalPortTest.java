package dev.pulse.core.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalPortTest {

    /** The lines a shell loop reads as NAME=VALUE; comments and blank lines aside. */
    private static List<String> declarations() throws IOException {
        try (InputStream in = LocalPort.class.getResourceAsStream(LocalPort.RESOURCE)) {
            assertThat(in).as(LocalPort.RESOURCE).isNotNull();
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .toList();
        }
    }

    @Test
    void givenTheDeclarations_whenReadByTheShell_thenEveryLineIsAPlainNameEqualsPort() throws IOException {
        assertThat(declarations()).isNotEmpty().allMatch(line -> line.matches("PULSE_[A-Z_]+_PORT=[0-9]{1,5}"));
    }

    @Test
    void givenTheDeclarations_thenTheyNameExactlyTheEnumsVariables() throws IOException {
        List<String> declared = declarations().stream()
                .map(line -> line.substring(0, line.indexOf('=')))
                .toList();

        assertThat(declared)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(LocalPort.values())
                        .map(LocalPort::variable)
                        .toList());
    }

    @Test
    void givenEveryPort_thenItsDefaultIsADistinctTcpPort() {
        List<Integer> ports =
                Arrays.stream(LocalPort.values()).map(LocalPort::defaultPort).toList();

        assertThat(ports).allMatch(port -> port >= 1 && port <= 65535).doesNotHaveDuplicates();
    }

    @Test
    void givenAPort_thenItsVariableIsPulseNamePort() {
        assertThat(LocalPort.OPENSEARCH_TRANSPORT.variable()).isEqualTo("PULSE_OPENSEARCH_TRANSPORT_PORT");
        assertThat(LocalPort.REDIS.variable()).isEqualTo("PULSE_REDIS_PORT");
    }
}
