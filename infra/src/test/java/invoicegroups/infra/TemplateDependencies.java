package invoicegroups.infra;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The order CloudFormation must create a template's resources in, as CloudFormation derives it: resource A depends on
 * B when A's Properties, Metadata, UpdatePolicy or CreationPolicy name B with {@code Ref}, {@code Fn::GetAtt} (list or
 * "B.Attribute" form) or a {@code Fn::Sub} variable ({@code ${B}}, {@code ${B.Attribute}}), or A's DependsOn lists B.
 * CloudFormation refuses a template whose graph has a cycle ("Circular dependency between resources") before it
 * creates anything; {@link #cycles()} finds each one and names it edge by edge.
 */
final class TemplateDependencies {

    /** {@code from} depends on {@code to}, because of what is at {@code where} in {@code from}. */
    record Edge(String from, String to, String where) {
    }

    /** Fn::Sub variables, except the literal {@code ${!...}} form. */
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{(?!!)([^}]+)}");
    private static final List<String> DEPENDENCY_SECTIONS = List.of("Properties", "Metadata", "UpdatePolicy", "CreationPolicy");

    private final Map<String, List<Edge>> edges = new TreeMap<>();

    private TemplateDependencies(Map<String, Map<String, Object>> resources) {
        resources.keySet().forEach(id -> edges.put(id, new ArrayList<>()));
        resources.forEach((id, resource) -> {
            for (String section : DEPENDENCY_SECTIONS) {
                walk(id, resource.get(section), section, resources.keySet());
            }
            Object dependsOn = resource.get("DependsOn");
            List<?> names = dependsOn instanceof List<?> list ? list : dependsOn == null ? List.of() : List.of(dependsOn);
            names.forEach(name -> add(id, String.valueOf(name), "DependsOn", resources.keySet()));
        });
    }

    @SuppressWarnings("unchecked")
    static TemplateDependencies of(Map<String, Object> template) {
        Object resources = template.get("Resources");
        return new TemplateDependencies(resources == null ? Map.of() : (Map<String, Map<String, Object>>) resources);
    }

    /** What each resource depends on directly. */
    List<Edge> edgesFrom(String resource) {
        return List.copyOf(edges.getOrDefault(resource, List.of()));
    }

    /**
     * One cycle per group of resources that depend on each other (strongly connected component), each as the edges
     * from a resource back to itself; empty when CloudFormation can order the template.
     */
    List<List<Edge>> cycles() {
        List<List<Edge>> cycles = new ArrayList<>();
        for (Set<String> component : new StronglyConnected().components()) {
            String start = component.iterator().next();
            boolean selfLoop = edges.get(start).stream().anyMatch(edge -> edge.to().equals(start));
            if (component.size() > 1 || selfLoop) {
                cycles.add(cycleThrough(start, component));
            }
        }
        return cycles;
    }

    /** "A -[UpdatePolicy...Ref]-> B -[...]-> A", one line per cycle. */
    static String describe(List<List<Edge>> cycles) {
        return cycles.stream().map(cycle -> cycle.get(0).from() + cycle.stream()
                        .map(edge -> " -[" + edge.where() + "]-> " + edge.to())
                        .collect(Collectors.joining()))
                .collect(Collectors.joining("\n"));
    }

    @SuppressWarnings("unchecked")
    private void walk(String from, Object node, String where, Set<String> resources) {
        if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(from, list.get(i), where + "." + i, resources);
            }
            return;
        }
        if (!(node instanceof Map<?, ?> map)) {
            return;
        }
        if (map.size() == 1 && map.containsKey("Ref") && map.get("Ref") instanceof String target) {
            add(from, target, where + " Ref", resources);
            return;
        }
        if (map.size() == 1 && map.containsKey("Fn::GetAtt")) {
            Object getAtt = map.get("Fn::GetAtt");
            String target = getAtt instanceof List<?> list && !list.isEmpty() ? String.valueOf(list.get(0))
                    : String.valueOf(getAtt).split("\\.", 2)[0];
            add(from, target, where + " Fn::GetAtt", resources);
            return;
        }
        if (map.size() == 1 && map.containsKey("Fn::Sub")) {
            Object sub = map.get("Fn::Sub");
            Object text = sub instanceof List<?> list && !list.isEmpty() ? list.get(0) : sub;
            Map<String, Object> variables = sub instanceof List<?> list && list.size() > 1 && list.get(1) instanceof Map<?, ?> vars
                    ? (Map<String, Object>) vars : Map.of();
            variables.forEach((name, value) -> walk(from, value, where + " Fn::Sub." + name, resources));
            if (text instanceof String string) {
                Matcher variable = SUB_VARIABLE.matcher(string);
                while (variable.find()) {
                    String name = variable.group(1).strip();
                    if (!variables.containsKey(name)) {
                        add(from, name.split("\\.", 2)[0], where + " Fn::Sub ${" + name + "}", resources);
                    }
                }
            }
            return;
        }
        map.forEach((key, value) -> walk(from, value, where + "." + key, resources));
    }

    /** Only resources count: Refs to parameters and pseudo parameters (AWS::Region) order nothing. */
    private void add(String from, String to, String where, Set<String> resources) {
        if (resources.contains(to)) {
            edges.get(from).add(new Edge(from, to, where));
        }
    }

    /** A shortest path from {@code start} back to itself inside its component (breadth first). */
    private List<Edge> cycleThrough(String start, Set<String> component) {
        Map<String, Edge> reachedBy = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String node = queue.removeFirst();
            for (Edge edge : edges.get(node)) {
                if (edge.to().equals(start)) {
                    List<Edge> path = new ArrayList<>(List.of(edge));
                    for (String at = node; !at.equals(start); at = reachedBy.get(at).from()) {
                        path.add(0, reachedBy.get(at));
                    }
                    return path;
                }
                if (component.contains(edge.to()) && !reachedBy.containsKey(edge.to())) {
                    reachedBy.put(edge.to(), edge);
                    queue.addLast(edge.to());
                }
            }
        }
        throw new IllegalStateException(start + " is in a cycle but no path leads back to it");
    }

    /** Tarjan's strongly connected components, iterative over the sorted resource ids (deterministic output). */
    private final class StronglyConnected {
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> lowLink = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new HashSet<>();
        private final List<Set<String>> components = new ArrayList<>();

        List<Set<String>> components() {
            edges.keySet().forEach(node -> {
                if (!index.containsKey(node)) {
                    connect(node);
                }
            });
            return components;
        }

        private void connect(String root) {
            Deque<Map.Entry<String, Integer>> work = new ArrayDeque<>();
            visit(root);
            work.push(Map.entry(root, 0));
            while (!work.isEmpty()) {
                Map.Entry<String, Integer> frame = work.pop();
                String node = frame.getKey();
                List<Edge> out = edges.get(node);
                int next = frame.getValue();
                if (next < out.size()) {
                    work.push(Map.entry(node, next + 1));
                    String to = out.get(next).to();
                    if (!index.containsKey(to)) {
                        visit(to);
                        work.push(Map.entry(to, 0));
                    } else if (onStack.contains(to)) {
                        lowLink.put(node, Math.min(lowLink.get(node), index.get(to)));
                    }
                    continue;
                }
                if (lowLink.get(node).equals(index.get(node))) {
                    Set<String> component = new TreeSet<>();
                    String member;
                    do {
                        member = stack.pop();
                        onStack.remove(member);
                        component.add(member);
                    } while (!member.equals(node));
                    components.add(component);
                }
                if (!work.isEmpty()) {
                    String parent = work.peek().getKey();
                    lowLink.put(parent, Math.min(lowLink.get(parent), lowLink.get(node)));
                }
            }
        }

        private void visit(String node) {
            index.put(node, index.size());
            lowLink.put(node, index.get(node));
            stack.push(node);
            onStack.add(node);
        }
    }
}
