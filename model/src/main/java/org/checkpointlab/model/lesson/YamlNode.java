package org.checkpointlab.model.lesson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A node of a lesson file's YAML with the line it is on, and readers that refuse what does not fit with a
 * {@link LessonFileException} naming the file, the line and the key. Mappings keep file order; a repeated key is an
 * error.
 */
final class YamlNode {
    private final String file;
    private final String path;
    private final Node node;

    YamlNode(String file, String path, Node node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    /** 1-based line the node starts on. */
    int line() {
        return node.getStartMark().getLine() + 1;
    }

    String path() {
        return path;
    }

    LessonFileException error(String what) {
        return new LessonFileException(file, line(), (path.isEmpty() ? "" : path + ": ") + what);
    }

    boolean isScalar() {
        return node instanceof ScalarNode;
    }

    boolean isMapping() {
        return node instanceof MappingNode;
    }

    /** The entries of a mapping, in file order. */
    Map<String, YamlNode> mapping() throws LessonFileException {
        if (!(node instanceof MappingNode m)) {
            throw error("expected a mapping (key: value lines), found " + describe());
        }
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw new YamlNode(file, path, t.getKeyNode()).error("a key must be a plain name");
            }
            String key = k.getValue();
            String childPath = path.isEmpty() ? key : path + "." + key;
            if (entries.containsKey(key)) {
                throw new YamlNode(file, childPath, t.getKeyNode()).error("'" + key + "' is given twice");
            }
            entries.put(key, new YamlNode(file, childPath, t.getValueNode()));
        }
        return entries;
    }

    /** The entries of a mapping whose keys must all be in {@code known}. */
    Map<String, YamlNode> mapping(Set<String> known) throws LessonFileException {
        Map<String, YamlNode> entries = mapping();
        for (Map.Entry<String, YamlNode> e : entries.entrySet()) {
            if (!known.contains(e.getKey())) {
                throw e.getValue().error("unknown key '" + e.getKey() + "' (known: " + String.join(", ",
                        known.stream().sorted().toList()) + ")");
            }
        }
        return entries;
    }

    List<YamlNode> sequence() throws LessonFileException {
        if (!(node instanceof SequenceNode s)) {
            throw error("expected a list (lines starting with '- '), found " + describe());
        }
        List<YamlNode> items = new ArrayList<>();
        for (int i = 0; i < s.getValue().size(); i++) {
            items.add(new YamlNode(file, path + "[" + (i + 1) + "]", s.getValue().get(i)));
        }
        return items;
    }

    String text() throws LessonFileException {
        if (!(node instanceof ScalarNode s) || s.getTag().equals(Tag.NULL)) {
            throw error("expected a text, found " + describe());
        }
        return s.getValue();
    }

    long integer() throws LessonFileException {
        if (!(node instanceof ScalarNode s) || !s.getTag().equals(Tag.INT)) {
            throw error("expected a whole number, found " + describe());
        }
        try {
            return Long.parseLong(s.getValue().replace("_", ""));
        } catch (NumberFormatException e) {
            throw error("expected a whole number, found '" + s.getValue() + "'");
        }
    }

    double number() throws LessonFileException {
        if (!(node instanceof ScalarNode s) || !(s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT))) {
            throw error("expected a number, found " + describe());
        }
        try {
            return Double.parseDouble(s.getValue().replace("_", ""));
        } catch (NumberFormatException e) {
            throw error("expected a number, found '" + s.getValue() + "'");
        }
    }

    boolean bool() throws LessonFileException {
        if (!(node instanceof ScalarNode s) || !s.getTag().equals(Tag.BOOL)) {
            throw error("expected true or false, found " + describe());
        }
        return Boolean.parseBoolean(s.getValue().toLowerCase(java.util.Locale.ROOT));
    }

    /** The node as plain Java values (maps, lists, strings, Long, Double, Boolean, null), as JSON would give. */
    Object plain() throws LessonFileException {
        if (node instanceof MappingNode) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, YamlNode> e : mapping().entrySet()) {
                out.put(e.getKey(), e.getValue().plain());
            }
            return out;
        }
        if (node instanceof SequenceNode) {
            List<Object> out = new ArrayList<>();
            for (YamlNode item : sequence()) {
                out.add(item.plain());
            }
            return out;
        }
        ScalarNode s = (ScalarNode) node;
        Tag tag = s.getTag();
        if (tag.equals(Tag.NULL)) {
            return null;
        }
        if (tag.equals(Tag.INT)) {
            return integer();
        }
        if (tag.equals(Tag.FLOAT)) {
            return number();
        }
        if (tag.equals(Tag.BOOL)) {
            return bool();
        }
        return s.getValue();
    }

    private String describe() {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode s = (ScalarNode) node;
        return s.getTag().equals(Tag.NULL) ? "nothing" : "'" + s.getValue() + "'";
    }
}
