package dev.masker.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Labels come from Masker's own route table and HTTP's method names, never from what the caller wrote. */
class RequestLabelsTest {

    @Test
    void givenMatchedRoute_route_isItsTemplate() {
        assertEquals("/vapi/webhook/{agent_id}", RequestLabels.route(Optional.of("/vapi/webhook/{agent_id}")));
    }

    @Test
    void givenNoOrEmptyPattern_route_isUnmatched() {
        assertEquals(RequestLabels.UNMATCHED, RequestLabels.route(Optional.empty()));
        assertEquals(RequestLabels.UNMATCHED, RequestLabels.route(Optional.of("")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT"})
    void givenStandardMethod_method_isKept(String method) {
        assertEquals(method, RequestLabels.method(method));
    }

    @ParameterizedTest
    @ValueSource(strings = {"BREW", "get", "PHONE13125550199", "X-SECRET"})
    void givenMadeUpMethod_method_isOther(String method) {
        assertEquals(RequestLabels.OTHER_METHOD, RequestLabels.method(method));
    }
}
