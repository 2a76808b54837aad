/**
 * Insight (典型案例解剖): from solving one problem to solving a class of problems. Chinese text
 * analysis (smartcn words with a user dictionary of the installation's unit, place and
 * category names, character bigrams, stop words); a Lucene index of cases kept current
 * from the case core's events and rebuildable from PostgreSQL; similar and duplicate
 * cases with their reasons, every hit checked against the confidentiality policy;
 * category suggestion by an explainable linear model trained on this installation's
 * handled cases; problem classes clustered from open and recent cases, early warnings on
 * spikes, typical-case dossiers with their before/after volume, and the 每月一题 board. It
 * only listens to casework and reads cases through its public API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insight")
package org.yixian.insight;
