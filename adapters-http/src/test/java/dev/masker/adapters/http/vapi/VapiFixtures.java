package dev.masker.adapters.http.vapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.masker.adapters.http.JsonCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The shared Vapi fixtures, copied byte for byte into {@code src/test/resources/fixtures/vapi}. In this named module
 * {@code fixtures/vapi} is a (resource-only) package of the module, so it is read through a class of the same module.
 */
final class VapiFixtures {
    static final String DIRECTORY = "/fixtures/vapi/";

    private VapiFixtures() {}

    /** The exact bytes of a fixture file. */
    static byte[] bytes(String file) {
        try (InputStream in = VapiFixtures.class.getResourceAsStream(DIRECTORY + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + DIRECTORY + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** signature-vectors.json, read with the adapters' own JSON codec. */
    static JsonNode signatureVectors() {
        return new JsonCodec().readTree(bytes("signature-vectors.json"));
    }

    static String secret() {
        return signatureVectors().get("secret").textValue();
    }

    /** The entries of {@code vectors} (must verify) or {@code must_fail} (must not). */
    static List<Vector> vectors(String list) {
        List<Vector> vectors = new ArrayList<>();
        signatureVectors()
                .get(list)
                .forEach(node -> vectors.add(new Vector(
                        node.get("file").textValue(),
                        node.get("header").textValue(),
                        node.get("value").textValue(),
                        Optional.ofNullable(node.get("timestamp_header")).map(JsonNode::textValue),
                        Optional.ofNullable(node.get("timestamp")).map(JsonNode::textValue),
                        Optional.ofNullable(node.get("form"))
                                .or(() -> Optional.ofNullable(node.get("why")))
                                .map(JsonNode::textValue)
                                .orElse(""))));
        return vectors;
    }

    /** One signed (or wrongly signed) body, with the header that carries the signature. */
    record Vector(
            String file,
            String header,
            String value,
            Optional<String> timestampHeader,
            Optional<String> timestamp,
            String description) {
        @Override
        public String toString() {
            return file + " / " + header + " / " + description;
        }
    }
}
