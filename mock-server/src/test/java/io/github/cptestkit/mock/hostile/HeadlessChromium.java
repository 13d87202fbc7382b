package io.github.cptestkit.mock.hostile;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real browser for the tests: Debian's {@code chromium}, headless, loads a page, lets its scripts run and gives
 * back the DOM as it is then ({@code --dump-dom}). Each run has a new empty profile and none of the browser's own
 * traffic (updates, sync, QUIC), so only the page's requests leave it. Chromium must be installed
 * ({@code apt-get install chromium}, as {@code .ci/run} does): a missing one fails the test and says so.
 *
 * <pre>{@code
 * String dom = HeadlessChromium.dumpDom(URI.create("http://127.0.0.1:8081/page.html"));
 * String mapped = HeadlessChromium.dumpDom(page, "--host-resolver-rules=MAP rebound.example 127.0.0.1");
 * }</pre>
 */
final class HeadlessChromium {

    /** How much time the page's scripts get, in the browser's virtual time (it runs ahead while nothing loads). */
    private static final int VIRTUAL_TIME_BUDGET_MS = 20_000;
    /** How long one run of the browser may take in real time before the test fails. */
    private static final long TIMEOUT_SECONDS = 90;
    private static final List<String> NAMES = List.of("chromium", "chromium-browser");

    private HeadlessChromium() {}

    /** The page's DOM once its scripts ran, as Chromium serialises it; {@code flags} are added to the command. */
    static String dumpDom(URI page, String... flags) {
        Path executable = executable().orElseGet(() -> fail("this test drives a real browser, but no "
                + String.join(" or ", NAMES) + " is on the PATH; install Debian's package (apt-get install"
                + " chromium), as .ci/run does"));
        Path profile = null;
        try {
            profile = Files.createTempDirectory("chromium-profile");
            Path out = Files.createTempFile("chromium", ".dom");
            Path err = Files.createTempFile("chromium", ".log");
            List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                    "--virtual-time-budget=" + VIRTUAL_TIME_BUDGET_MS));
            command.addAll(List.of(flags));
            command.addAll(List.of("--dump-dom", page.toString()));
            Process browser = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            try {
                if (!browser.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    fail("Chromium did not finish loading " + page + " within " + TIMEOUT_SECONDS + " s; its log: "
                            + tail(err));
                }
            } finally {
                browser.descendants().forEach(ProcessHandle::destroyForcibly);
                browser.destroyForcibly();
            }
            String dom = Files.readString(out, StandardCharsets.UTF_8);
            if (browser.exitValue() != 0 || dom.isBlank()) {
                fail("Chromium exited " + browser.exitValue() + " without a page for " + page + "; its log: "
                        + tail(err));
            }
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return dom;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Chromium loaded " + page, e);
        } finally {
            deleteQuietly(profile);
        }
    }

    /** The text of the element with this id in a dumped DOM (entities decoded), or empty when there is none. */
    static Optional<String> elementText(String dom, String id) {
        String start = "id=\"" + id + "\">";
        int from = dom.indexOf(start);
        if (from < 0) {
            return Optional.empty();
        }
        int end = dom.indexOf('<', from + start.length());
        return Optional.of(dom.substring(from + start.length(), end < 0 ? dom.length() : end)
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&nbsp;", "\u00a0")
                .replace("&amp;", "&"));
    }

    private static Optional<Path> executable() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return Stream.of(path.split(File.pathSeparator))
                .flatMap(dir -> NAMES.stream().map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temporary directory left behind is no reason to fail the test
        }
    }
}
