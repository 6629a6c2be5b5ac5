package dev.masker.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import dev.masker.bootstrap.RecordingHttpRules.Registration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Compares the routes a server registers with the operations its OpenAPI document describes, both ways, and names each
 * disagreement. Operations are written {@code METHOD /path/{template}}, parameter names included.
 *
 * <p>{@code any(path, ...)} registrations are not operations. They are left out when they are a 405 fallback (the same
 * path also has method routes) or a guard in front of other routes (their path, or its {@code /*} prefix, covers a
 * route's path, as the admin authentication does for {@code /api/v1/*}); any other is reported, since it would answer
 * every method on a path the document cannot describe.
 */
final class RouteAgreement {
    private static final Set<String> OPENAPI_METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private RouteAgreement() {}

    /** Every operation of the OpenAPI document. */
    static SortedSet<String> documentedOperations(JsonNode document) {
        SortedSet<String> operations = new TreeSet<>();
        document.path("paths")
                .properties()
                .forEach(path -> path.getValue().fieldNames().forEachRemaining(method -> {
                    if (OPENAPI_METHODS.contains(method)) {
                        operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                    }
                }));
        return operations;
    }

    /** Every disagreement between the registrations and the documented operations; empty when they agree. */
    static List<String> mismatches(List<Registration> registrations, Set<String> documented) {
        SortedSet<String> routed = new TreeSet<>();
        List<Registration> anyRoutes = new ArrayList<>();
        for (Registration registration : registrations) {
            if (RecordingHttpRules.ANY.equals(registration.method())) {
                anyRoutes.add(registration);
            } else {
                routed.add(registration.toString());
            }
        }
        List<String> mismatches = new ArrayList<>();
        for (String operation : new TreeSet<>(documented)) {
            if (!routed.contains(operation)) {
                mismatches.add("documented but not routed: " + operation);
            }
        }
        for (String operation : routed) {
            if (!documented.contains(operation)) {
                mismatches.add("routed but not documented: " + operation);
            }
        }
        for (Registration any : anyRoutes) {
            if (routed.stream().map(RouteAgreement::pathOf).noneMatch(path -> covers(any.path(), path))) {
                mismatches.add("routed for every method, neither a 405 fallback nor a guard of other routes: " + any);
            }
        }
        return mismatches;
    }

    private static String pathOf(String operation) {
        return operation.substring(operation.indexOf(' ') + 1);
    }

    /** Whether an {@code any} registration's path is the route's own path or a prefix of it. */
    private static boolean covers(String anyPath, String routePath) {
        String base = anyPath.endsWith(RecordingHttpRules.EVERY_PATH)
                ? anyPath.substring(0, anyPath.length() - RecordingHttpRules.EVERY_PATH.length())
                : anyPath;
        return routePath.equals(base) || routePath.startsWith(base + "/");
    }
}
