package nl.zorgtafel.ui.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StaticFilesTest {

    @Test
    void theUiRootIsTheIndexPage() {
        assertThat(StaticFiles.resolve("/")).contains(new StaticFiles.Asset("web/index.html", "text/html; charset=utf-8"));
    }

    @Test
    void aModuleIsJavaScriptAndAStylesheetIsCss() {
        assertThat(StaticFiles.resolve("/js/pages/case.js")).hasValueSatisfying(asset -> {
            assertThat(asset.resource()).isEqualTo("web/js/pages/case.js");
            assertThat(asset.mediaType()).startsWith("text/javascript");
        });
        assertThat(StaticFiles.resolve("/css/app.css")).hasValueSatisfying(
                asset -> assertThat(asset.mediaType()).startsWith("text/css"));
    }

    @Test
    void noWayOutOfTheUiFolder() {
        assertThat(StaticFiles.resolve("/../nl/zorgtafel/ui/internal/UiServlet.class")).isEmpty();
        assertThat(StaticFiles.resolve("/js/../../META-INF/MANIFEST.MF")).isEmpty();
        assertThat(StaticFiles.resolve("/js/..%2f..%2fsecret.js")).isEmpty();
        assertThat(StaticFiles.resolve("//etc/passwd.js")).isEmpty();
        assertThat(StaticFiles.resolve("/js\\app.js")).isEmpty();
    }

    @Test
    void hiddenFilesFoldersAndUnknownKindsAreNotServed() {
        assertThat(StaticFiles.resolve("/.htaccess")).isEmpty();
        assertThat(StaticFiles.resolve("/js/")).isEmpty();
        assertThat(StaticFiles.resolve("/js")).isEmpty();
        assertThat(StaticFiles.resolve("/notes.txt")).isEmpty();
        assertThat(StaticFiles.resolve("/Index.HTML")).isEmpty();
    }

    @Test
    void withoutAPathThereIsNothingToServe() {
        assertThat(StaticFiles.resolve(null)).isEmpty();
        assertThat(StaticFiles.resolve("")).isEmpty();
    }

    @Test
    void thePolicyAllowsNoInlineScriptAndNoOtherOrigin() {
        assertThat(SecurityHeaders.CONTENT_SECURITY_POLICY)
                .contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:", "*");
    }
}
