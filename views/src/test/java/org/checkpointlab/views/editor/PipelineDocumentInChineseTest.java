package org.checkpointlab.views.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.checkpointlab.views.editor.model.CommandStack;
import org.checkpointlab.views.editor.model.EditablePipeline;
import org.checkpointlab.views.i18n.InChinese;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new pipeline in the Chinese window is named in Chinese (the inspector and the title show it), and its first save
 * still names it after its file. Runs in the JVM of the {@code *InChineseTest}s (views/pom.xml).
 */
@ExtendWith(InChinese.class)
class PipelineDocumentInChineseTest {
    @TempDir
    Path dir;

    @Test
    void aNewPipeline_isUntitledInChinese_untilItsFirstSaveNamesIt() throws Exception {
        PipelineDocument document = new PipelineDocument(new CommandStack(EditablePipeline.empty("x")));

        document.startNew();

        assertThat(document.nameProperty().get()).isEqualTo("未命名");
        assertThat(document.spec().name()).isEqualTo("未命名");
        document.saveTo(dir.resolve("my-job"));
        assertThat(Files.exists(dir.resolve("my-job.json"))).isTrue();
        assertThat(document.nameProperty().get()).isEqualTo("my-job");
    }
}
