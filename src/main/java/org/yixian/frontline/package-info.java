/**
 * Frontline work (一线工作法): what leaders do away from their desks, and the records that
 * keep them to it. Reception days (接访日) published to citizens, who book a slot and get a
 * confirmation code, with every visit recorded and answered or turned into a case;
 * down-visits (下访) planned and recorded; package cases (包案), contributed to the case core
 * as shared actions so that a leader's plan, dated reports and outcome sit on the case's
 * own timeline; on-site office sessions (现场办公会) and research visits (调研) whose problems
 * become tasks with an owner unit, a due date and evidence; surveys (问需于民) answered once
 * per person from a phone; and the leader's desk that gathers all of it for one morning
 * look. Cases created here are ordinary cases of the core whose origin points back here;
 * the core never depends on this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Frontline work")
package org.yixian.frontline;
