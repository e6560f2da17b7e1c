package io.canvass.deal;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Deals by stage: how many and how much, per currency (amounts in different currencies are
 * never added together).
 */
@Schema(name = "Pipeline")
public record Pipeline(List<StageTotal> stages) {

    /** One stage. */
    public record StageTotal(Deal.Stage stage, long count, List<Amount> amounts) {
    }

    /** A sum in one currency. */
    public record Amount(String currency, @Schema(example = "356000.00") String amount) {
    }
}
