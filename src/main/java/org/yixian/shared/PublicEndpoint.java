package org.yixian.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler that anyone may call without signing in. Every other handler must
 * declare who may call it with {@code @PreAuthorize}; one that declares nothing is
 * refused.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PublicEndpoint {

}
