/**
 * The organisation: the unit tree (city, districts, streets and towns, communities,
 * departments, utilities, the 12345 hotline and the petition office), the people in it,
 * their roles, and the data scope that follows from where a person sits in the tree.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisation")
package org.yixian.organisation;
