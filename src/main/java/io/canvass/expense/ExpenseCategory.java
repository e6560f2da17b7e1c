package io.canvass.expense;

/** What an expense was for: 市场活动, 差旅, 客户招待, 培训, 其他. */
public enum ExpenseCategory {
    MARKETING_EVENTS, TRAVEL, CLIENT_ENTERTAINMENT, TRAINING, OTHER
}
