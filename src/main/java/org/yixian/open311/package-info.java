/**
 * Open311 GeoReport v2, the international civic-request API: discovery, services and
 * their definitions (extra questions per category), creating requests through the same
 * intake as every channel, reading requests and their public updates — in XML and JSON,
 * with API keys for clients that create.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Open311")
package org.yixian.open311;
