/**
 * Knowledge base (知识库): the answers a 12345 hotline gives to common consultations —
 * articles with keywords, a category, a responsible unit, a validity window (policies
 * expire), a draft/published/archived status, versions and their history. Chinese
 * full-text search (Lucene smartcn words kept in PostgreSQL as a weighted tsvector), the
 * console's hint panel and "用此答复" (the case core records the article on the timeline and
 * this module counts its uses from the case events). An article belongs to a unit: the
 * administrators of that unit and of the units above it edit it, so that city-wide
 * articles belong to the city's administrators.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge base")
package org.yixian.knowledge;
