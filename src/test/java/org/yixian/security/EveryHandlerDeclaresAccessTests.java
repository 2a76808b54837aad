package org.yixian.security;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EveryHandlerDeclaresAccessTests {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Test
	void every_handler_of_ours_names_who_may_call_it() {
		List<String> undeclared = new ArrayList<>();
		this.mapping.getHandlerMethods().forEach((info, method) -> {
			if (AccessDeclarationInterceptor.isOurs(method) && !AccessDeclarationInterceptor.declaresAccess(method)) {
				undeclared.add(info + " → " + method);
			}
		});
		assertThat(this.mapping.getHandlerMethods()).isNotEmpty();
		assertThat(undeclared).isEmpty();
	}

}
