package dev.masker.domain.phi.detect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A word list shipped as a resource of this package (name lists, countries): one entry a line, lower-cased; blank
 * lines and {@code #} comments are skipped.
 */
final class WordListResource {
    private WordListResource() {}

    /** The entries of the resource, as a set the caller may change. */
    static Set<String> read(String resource) {
        Set<String> words = new HashSet<>();
        try (InputStream in = WordListResource.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("word list resource missing: " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read word list " + resource, e);
        }
        return words;
    }
}
