package org.checkpointlab.views.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No text a user reads is written into the views: FXML attributes {@code text}, {@code promptText} and
 * {@code title} are {@code %key}s, and the views' Java sources pass no string literal with words in it to the
 * controls' text setters and constructors; every key the code reads exists in the English bundle. Failures name
 * file:line. Literals without letters (symbols, numbers, format patterns) pass; {@link #ALLOWED} lists the few
 * words that are not language (units, Flink's metric names).
 */
class UiLiteralScanTest {
    private static final Path FXML_ROOT = Path.of("..", "resources", "org", "checkpointlab", "views");
    private static final Path JAVA_ROOT = Path.of("src", "main", "java", "org", "checkpointlab", "views");
    private static final Pattern FXML_TEXT = Pattern.compile("\\b(text|promptText|title)=\"([^\"]*)\"");
    /** Calls whose first string arguments are shown to the user. */
    private static final Pattern UI_CALL = Pattern.compile("(\\.setText|new Label|new Button|new MenuItem|new Menu"
            + "|new RadioMenuItem|new CheckMenuItem|new CheckBox|new ToggleButton|new Tab|new TitledPane|\\.setTitle"
            + "|\\.setHeaderText|\\.setContentText|\\.setPromptText|Tooltip|new Alert|new ButtonType"
            + "|new TableColumn<[^>]*>|textColumn)\\s*\\(");
    private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]*(\\.[A-Za-z0-9]+)+");
    private static final Pattern KEY_READ = Pattern.compile("(?<![A-Za-z])Texts\\.(get|format)\\(\\s*\"([^\"]+)\"\\s*[,)]");
    private static final Pattern FORMAT_SPEC = Pattern.compile("%[-#+ 0,(]*\\d*(\\.\\d+)?[a-zA-Z%]");
    /** Literals with letters that are not language: percentiles, file formats, Flink's "p=" for parallelism. */
    static final Set<String> ALLOWED = Set.of("p50", "p90", "p99", "p=", "PNG\\u2026", "CSV\\u2026");

    @Test
    void fxmlTextsAreKeys() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : files(FXML_ROOT, ".fxml")) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = FXML_TEXT.matcher(lines.get(i));
                while (m.find()) {
                    String value = m.group(2);
                    if (!value.startsWith("%") && isLanguage(value)) {
                        problems.add(FXML_ROOT.relativize(file) + ":" + (i + 1) + ": " + m.group(1) + "=\"" + value
                                + "\" should be %key");
                    }
                }
            }
        }
        assertThat(problems).as("FXML texts that are not bundle keys").isEmpty();
    }

    @Test
    void viewsPassNoWordsToTextSetters() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : files(JAVA_ROOT, ".java")) {
            problems.addAll(literalProblems(JAVA_ROOT.relativize(file).toString(),
                    Files.readString(file, StandardCharsets.UTF_8)));
        }
        assertThat(problems).as("string literals shown to users").isEmpty();
    }

    @Test
    void theScan_findsWordsButNotKeysSymbolsOrComparisons() {
        String source = "class X {\n"
                + "  void f() {\n"
                + "    label.setText(\"Run the job\");\n"
                + "    menu.getItems().add(new MenuItem(Texts.get(\"menu.job.run\")));\n"
                + "    zoom.setText(String.format(Locale.ROOT, \"%.0f %%\", z) + \" \\u00d7\");\n"
                + "    box.setPromptText(key.equals(\"directory\") ? Texts.get(\"a.b\") : \"\");\n"
                + "    Tooltip.install(n, new Tooltip(name\n        + \" is 运行\"));\n"
                + "  }\n"
                + "}\n";

        assertThat(literalProblems("X.java", source)).containsExactly(
                "X.java:3: \"Run the job\" in .setText(...) should be a bundle key",
                "X.java:8: \" is 运行\" in Tooltip(...) should be a bundle key");
    }

    /** The literals with words in them passed to UI text calls in {@code source}, as file:line messages. */
    static List<String> literalProblems(String name, String source) {
        List<String> problems = new ArrayList<>();
        Matcher call = UI_CALL.matcher(source);
        while (call.find()) {
            int end = closingParen(source, call.end() - 1);
            for (Literal literal : literals(source, call.end(), end)) {
                if (isLanguage(literal.text()) && !KEY.matcher(literal.text()).matches()
                        && !ALLOWED.contains(literal.text()) && !comparedWith(source, literal.offset())) {
                    problems.add(name + ":" + line(source, literal.offset()) + ": \"" + literal.text() + "\" in "
                            + call.group(1).trim() + "(...) should be a bundle key");
                }
            }
            call.region(Math.max(call.end(), Math.min(end, source.length())), source.length());
        }
        return problems;
    }

    @Test
    void everyKeyTheViewsReadIsInTheEnglishBundle() throws IOException {
        Properties english = new Properties();
        try (Reader reader = Files.newBufferedReader(BundlePairsTest.DIRECTORY.resolve("messages.properties"),
                StandardCharsets.UTF_8)) {
            english.load(reader);
        }
        List<String> problems = new ArrayList<>();
        for (Path file : files(JAVA_ROOT, ".java")) {
            String source = Files.readString(file, StandardCharsets.UTF_8);
            Matcher m = KEY_READ.matcher(source);
            while (m.find()) {
                if (!english.containsKey(m.group(2))) {
                    problems.add(JAVA_ROOT.relativize(file) + ":" + line(source, m.start()) + ": no key "
                            + m.group(2) + " in messages.properties");
                }
            }
        }
        for (Path file : files(FXML_ROOT, ".fxml")) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            // A feature's FXML may be loaded with its own bundle, named after its folder (lessons/ -> lessons).
            String folder = FXML_ROOT.relativize(file).getParent() == null ? "messages"
                    : FXML_ROOT.relativize(file).getParent().getFileName().toString();
            Path own = FXML_ROOT.resolve("i18n").resolve(folder + ".properties");
            Properties keys = english;
            if (Files.exists(own)) {
                keys = new Properties();
                try (var reader = Files.newBufferedReader(own, StandardCharsets.UTF_8)) {
                    keys.load(reader);
                }
            }
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = FXML_TEXT.matcher(lines.get(i));
                while (m.find()) {
                    String value = m.group(2);
                    if (value.startsWith("%") && !keys.containsKey(value.substring(1))) {
                        problems.add(FXML_ROOT.relativize(file) + ":" + (i + 1) + ": no key " + value.substring(1)
                                + " in " + (keys == english ? "messages" : folder) + ".properties");
                    }
                }
            }
        }
        assertThat(problems).as("keys read but missing").isEmpty();
    }

    /** Whether {@code literal} (as written in source) has words in it, once escapes and format specifiers go. */
    static boolean isLanguage(String literal) {
        String text = FORMAT_SPEC.matcher(literal.replaceAll("\\\\u[0-9a-fA-F]{4}", " ").replaceAll("\\\\.", " "))
                .replaceAll(" ");
        return text.codePoints().anyMatch(Character::isLetter);
    }

    /** Whether the literal at {@code offset} is compared with ({@code x.equals("...")}), not shown. */
    private static boolean comparedWith(String source, int offset) {
        return source.substring(Math.max(0, offset - 8), offset).endsWith("equals(");
    }

    record Literal(String text, int offset) {
    }

    /** The string literals between {@code from} and {@code to}. */
    private static List<Literal> literals(String source, int from, int to) {
        List<Literal> found = new ArrayList<>();
        for (int i = from; i < to; i++) {
            char c = source.charAt(i);
            if (c == '\'') {
                i = skipQuoted(source, i, '\'');
            } else if (c == '"') {
                int close = skipQuoted(source, i, '"');
                found.add(new Literal(source.substring(i + 1, close), i));
                i = close;
            }
        }
        return found;
    }

    /** The index of the paren closing the one at {@code open}, skipping literals. */
    private static int closingParen(String source, int open) {
        int depth = 0;
        for (int i = open; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'') {
                i = skipQuoted(source, i, c);
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return source.length();
    }

    private static int skipQuoted(String source, int start, char quote) {
        for (int i = start + 1; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        return source.length();
    }

    private static int line(String source, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        assertThat(root).isDirectory();
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(f -> f.toString().endsWith(suffix)).sorted().collect(Collectors.toList());
        }
    }
}
