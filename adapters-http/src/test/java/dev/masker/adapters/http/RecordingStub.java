package dev.masker.adapters.http;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A use case's stand-in in routing tests: keeps what each call received and answers as the test says. A use case is
 * the method reference {@code stub::call}, so a test sees exactly the command or query its route built.
 *
 * @param <Q> what the use case takes
 * @param <A> what it answers ({@link Void} for one that answers nothing)
 */
public final class RecordingStub<Q, A> {
    private final List<Q> received = new CopyOnWriteArrayList<>();
    private volatile Function<Q, A> answer;

    public RecordingStub(Function<Q, A> answer) {
        this.answer = answer;
    }

    /** What the use case does: keeps the input, then answers it. */
    public A call(Q input) {
        received.add(input);
        return answer.apply(input);
    }

    /** Forgets what was received and answers from now on as given. */
    public void answerWith(Function<Q, A> answer) {
        received.clear();
        this.answer = answer;
    }

    /** Forgets what was received and refuses every call from now on with the code. */
    public void rejectWith(ErrorCode code) {
        answerWith(input -> {
            throw DomainException.of(code, "Refused by the test.");
        });
    }

    /** The input of the last call; fails when there was none. */
    public Q last() {
        assertFalse(received.isEmpty(), "the use case was not called");
        return received.getLast();
    }

    /** Every input, in order. */
    public List<Q> received() {
        return List.copyOf(received);
    }
}
