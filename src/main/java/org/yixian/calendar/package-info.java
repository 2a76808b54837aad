/**
 * The business calendar and the deadline engine: days off and make-up working days per
 * year as data, and the three ways of counting a period (hours, calendar days, working
 * days) that both clocks — 12345 demands and petitions — use.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Business calendar")
package org.yixian.calendar;
