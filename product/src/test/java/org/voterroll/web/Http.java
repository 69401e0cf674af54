package org.voterroll.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A plain HTTP client as a browser or another system would be: a session (form login, CSRF token) or HTTP Basic. */
final class Http {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    private final String base;
    private final HttpClient client;
    private final String basic;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Http(String base, String user, String password, boolean session) {
        this.base = base;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.basic = session || user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static Http anonymous(String base) {
        return new Http(base, null, null, true);
    }

    static Http basic(String base, String user, String password) {
        return new Http(base, user, password, false);
    }

    /** Logs in through the login form, as the browser does; the session cookie is kept. */
    static Http session(String base, String user, String password) throws Exception {
        Http h = new Http(base, user, password, true);
        HttpResponse<byte[]> r = h.form("/login", Map.of("username", user, "password", password));
        String location = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 || location.contains("error")) throw new IllegalStateException("login of " + user + " failed: " + location);
        return h;
    }

    /** A header sent with every request of this client from now on (X-Forwarded-For, X-Forwarded-Proto as a proxy would). */
    Http header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    HttpResponse<byte[]> get(String path) throws Exception {
        return send(request(path).GET().build());
    }

    /** A form POST with the session's CSRF token (read from the login page, which every session may open). */
    HttpResponse<byte[]> form(String path, Map<String, String> fields) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf());
        String body = all.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<byte[]> postJson(String path, String json) throws Exception {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    String csrf() throws Exception {
        String page = new String(get("/login").body(), StandardCharsets.UTF_8);
        Matcher m = CSRF.matcher(page);
        if (!m.find()) throw new IllegalStateException("no CSRF token on the login page");
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (basic != null) b.header("Authorization", basic);
        headers.forEach(b::header);
        return b;
    }

    private HttpResponse<byte[]> send(HttpRequest r) throws Exception {
        return client.send(r, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
