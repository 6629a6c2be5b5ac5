package dev.masker.domain.chat;

import dev.masker.domain.phi.LeakFinding;
import dev.masker.domain.phi.Rehydration;
import dev.masker.domain.phi.Rehydrator;
import dev.masker.domain.phi.TokenLookup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rehydrates a whole (non-streamed) chat-completions answer: in every choice, the message's {@code content} (a string
 * or content parts' {@code text}) and the {@code arguments} of its tool calls and legacy function call. Everything else
 * — ids, usage, unknown fields — passes through.
 */
public final class ChatCompletionAnswer {
    private final Rehydrator rehydrator;
    private int restored;
    private final List<LeakFinding> findings = new ArrayList<>();

    /** A rehydrator for one answer; the lookup decides which tokens open. */
    public ChatCompletionAnswer(TokenLookup lookup) {
        this.rehydrator = new Rehydrator(lookup);
    }

    /** A copy of the answer with its tokens put back. */
    public Map<String, Object> rehydrate(Map<String, Object> answer) {
        if (!(answer.get("choices") instanceof List<?> choices)) {
            return answer;
        }
        Map<String, Object> copy = JsonTrees.copy(answer);
        copy.put(
                "choices",
                choices.stream()
                        .map(choice -> {
                            if (!(choice instanceof Map<?, ?> map)
                                    || !(map.get("message") instanceof Map<?, ?> message)) {
                                return choice;
                            }
                            Map<String, Object> choiceCopy = JsonTrees.copy(map);
                            choiceCopy.put("message", JsonTrees.rewriteMessage(message, this::text, null));
                            return choiceCopy;
                        })
                        .toList());
        return copy;
    }

    /** How many tokens were put back. */
    public int restored() {
        return restored;
    }

    /** The tokens that were left as they were: another session's, forged, or of no known kind. */
    public List<LeakFinding> findings() {
        return List.copyOf(findings);
    }

    private String text(String text) {
        Rehydration rehydration = rehydrator.rehydrate(text);
        restored += rehydration.restored();
        findings.addAll(rehydration.findings());
        return rehydration.text();
    }
}
