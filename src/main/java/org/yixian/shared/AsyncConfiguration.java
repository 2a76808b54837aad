package org.yixian.shared;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Lets modules react to domain events after the transaction that published them
 * ({@code @ApplicationModuleListener} runs asynchronously, its publication kept in the
 * event publication registry until it completes).
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class AsyncConfiguration {

}
