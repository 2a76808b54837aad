package org.yixian;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(YixianApplication.class);

	@Test
	void modules_respect_their_boundaries_and_have_no_cycles() {
		this.modules.verify();
	}

	@Test
	void writes_the_module_documentation() {
		new Documenter(this.modules).writeDocumentation();
	}

}
