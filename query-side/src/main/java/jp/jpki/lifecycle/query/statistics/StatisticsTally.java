package jp.jpki.lifecycle.query.statistics;

import jp.jpki.lifecycle.api.query.StatisticsOperation;

/** One count an event adds, with the fee it books (0 but on the first certificate, R-PRC-7). */
record StatisticsTally(String kind, StatisticsOperation operation, String reason, long feeYen) {
}
