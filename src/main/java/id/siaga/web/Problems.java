package id.siaga.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every error answer may say, wherever it is written (MVC's advice, the servlet filters, Spring Security's
 * firewall, the error page, Tomcat's own error report): a reason a person can act on, which echoes at most
 * {@value #MAX_ECHO} characters of anything the client sent and never names the server's insides (Java types,
 * exceptions, SQL). A detail that would is replaced by the status's plain reason; the original is for the log.
 */
public final class Problems {

    /** The most of one value (an id, a path, a token) an answer repeats back; a longer one is cut and ends in "…". */
    public static final int MAX_ECHO = 64;
    /** The longest path an answer's {@code instance} repeats. */
    static final int MAX_PATH = 2 * MAX_ECHO;
    /** The longest detail sent: enough for every field of a body to be named, not for a client's megabyte to come back. */
    static final int MAX_DETAIL = 1000;
    /** The media type of every error answer (RFC 9457). */
    public static final String MEDIA_TYPE = "application/problem+json";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern LONG_RUN = Pattern.compile("\\S{" + (MAX_ECHO + 1) + ",}");
    /** Package names of the server's code and libraries, exception class names and SQL: what must never reach a client. */
    private static final Pattern INTERNALS = Pattern.compile(
            "\\b(?:java|javax|jakarta|id\\.siaga|org\\.springframework|org\\.apache|org\\.h2|org\\.postgresql|tools\\.jackson|com\\.fasterxml|com\\.zaxxer)\\.[a-z]"
                    + "|[A-Za-z]Exception\\b|\\bSQL|\\bJDBC\\b|`[\\w$.]+`");

    private Problems() {
    }

    /**
     * {@code value} as an answer may repeat it: at most {@value #MAX_ECHO} characters, then "…"; a control character
     * or a lone surrogate shows as U+FFFD.
     */
    public static String echo(String value) {
        if (value == null) {
            return "";
        }
        String cut = value.length() <= MAX_ECHO ? value : value.substring(0, MAX_ECHO);
        StringBuilder shown = new StringBuilder(cut.length() + 1);
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < cut.length() && Character.isLowSurrogate(cut.charAt(i + 1))) {
                shown.append(c).append(cut.charAt(++i));
            } else {
                shown.append(Character.isSurrogate(c) || Character.isISOControl(c) ? '\uFFFD' : c);
            }
        }
        return cut.length() < value.length() ? shown.append('…').toString() : shown.toString();
    }

    /**
     * The detail as sent: every run of more than {@value #MAX_ECHO} characters without a space cut (a 10,000-character
     * id comes back as its first 64), the whole at {@value #MAX_DETAIL}; and the status's reason instead when the detail
     * names Java types, exceptions or SQL.
     */
    public static String safeDetail(int status, String detail) {
        if (detail == null || detail.isBlank()) {
            return reason(status);
        }
        if (leaksInternals(detail)) {
            return reason(status);
        }
        Matcher m = LONG_RUN.matcher(detail);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(echo(m.group())));
        }
        m.appendTail(out);
        return out.length() <= MAX_DETAIL ? out.toString() : out.substring(0, MAX_DETAIL) + "…";
    }

    /** True when the text names the server's insides: a package of its code or libraries, an exception, SQL. */
    public static boolean leaksInternals(String detail) {
        return INTERNALS.matcher(detail).find();
    }

    /** The status's plain reason, in the words of the answer's title, for a detail that says nothing more. */
    public static String reason(int status) {
        if (status == 500) {
            return "internal error; it has been logged";
        }
        if (status == 503) {
            return "the service is unavailable; try again shortly";
        }
        HttpStatus known = HttpStatus.resolve(status);
        String phrase = known == null ? "" : ": " + known.getReasonPhrase().toLowerCase(java.util.Locale.ROOT);
        return (status >= 500 ? "the request was not served" : "the request was refused") + phrase;
    }

    /** The title of a status: its reason phrase ("Bad Request"). */
    public static String title(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }

    /**
     * The request path as an answer's {@code instance}: the path only (never the query), cut at {@value #MAX_PATH}
     * characters, which every path of the API fits.
     */
    public static String instance(String path) {
        String p = path == null || path.isEmpty() ? "/" : path;
        return p.length() <= MAX_PATH ? p : p.substring(0, MAX_PATH) + "…";
    }

    /** Writes {@link #json} as the whole answer, for the servlet filters and handlers outside MVC. */
    public static void write(HttpServletRequest request, HttpServletResponse response, int status, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json(status, detail, request.getRequestURI()));
    }

    /**
     * A complete problem document for the writers outside MVC (filters, the firewall, the error page, Tomcat's error
     * report); the detail passes {@link #safeDetail}.
     */
    public static String json(int status, String detail, String path) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title(status));
        body.put("status", status);
        body.put("detail", safeDetail(status, detail));
        body.put("instance", instance(path));
        return JSON.writeValueAsString(body);
    }
}
