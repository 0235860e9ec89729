package org.checkpointlab.flink.submit;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.checkpointlab.model.pipeline.PipelineSpec;

/**
 * The job jar a cluster with web submission runs ({@link JobJarMain}): the classes of this module (the pipeline
 * translator, sources, sinks, operators) and of the model, and Gson, which a Flink cluster lacks. Flink's own
 * classes are the cluster's. The jar is assembled from wherever this process loaded those classes from: the
 * {@code target/classes} directories of a build ({@code mvn test}, {@code mvn -pl app -am javafx:run}) or the jars
 * of a packaged app; so it needs no packaging step and always holds the code the app runs.
 *
 * <p>Thread-safe.
 */
public final class JobJar {
    /** The jar's entry class. */
    public static final String ENTRY_CLASS = JobJarMain.class.getName();
    private static Path shared;

    private JobJar() {
    }

    /** This process's job jar: assembled once, in a temporary file deleted when the process exits. */
    public static synchronized Path shared() throws IOException {
        if (shared == null || !Files.isRegularFile(shared)) {
            Path file = Files.createTempFile("checkpoint-lab-job-", ".jar");
            file.toFile().deleteOnExit();
            write(file);
            shared = file;
        }
        return shared;
    }

    /** Writes the job jar to {@code file} (through a temporary file beside it, moved in place when complete). */
    public static void write(Path file) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, ENTRY_CLASS);
        Path parent = file.toAbsolutePath().getParent();
        Path partial = Files.createTempFile(parent, file.getFileName().toString(), ".partial");
        try {
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(partial), manifest)) {
                Set<String> written = new HashSet<>(Set.of(JarFile.MANIFEST_NAME, "META-INF/"));
                for (Path source : sources()) {
                    if (Files.isDirectory(source)) {
                        copyDirectory(source, out, written);
                    } else {
                        copyJar(source, out, written);
                    }
                }
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Where this process loaded the flink module, the model and Gson from (directories or jars). */
    static List<Path> sources() throws IOException {
        Set<Path> sources = new LinkedHashSet<>();
        for (Class<?> c : List.of(JobJarMain.class, PipelineSpec.class, com.google.gson.Gson.class)) {
            var location = c.getProtectionDomain().getCodeSource() == null ? null
                    : c.getProtectionDomain().getCodeSource().getLocation();
            if (location == null) {
                throw new IOException("cannot assemble the job jar: no class path entry holds " + c.getName());
            }
            try {
                sources.add(Path.of(location.toURI()));
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new IOException("cannot assemble the job jar: " + c.getName() + " was loaded from "
                        + location + ", which is not a file", e);
            }
        }
        return List.copyOf(sources);
    }

    private static void copyDirectory(Path root, JarOutputStream out, Set<String> written) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            String name = root.relativize(f).toString().replace(java.io.File.separatorChar, '/');
            if (wanted(name) && written.add(name)) {
                out.putNextEntry(new JarEntry(name));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
    }

    private static void copyJar(Path jar, JarOutputStream out, Set<String> written) throws IOException {
        try (JarFile in = new JarFile(jar.toFile())) {
            for (JarEntry e : java.util.Collections.list(in.entries())) {
                if (!e.isDirectory() && wanted(e.getName()) && written.add(e.getName())) {
                    out.putNextEntry(new JarEntry(e.getName()));
                    try (InputStream data = in.getInputStream(e)) {
                        data.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
    }

    /** Leaves out other manifests, signatures and module descriptors (the job runs on the class path). */
    private static boolean wanted(String name) {
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        return !upper.equals(JarFile.MANIFEST_NAME) && !name.endsWith("module-info.class")
                && !(upper.startsWith("META-INF/") && (upper.endsWith(".SF") || upper.endsWith(".RSA")
                || upper.endsWith(".DSA") || upper.endsWith(".EC")));
    }
}
