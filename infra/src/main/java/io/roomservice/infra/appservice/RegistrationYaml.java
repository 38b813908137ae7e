package io.roomservice.infra.appservice;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The appservice registration file the homeserver loads. Namespace regexes are anchored at both ends
 * (Synapse applies them with Python's {@code re.match}, anchored only at the start) and every literal
 * character is escaped, so {@code roomservice.test} does not also match {@code roomservicextest}.
 * {@code rate_limited: false} keeps the homeserver's limits off the bot and the users it acts for.
 */
final class RegistrationYaml {

    private RegistrationYaml() {
    }

    /** Everything that goes into the file. */
    record Registration(String id, String url, String asToken, String hsToken, String senderLocalpart,
                        String domain, String namespacePrefix) {

        @Override
        public String toString() {
            return "Registration[id=" + id + ", url=" + url + ", senderLocalpart=" + senderLocalpart + ", domain="
                    + domain + ", namespacePrefix=" + namespacePrefix + ", tokens=******]";
        }
    }

    static String render(Registration r) {
        String domain = escape(r.domain());
        Map<String, Object> namespaces = new LinkedHashMap<>();
        namespaces.put("users", List.of(
                namespace("^@" + escape(r.senderLocalpart()) + ":" + domain + "$"),
                namespace("^@" + escape(r.namespacePrefix() + "-") + ".+:" + domain + "$")));
        namespaces.put("aliases", List.of(
                namespace("^#" + escape(r.namespacePrefix() + "-") + ".+:" + domain + "$")));
        namespaces.put("rooms", List.of());

        Map<String, Object> file = new LinkedHashMap<>();
        file.put("id", r.id());
        file.put("url", r.url());
        file.put("as_token", r.asToken());
        file.put("hs_token", r.hsToken());
        file.put("sender_localpart", r.senderLocalpart());
        file.put("rate_limited", false);
        file.put("namespaces", namespaces);

        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        return "# Appservice registration for roomservice. Load it in the homeserver (Synapse:\n"
                + "# app_service_config_files) and restart the homeserver. Contains secrets.\n"
                + new Yaml(options).dump(file);
    }

    private static Map<String, Object> namespace(String regex) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("exclusive", true);
        entry.put("regex", regex);
        return entry;
    }

    /** Escapes every character but ASCII letters, digits and underscore (valid in Python and Java regexes). */
    static String escape(String literal) {
        StringBuilder escaped = new StringBuilder(literal.length() * 2);
        literal.chars().forEach(c -> {
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            if (!plain) {
                escaped.append('\\');
            }
            escaped.append((char) c);
        });
        return escaped.toString();
    }
}
