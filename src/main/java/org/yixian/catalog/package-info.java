/**
 * The category catalogue: the tree of problem categories (一级/二级/三级分类) that intake,
 * dispatch rules, time limits and analytics share. Administrators edit it; code asks only
 * about codes and the tree.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog")
package org.yixian.catalog;
