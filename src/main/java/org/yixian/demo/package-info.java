/**
 * The demo city 示范市: districts, streets, communities, departments, utilities, a 12345
 * hotline centre and a petition office, the fifteen first-level categories of Chinese
 * government message boards, and one account per role. On by default with the embedded
 * database; never seeded into an external database unless asked for.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo city")
package org.yixian.demo;
