/**
 * Routing: the dispatch catalogue (派单目录) that sends a case of a category in an area to
 * the responsible unit, with copies (直派街乡, 抄送区), and the time-limit policies that set
 * each case's signing and reply periods. Both are data that administrators edit; the most
 * specific entry wins.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Routing")
package org.yixian.routing;
