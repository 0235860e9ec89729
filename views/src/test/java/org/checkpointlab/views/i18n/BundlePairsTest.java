package org.checkpointlab.views.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every bundle in {@code resources/org/checkpointlab/views/i18n/} (the app's {@code messages} and every other
 * feature's pair) has an English base file and a {@code _zh_CN} file with the same keys, no empty value, the same
 * MessageFormat arguments in both languages, valid patterns and valid UTF-8.
 */
class BundlePairsTest {
    static final Path DIRECTORY = Path.of("..", "resources", "org", "checkpointlab", "views", "i18n");
    private static final String CHINESE = "_zh_CN";
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");
    private static final Pattern KEY_LINE = Pattern.compile("^\\s*([^#!\\s][^=:\\s]*)\\s*[=:]");

    @Test
    void everyBundleHasBothLanguages() throws IOException {
        Set<String> bases = new TreeSet<>();
        Set<String> chinese = new TreeSet<>();
        for (Path file : propertiesFiles()) {
            String name = file.getFileName().toString().replace(".properties", "");
            if (name.endsWith(CHINESE)) {
                chinese.add(name.substring(0, name.length() - CHINESE.length()));
            } else {
                assertThat(name).as("%s: only English (no suffix) and _zh_CN bundles are shipped", file)
                        .doesNotContain("_");
                bases.add(name);
            }
        }
        assertThat(bases).as("bundles in %s", DIRECTORY).contains("messages");
        assertThat(chinese).as("bundles with a _zh_CN file").isEqualTo(bases);
    }

    @Test
    void bothLanguagesHaveTheSameKeysNoEmptyValuesAndTheSameArguments() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path english : propertiesFiles()) {
            String name = english.getFileName().toString();
            if (name.contains(CHINESE)) {
                continue;
            }
            Path chineseFile = english.resolveSibling(name.replace(".properties", CHINESE + ".properties"));
            if (!Files.exists(chineseFile)) {
                continue; // reported by everyBundleHasBothLanguages
            }
            Properties en = load(english, problems);
            Properties zh = load(chineseFile, problems);
            for (String key : difference(en, zh)) {
                problems.add(chineseFile.getFileName() + ": missing key " + key + " (in " + name + ")");
            }
            for (String key : difference(zh, en)) {
                problems.add(name + ": missing key " + key + " (in " + chineseFile.getFileName() + ")");
            }
            for (String key : en.stringPropertyNames()) {
                if (zh.containsKey(key) && !arguments(en.getProperty(key)).equals(arguments(zh.getProperty(key)))) {
                    problems.add(key + ": arguments " + arguments(en.getProperty(key)) + " in " + name + " but "
                            + arguments(zh.getProperty(key)) + " in " + chineseFile.getFileName());
                }
            }
        }
        assertThat(problems).as("bundle problems").isEmpty();
    }

    private static Set<String> difference(Properties a, Properties b) {
        Set<String> keys = new TreeSet<>(a.stringPropertyNames());
        keys.removeAll(b.stringPropertyNames());
        return keys;
    }

    /** Loads {@code file} as UTF-8, noting invalid bytes, duplicate keys, empty values and broken patterns. */
    private static Properties load(Path file, List<String> problems) throws IOException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            problems.add(file.getFileName() + ": not valid UTF-8");
            return new Properties();
        }
        Set<String> seen = new HashSet<>();
        String[] lines = text.split("\n", -1);
        boolean continued = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (!continued) {
                Matcher key = KEY_LINE.matcher(line);
                if (key.find() && !seen.add(key.group(1))) {
                    problems.add(file.getFileName() + ":" + (i + 1) + ": key " + key.group(1) + " appears twice");
                }
            }
            continued = line.endsWith("\\") && !line.endsWith("\\\\");
        }
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key);
            if (value.isBlank()) {
                problems.add(file.getFileName() + ": " + key + " is empty");
            } else if (value.contains("\\")) {
                problems.add(file.getFileName() + ": " + key + " shows a backslash (an escape written twice?)");
            } else if (!arguments(value).isEmpty()) {
                try {
                    new MessageFormat(value);
                } catch (IllegalArgumentException e) {
                    problems.add(file.getFileName() + ": " + key + " is not a valid pattern: " + e.getMessage());
                }
                if (value.replace("''", "").contains("'")) {
                    problems.add(file.getFileName() + ": " + key + " has arguments, so a quote must be written ''");
                }
            }
        }
        return properties;
    }

    private static Set<String> arguments(String value) {
        Matcher m = ARGUMENT.matcher(value);
        Set<String> found = new TreeSet<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static List<Path> propertiesFiles() throws IOException {
        assertThat(DIRECTORY).as("the bundles' folder, from the views module").isDirectory();
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".properties")).sorted()
                    .collect(Collectors.toList());
        }
    }
}
