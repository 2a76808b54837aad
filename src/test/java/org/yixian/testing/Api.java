package org.yixian.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client against the running test server: Basic, Bearer or a browser-like
 * session with cookies and CSRF tokens.
 */
public final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final int port;

	private final String authorization;

	private final HttpClient client;

	private Api(int port, String authorization, HttpClient client) {
		this.port = port;
		this.authorization = authorization;
		this.client = client;
	}

	public static Api anonymous(int port) {
		return new Api(port, null, HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build());
	}

	public static Api basic(int port, String username, String password) {
		String value = "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		return new Api(port, value, HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build());
	}

	public static Api bearer(int port, String token) {
		return new Api(port, "Bearer " + token,
				HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build());
	}

	/**
	 * A browser-like session (cookies, no redirects followed), not yet signed in.
	 */
	public static Api browser(int port) {
		return new Api(port, null,
				HttpClient.newBuilder()
					.cookieHandler(new CookieManager())
					.followRedirects(HttpClient.Redirect.NEVER)
					.build());
	}

	/**
	 * The same client (credentials, cookies) against another port: another node.
	 */
	public Api onPort(int otherPort) {
		return new Api(otherPort, this.authorization, this.client);
	}

	/**
	 * Signs in through the login form.
	 * @return the redirect target ({@code /} on success, {@code /login?error} on failure)
	 */
	public String formLogin(String username, String password) {
		Response page = get("/login");
		Response result = form("/login", page.csrf(), Map.of("username", username, "password", password));
		return result.header("Location");
	}

	public Response get(String path) {
		return send(request(path).GET());
	}

	public Response post(String path, String json) {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
	}

	public Response post(String path, String json, Map<String, String> headers) {
		HttpRequest.Builder builder = request(path).header("Content-Type", "application/json");
		headers.forEach(builder::header);
		return send(builder.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
	}

	/**
	 * Uploads one file as {@code multipart/form-data} field {@code file}.
	 */
	public Response upload(String path, String fileName, String claimedType, byte[] content) {
		String boundary = "----yixian" + System.nanoTime();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: " + claimedType + "\r\n\r\n";
		body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	/**
	 * A file part of {@link #multipart}.
	 */
	public record FilePart(String field, String fileName, String claimedType, byte[] content) {
	}

	/**
	 * Posts a {@code multipart/form-data} form (fields, then files), with the CSRF token
	 * the page carried, accepting HTML as a browser does.
	 */
	public Response multipart(String path, String csrf, Map<String, String> fields, java.util.List<FilePart> files) {
		String boundary = "----yixian" + System.nanoTime();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		Map<String, String> all = new LinkedHashMap<>(fields);
		if (csrf != null) {
			all.put("_csrf", csrf);
		}
		all.forEach((name, value) -> body.writeBytes(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
					.getBytes(StandardCharsets.UTF_8)));
		for (FilePart file : files) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field()
					+ "\"; filename=\"" + file.fileName() + "\"\r\nContent-Type: " + file.claimedType() + "\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.writeBytes(file.content());
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	/**
	 * The raw bytes of a GET.
	 */
	public byte[] bytes(String path) {
		try {
			return this.client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray()).body();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public Response put(String path, String json) {
		return send(request(path).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
	}

	public Response delete(String path) {
		return send(request(path).DELETE());
	}

	/**
	 * Posts a form, with the CSRF token the page carried.
	 */
	public Response form(String path, String csrf, Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		if (csrf != null) {
			all.put("_csrf", csrf);
		}
		String body = all.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (this.authorization != null) {
			builder.header("Authorization", this.authorization);
		}
		return builder;
	}

	private Response send(HttpRequest.Builder builder) {
		try {
			HttpResponse<String> response = this.client.send(builder.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Response(response);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A response with helpers for JSON and CSRF tokens.
	 */
	public record Response(HttpResponse<String> raw) {

		public int status() {
			return this.raw.statusCode();
		}

		public String body() {
			return this.raw.body();
		}

		public String header(String name) {
			return this.raw.headers().firstValue(name).orElse(null);
		}

		public JsonNode json() {
			return JSON.readTree(this.raw.body());
		}

		public String csrf() {
			Matcher matcher = CSRF.matcher(this.raw.body());
			return matcher.find() ? matcher.group(1) : null;
		}

		/**
		 * The fields named in a problem's {@code errors}.
		 */
		public java.util.List<String> errorFields() {
			java.util.List<String> fields = new java.util.ArrayList<>();
			json().path("errors").forEach((e) -> fields.add(e.path("field").asString()));
			return fields;
		}

	}

}
