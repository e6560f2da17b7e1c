package io.canvass.target;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A target node as the API shows it, with what its children add up to and the remainder left
 * undistributed ({@code value - childrenSum}); {@code children} only in a tree.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TargetView(UUID id, UUID parentId, String period, Period.Kind periodKind, LocalDate periodStart, LocalDate periodEnd,
                         Target.Level level, UUID teamId, UUID userId, Target.Metric metric, BigDecimal value, String currency,
                         Target.Status status, String remainderNote, String reviewComment, UUID submittedBy, Instant submittedAt,
                         UUID reviewedBy, Instant reviewedAt, BigDecimal childrenSum, BigDecimal remainder, int version,
                         List<TargetView> children) {

    static TargetView of(Target t, BigDecimal childrenSum, List<TargetView> children) {
        BigDecimal value = t.value.stripTrailingZeros();
        BigDecimal sum = childrenSum == null ? null : childrenSum.stripTrailingZeros();
        return new TargetView(t.id, t.parentId, t.period().label(), t.periodKind, t.periodStart, t.periodEnd, t.level, t.teamId,
                t.userId, t.metric, plain(value), t.currency, t.status, t.remainderNote, t.reviewComment, t.submittedBy,
                t.submittedAt, t.reviewedBy, t.reviewedAt, plain(sum), sum == null ? null : plain(value.subtract(sum)), t.version,
                children);
    }

    private static BigDecimal plain(BigDecimal v) {
        return v == null ? null : (v.scale() < 0 ? v.setScale(0) : v);
    }
}
