package io.canvass.incentive;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A commission plan as the API shows it; percentages and amounts are decimal strings. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "CommissionPlan")
public record PlanView(UUID id, String name, @Schema(enumeration = { "MONTH", "QUARTER" }) String periodKind,
                       @Schema(enumeration = { "REP", "MANAGER" }) String appliesToRole, UUID teamId,
                       @Schema(enumeration = { "REVENUE_WON", "COLLECTED" }) String base, String currency,
                       @Schema(example = "50000.00") String cap, List<Tier> tiers, List<OneOff> oneOffs, int version) {

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CommissionPlanTier")
    public record Tier(@Schema(example = "100") String from, @Schema(example = "120") String to,
                       @Schema(example = "3") String rate, @Schema(example = "0") String extraRate) {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CommissionPlanOneOff")
    public record OneOff(@Schema(enumeration = { "DEAL_WON_ABOVE", "KEY_ACCOUNT_WON" }) String kind,
                         @Schema(example = "2000.00") String reward, @Schema(example = "500000.00") String above) {
    }

    static PlanView of(CommissionPlan p) {
        return new PlanView(p.id(), p.name(), p.periodKind().name(), p.appliesRole(), p.teamId(), p.base().name(),
                p.currency().getCurrencyCode(), p.cap() == null ? null : CommissionMaths.money(p.cap(), p),
                p.tiers().stream().map(t -> new Tier(CommissionMaths.plain(t.from()), t.to() == null ? null : CommissionMaths.plain(t.to()),
                        CommissionMaths.plain(t.rate()), CommissionMaths.plain(t.extraRate()))).toList(),
                p.oneOffs().stream().map(o -> new OneOff(o.kind().name(), CommissionMaths.money(o.reward(), p),
                        o.above() == null ? null : CommissionMaths.money(o.above(), p))).toList(),
                p.version());
    }
}
