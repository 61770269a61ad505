package invoicegroups.infra;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The cfn-lint findings the stack accepts, each once, with its reason: {@value #FILE} at the repository root's
 * {@code infra/}. A finding is accepted when an entry names its rule and the type of the resource it is in, and the
 * entry's regular expression matches its whole message.
 */
final class AcceptedLintFindings {

    static final String FILE = "cfn-lint-accepted.json";

    /** One accepted finding. */
    record Entry(String rule, String resourceType, String message, String reason) {

        boolean accepts(String findingRule, String findingResourceType, String findingMessage) {
            return rule.equals(findingRule) && resourceType.equals(findingResourceType)
                    && Pattern.compile(message, Pattern.DOTALL).matcher(findingMessage).matches();
        }

        @Override
        public String toString() {
            return rule + " on " + resourceType + " /" + message + "/";
        }
    }

    private record Document(String about, List<Entry> accepted) {
    }

    private AcceptedLintFindings() {
    }

    static Path file() {
        return Artifacts.repositoryRoot().resolve("infra").resolve(FILE);
    }

    static List<Entry> read() throws IOException {
        Document document = new ObjectMapper().readValue(file().toFile(), new TypeReference<Document>() { });
        return document.accepted();
    }

    /** The entry that accepts the finding, if any. */
    static Optional<Entry> acceptance(List<Entry> entries, String rule, String resourceType, String message) {
        return entries.stream().filter(entry -> entry.accepts(rule, resourceType, message)).findFirst();
    }

    /** Resource types by logical id, for findings that name only the logical id. */
    @SuppressWarnings("unchecked")
    static Map<String, String> resourceTypes(Map<String, Object> template) {
        Map<String, Map<String, Object>> resources = (Map<String, Map<String, Object>>) template.get("Resources");
        return resources.entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey, entry -> String.valueOf(entry.getValue().get("Type"))));
    }
}
