package org.yixian.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yixian.testing.Api;
import org.yixian.testing.Demo;
import org.yixian.testing.WebTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile values in every field of every form on every page that the application maps
 * without path variables, sent by people of the roles that use them: never a 5xx and
 * never a cut-off page.
 */
@WebTest
class PageFormFuzzTests {

	private static final Pattern FORM = Pattern.compile(
			"<form[^>]*action=\"([^\"]+)\"[^>]*method=\"post\"[^>]*>(.*?)</form>|<form[^>]*method=\"post\"[^>]*action=\"([^\"]+)\"[^>]*>(.*?)</form>",
			Pattern.DOTALL);

	private static final Pattern FIELD = Pattern.compile("name=\"([^\"_][^\"]*)\"");

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Test
	void no_hostile_form_post_gets_a_server_error_or_a_cut_off_page() {
		Set<String> pages = new LinkedHashSet<>();
		this.mapping.getHandlerMethods().forEach((info, method) -> {
			if (info.getMethodsCondition().getMethods().contains(RequestMethod.GET)) {
				info.getPathPatternsCondition().getPatternValues().forEach((p) -> {
					if (!p.startsWith("/api/") && !p.startsWith("/open311/") && !p.contains("{")
							&& !p.endsWith(".xlsx")) {
						pages.add(p);
					}
				});
			}
		});
		List<String> failures = new ArrayList<>();
		int requests = 0;
		for (String username : List.of("admin", "petition", "leader")) {
			Api session = Api.browser(this.port);
			session.formLogin(username, Demo.PASSWORD);
			for (String page : pages) {
				Api.Response html;
				try {
					html = session.get(page);
				}
				catch (IllegalStateException cutOff) {
					failures.add(username + " GET " + page + " cut off: " + cutOff.getMessage());
					continue;
				}
				if (html.status() != 200 || html.body() == null) {
					continue;
				}
				Matcher forms = FORM.matcher(html.body());
				while (forms.find()) {
					String action = (forms.group(1) != null) ? forms.group(1) : forms.group(3);
					String body = (forms.group(2) != null) ? forms.group(2) : forms.group(4);
					if (action.contains("logout")) {
						continue;
					}
					Set<String> fields = new LinkedHashSet<>();
					Matcher names = FIELD.matcher(body);
					while (names.find()) {
						fields.add(names.group(1));
					}
					for (String field : fields) {
						for (String value : List.of("\u0000", "x".repeat(100_000), "9".repeat(30), "UNKNOWN")) {
							Map<String, String> form = new LinkedHashMap<>();
							fields.forEach((f) -> form.put(f, "1"));
							form.put(field, value);
							Api.Response response;
							try {
								response = session.form(action.replace("&amp;", "&"), session.get(page).csrf(), form);
							}
							catch (IllegalStateException cutOff) {
								failures.add(username + " " + page + " → " + action + " [" + field + "] cut off");
								continue;
							}
							requests++;
							String label = username + " " + page + " → " + action + " [" + field + "]";
							if (response.status() >= 500) {
								failures.add(label + " " + response.status());
							}
							else if (response.status() == 200 && !response.body().contains("</html>")) {
								failures.add(label + " cut-off page");
							}
						}
					}
				}
			}
		}
		System.out.println("PageFormFuzzTests: " + requests + " hostile form posts, " + failures.size() + " failures");
		assertThat(requests).isGreaterThan(300);
		assertThat(failures).isEmpty();
	}

}
