/**
 * Petitions (信访件) under 《信访工作条例》: the second track of the case core. Transfer or
 * assignment to the responsible unit (never the unit complained about), acceptance or
 * refusal with grounds, the unit's objection within five working days, the 60-day
 * decision with one leader-approved extension of at most 30 days, the written decisions
 * (处理意见书, 复查意见书, 复核意见书) as PDFs, 复查 and 复核 with their request windows and hearings, 终结
 * and closing after an unused window; registration rules (group visits, ID numbers,
 * repeats and 老访户), the backlog (积案) and the alert on 重大紧急 petitions.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Petitions")
package org.yixian.petition;
