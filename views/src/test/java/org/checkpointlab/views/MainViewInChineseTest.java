package org.checkpointlab.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.checkpointlab.views.graph.PipelineGraphViewModel;
import org.checkpointlab.views.i18n.Language;
import org.checkpointlab.views.i18n.Texts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window built in Simplified Chinese: menus, toolbar, tabs and View &gt; Language show the Chinese
 * bundle. Runs in a JVM of its own (views/pom.xml), because enums and constants keep the language their class was
 * loaded in, and other tests assert the English texts.
 */
@ExtendWith(ApplicationExtension.class)
class MainViewInChineseTest {
    @TempDir
    static Path dir;

    private MainView view;
    private final AtomicReference<Language> chosen = new AtomicReference<>();

    @Start
    void start(Stage stage) {
        Texts.use(Locale.SIMPLIFIED_CHINESE);
        MainViewModel viewModel = new MainViewModel(file -> {
            throw new IllegalStateException("no file is opened here");
        }, new SampleCatalog(dir.resolve("no-samples")), new PipelineGraphViewModel());
        view = MainView.load(viewModel);
        view.onLanguageChosen(chosen::set);
        stage.setScene(new Scene(view.root(), 1200, 800));
        stage.show();
    }

    @AfterAll
    static void backToEnglish() {
        Texts.use(Locale.ENGLISH);
    }

    @Test
    void menusToolbarAndTabs_areChinese(FxRobot robot) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);

        assertThat(bar.getMenus()).extracting(Menu::getText)
                .containsExactly("文件(_F)", "编辑(_E)", "作业(_J)", "视图(_V)", "帮助(_H)");
        assertThat(bar.getMenus().get(0).getItems()).extracting(MenuItem::getText)
                .contains("新建流水线(_N)", "打开流水线(_O)…", "另存为(_A)…", "退出(_Q)");
        assertThat(robot.lookup("#runButton").queryAs(Button.class).getText()).isEqualTo("▶ 运行");
        assertThat(robot.lookup("#checkpointButton").queryAs(Button.class).getText()).isEqualTo("⚑ 立即触发检查点");
        TabPane tabs = robot.lookup(".panel-tabs").queryAs(TabPane.class);
        assertThat(tabs.getTabs()).extracting(Tab::getText).contains("检查点", "图表", "设置", "输出");
        assertThat(tabs.getTabs()).as("the ids lessons highlight and watch the tabs by do not follow the language")
                .extracting(Tab::getId).contains("tab-checkpoints", "tab-charts", "tab-settings", "tab-output");
    }

    @Test
    void jobMenu_opensWithChineseItems_drawnInTheWindow(FxRobot robot) {
        robot.clickOn(menuLabel(robot, "作业"));
        WaitForAsyncUtils.waitForFxEvents();

        List<String> shown = robot.lookup(".menu-item .label").queryAllAs(Labeled.class).stream()
                .filter(Node::isVisible).map(Labeled::getText).toList();
        // Items may carry a hint after their name (why they are disabled now).
        for (String item : List.of("运行(_R)", "立即触发检查点(_C)", "触发保存点(_S)", "从保存点恢复(_E)…")) {
            assertThat(shown).anyMatch(text -> text.startsWith(item));
        }
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
    }

    @Test
    void languageMenu_namesEachLanguageInItself_andHandsOverTheOtherOne(FxRobot robot) {
        Menu language = robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().get(3).getItems().stream()
                .filter(i -> "languageMenu".equals(i.getId())).map(i -> (Menu) i).findFirst().orElseThrow();
        assertThat(language.getText()).isEqualTo("语言(_L)");
        assertThat(language.getItems()).extracting(MenuItem::getText).containsExactly("English", "简体中文");
        RadioMenuItem chinese = (RadioMenuItem) language.getItems().get(1);
        assertThat(chinese.isSelected()).isTrue();

        robot.interact(() -> language.getItems().get(0).fire());

        assertThat(chosen.get()).isEqualTo(Language.ENGLISH);
        assertThat(chinese.isSelected()).as("the check stays on the language shown until the restart").isTrue();
    }

    private static Node menuLabel(FxRobot robot, String text) {
        return robot.lookup(".menu-bar .label").queryAllAs(Labeled.class).stream()
                .filter(l -> l.getText().startsWith(text)).findFirst().map(l -> (Node) l).orElseThrow();
    }
}
