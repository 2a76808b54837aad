/**
 * Metrics: the 三率 (response, resolution, satisfaction) and the other rates of the monthly
 * scorecards, per unit and subtree and period, for demands and petitions; rankings of
 * districts, departments, streets and utilities with the 红黑榜; drill-down to the cases
 * behind every figure; the dashboard, the map and the monthly report. Every answer comes
 * from roll-ups that casework's domain events keep current (see {@code MetricsFeed}),
 * never from scanning cases; {@code rebuild-metrics} recomputes them from the timelines.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Metrics")
package org.yixian.metrics;
