package org.checkpointlab.flink.submit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job jar as assembled from this process's class path (the modules' target/classes under Maven). */
class JobJarTest {
    @TempDir
    Path dir;

    @Test
    void holdsTheTranslatorTheModelAndGsonButNoFlink() throws Exception {
        Path jar = dir.resolve("job.jar");
        JobJar.write(jar);

        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getManifest().getMainAttributes().get(Attributes.Name.MAIN_CLASS))
                    .isEqualTo(JobJar.ENTRY_CLASS);
            List<String> names = Collections.list(file.entries()).stream().map(JarEntry::getName).toList();
            assertThat(names).contains("org/checkpointlab/flink/submit/JobJarMain.class",
                    "org/checkpointlab/flink/PipelineTranslator.class",
                    "org/checkpointlab/flink/sink/TransactionalSink.class",
                    "org/checkpointlab/model/pipeline/PipelineSpec.class",
                    "com/google/gson/Gson.class");
            assertThat(names).noneMatch(n -> n.startsWith("org/apache/flink/"))
                    .noneMatch(n -> n.endsWith("module-info.class"))
                    .noneMatch(n -> n.startsWith("org/rocksdb/"))
                    .doesNotHaveDuplicates();
        }
    }

    @Test
    void isAssembledOncePerProcess() throws Exception {
        assertThat(JobJar.shared()).isEqualTo(JobJar.shared()).isRegularFile();
    }
}
