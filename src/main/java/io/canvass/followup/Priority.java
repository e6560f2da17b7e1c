package io.canvass.followup;

import java.util.Map;

/** The explainable priority of a due follow-up: who matters most, and who is furthest past their cadence. */
final class Priority {

    private static final Map<String, Integer> GRADE = Map.of("A", 30, "B", 20, "C", 10);
    private static final Map<String, Integer> STAGE = Map.of("KEY_ACCOUNT", 20, "HIGH_INTENT", 10, "WON", 5, "INITIAL_INTENT", 0);

    private static final Map<String, String> STAGE_EN = Map.of("KEY_ACCOUNT", "key account", "HIGH_INTENT", "high intent",
            "INITIAL_INTENT", "initial intent", "WON", "won customer", "LOST", "lost");
    private static final Map<String, String> STAGE_ZH = Map.of("KEY_ACCOUNT", "重点客户", "HIGH_INTENT", "高意向",
            "INITIAL_INTENT", "初步意向", "WON", "已成交客户", "LOST", "已流失");

    private Priority() {
    }

    /** 0–90: grade (up to 30), stage (up to 20), and staleness against the cadence (up to 40). */
    static int of(String grade, String stage, long daysSinceTouch, int cadenceDays) {
        int staleness = (int) Math.min(40, Math.round(20.0 * daysSinceTouch / Math.max(1, cadenceDays)));
        return GRADE.getOrDefault(grade, 0) + STAGE.getOrDefault(stage, 0) + staleness;
    }

    static String why(boolean english, String grade, String stage, long daysSinceTouch, int cadenceDays, long daysOverdue) {
        if (english) {
            String overdue = daysOverdue > 0 ? "overdue " + daysOverdue + (daysOverdue == 1 ? " day, " : " days, ") : "";
            return overdue + "grade " + grade + " " + STAGE_EN.get(stage) + ", " + daysSinceTouch + " days untouched, cadence "
                    + cadenceDays + " days";
        }
        String overdue = daysOverdue > 0 ? "已逾期 " + daysOverdue + " 天，" : "";
        return overdue + grade + " 类" + STAGE_ZH.get(stage) + "，" + daysSinceTouch + " 天未跟进，跟进节奏 " + cadenceDays + " 天";
    }
}
