package dev.pulse.accounts;

import static dev.pulse.accounts.TestApp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Found by AccountsFuzzIT: instants at the ends of {@code Instant}'s range made the dashboards route answer 500. */
class DashboardBoundsTest {
    private final TestApp app = new TestApp();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "-1000000000-01-01T00:00:00Z",
                "+1000000000-12-31T23:59:59.999999999Z",
                "-999999999-01-01T00:00:00Z",
                "+10000-01-01T00:00:00Z",
                "1969-12-31T23:59:59Z"
            })
    void givenAToOutsideTheYears1970To9999_then400InvalidTo_notA500(String to) {
        app.createAccount("ada", "Acme");

        APIGatewayV2HTTPResponse response = app.call(Calls.as("ada", "GET /accounts/me/dashboards/{period}")
                .path("period", "day")
                .query("to", to));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).isEqualTo("invalid_to");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1000000000-01-01T00:00:00Z", "+1000000000-12-31T23:59:59.999999999Z"})
    void givenAFromOutsideTheYears1970To9999_then400InvalidFrom(String from) {
        app.createAccount("ada", "Acme");

        APIGatewayV2HTTPResponse response = app.call(Calls.as("ada", "GET /accounts/me/dashboards/{period}")
                .path("period", "hour")
                .query("from", from));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).isEqualTo("invalid_from");
    }
}
