package org.yixian.portal;

import java.util.Arrays;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.yixian.shared.PublicEndpoint;

@Controller
class LoginController {

	private final Environment environment;

	private final ObjectProvider<DemoAccountsHint> demoHint;

	LoginController(Environment environment, ObjectProvider<DemoAccountsHint> demoHint) {
		this.environment = environment;
		this.demoHint = demoHint;
	}

	@GetMapping("/login")
	@PublicEndpoint
	String login(Model model) {
		boolean demo = Arrays.asList(this.environment.getActiveProfiles()).contains("demo");
		model.addAttribute("demo", demo);
		DemoAccountsHint hint = this.demoHint.getIfAvailable(() -> DemoAccountsHint.NONE);
		if (demo) {
			model.addAttribute("demoAccounts", hint.accounts());
			model.addAttribute("demoPassword", hint.password());
		}
		return "login";
	}

}
