package org.checkpointlab.model.lesson;

import java.util.List;
import java.util.Objects;

/**
 * The question a step asks the learner to answer from what they saw.
 *
 * @param choices     the answers on offer
 * @param correct     index of the right one in {@code choices}
 * @param explanation shown once the learner picked the right answer
 */
public record Question(List<LocalizedText> choices, int correct, LocalizedText explanation) {
    public Question {
        choices = List.copyOf(choices);
        Objects.requireNonNull(explanation, "explanation");
        if (correct < 0 || correct >= choices.size()) {
            throw new IllegalArgumentException("correct answer " + correct + " is not one of the "
                    + choices.size() + " choices");
        }
    }
}
