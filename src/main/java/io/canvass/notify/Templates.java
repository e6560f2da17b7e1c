package io.canvass.notify;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reminder wording in zh-CN and English, from {@code reminders/messages.properties} (English) and
 * {@code reminders/messages_zh_CN.properties} (UTF-8). {@code {name}} is replaced with the
 * reminder's arg of that name.
 */
@ApplicationScoped
public class Templates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+)}");

    private final Properties english = load("reminders/messages.properties");
    private final Properties chinese = load("reminders/messages_zh_CN.properties");

    /** A rendered message. */
    public record Message(String title, String body) {
    }

    public Message render(String kind, String locale, Map<String, Object> args) {
        Properties messages = "en".equals(locale) ? english : chinese;
        return new Message(fill(messages.getProperty(kind + ".title"), args), fill(messages.getProperty(kind + ".body"), args));
    }

    /** Whether both languages word this kind (every registered kind does; a retired one may not). */
    public boolean knows(String kind) {
        return english.getProperty(kind + ".title") != null && chinese.getProperty(kind + ".title") != null;
    }

    /** The kind's name for the preferences screen. */
    public String label(String kind, String locale) {
        return ("en".equals(locale) ? english : chinese).getProperty(kind + ".label", kind);
    }

    void requireFor(String kind) {
        for (Properties messages : new Properties[] { english, chinese }) {
            for (String part : new String[] { ".label", ".title", ".body" }) {
                if (messages.getProperty(kind + part) == null) {
                    throw new IllegalStateException("reminder kind " + kind + " has no " + kind + part + " in both message files");
                }
            }
        }
    }

    static String fill(String template, Map<String, Object> args) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = args.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value.toString()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = Templates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
