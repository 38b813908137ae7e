package io.roomservice.infra.console;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.roomservice.infra.support.SynapseLinkedTest;
import io.roomservice.infra.support.SynapseTestBed;
import io.roomservice.infra.support.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real browser (Debian's headless Chromium through chromedriver, both installed by
 * scripts/browser.sh), against the running service with PostgreSQL and the Synapse test bed: an auditor
 * moves a room's instant and sees its state then; an operator rebuilds a read model and watches the bar
 * reach 100 %; a member without rights sees no actions and a forged form post is refused 403. Every page
 * is checked with axe-core for serious accessibility violations, and screenshotted into
 * target/console-screenshots.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ConsoleBrowserEndToEndTest extends SynapseLinkedTest {

    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private WebDriver browser;
    private String room;
    private UUID member;

    @BeforeAll
    void anActiveRoomWithAMemberAndABrowser() throws Exception {
        String project = registerProject("Console e2e " + SynapseTestBed.randomHex(3));
        member = registerPerson("console-" + SynapseTestBed.randomHex(3), "Mia Member");
        var granted = api.put("/api/host/projects/" + project + "/roles/" + member + "/member/", TestTokens.host(), "");
        assertThat(granted.status()).as(granted.body()).isIn(200, 202);
        room = createRoom(project);
        awaitRoom(room, "active");
        Files.createDirectories(SCREENSHOTS);

        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1600");
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void loggedOut() {
        browser.manage().deleteAllCookies();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void logIn(UUID person, String role) {
        browser.get(url("/console/login"));
        WebElement field = browser.findElement(By.id("person"));
        field.clear();
        field.sendKeys(person.toString());
        browser.findElement(By.cssSelector("input[name=role][value=" + role + "]")).click();
        browser.findElement(By.id("dev-login")).click();
        waitUntil(ExpectedConditions.urlContains("/console/rooms"));
    }

    private void waitUntil(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(condition);
    }

    private void screenshot(String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private void accessible(String page) {
        List<Rule> serious = new AxeBuilder().analyze(browser).getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())).toList();
        assertThat(serious).as(page + ": " + serious.stream().map(rule -> rule.getId() + " " + rule.getHelp()).toList())
                .isEmpty();
    }

    @Test
    void an_auditor_opens_a_room_and_moving_the_instant_shows_the_room_as_it_was() throws Exception {
        logIn(UUID.randomUUID(), "auditor");
        accessible("rooms");
        screenshot("rooms");
        browser.get(url("/console/rooms/" + room));
        assertThat(browser.findElements(By.id("room-state"))).as(browser.getPageSource()).isNotEmpty();
        assertThat(browser.findElement(By.id("room-state")).getText()).isEqualTo("active");
        assertThat(browser.findElement(By.id("state-at-value")).getText()).isEqualTo("active");
        accessible("room");
        screenshot("room");

        Select instant = new Select(browser.findElement(By.id("at")));
        instant.selectByIndex(0); // right after the first event: the room was being created
        waitUntil(ExpectedConditions.textToBe(By.id("state-at-value"), "creating"));
        instant.selectByIndex(instant.getOptions().size() - 1);
        waitUntil(ExpectedConditions.textToBe(By.id("state-at-value"), "active"));
    }

    @Test
    void an_operator_rebuilds_a_read_model_and_watches_the_bar_reach_100_percent() throws Exception {
        logIn(UUID.randomUUID(), "staff");
        browser.get(url("/console/operations"));
        accessible("operations");
        browser.findElement(By.id("rebuild-profiles")).click();
        browser.switchTo().alert().accept();
        waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("op-outcome"), "Rebuild of profiles started"));
        // 100 % only once the rebuilt read model has replaced the live one
        waitUntil(ExpectedConditions.attributeToBe(By.id("progress-profiles"), "value", "1"));
        assertThat(browser.findElement(By.id("percent-profiles")).getText()).isEqualTo("100 %");
        screenshot("operations");
    }

    private void awaitRoomState(String state) {
        new WebDriverWait(browser, Duration.ofSeconds(60)).pollingEvery(Duration.ofMillis(500)).until(driver -> {
            driver.navigate().refresh();
            return driver.findElements(By.id("room-state")).stream().anyMatch(e -> e.getText().equals(state));
        });
    }

    private void take(String action) {
        browser.findElement(By.id("action-" + action)).click();
        browser.switchTo().alert().accept();
        waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("outcome"), action + " accepted (202)"));
    }

    @Test
    void a_newcomer_walks_a_room_through_its_life_from_the_browser() throws Exception {
        logIn(UUID.randomUUID(), "staff");
        browser.findElement(By.id("register-project")).click();
        waitUntil(ExpectedConditions.urlContains("new_project="));
        browser.findElement(By.id("create-room")).click();
        waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("room-state")));
        awaitRoomState("active");

        take("disable");
        awaitRoomState("archived");
        take("reactivate");
        awaitRoomState("active");
        take("export");
        screenshot("room-staff");
    }

    @Test
    void a_member_without_rights_sees_no_action_and_a_forged_form_post_is_refused() throws Exception {
        logIn(member, "person");
        browser.get(url("/console/rooms/" + room));
        assertThat(browser.findElements(By.cssSelector("button[id^=action-]"))).isEmpty();
        assertThat(browser.getPageSource()).contains("No action you may take");
        accessible("room as a member");
        screenshot("room-member");

        // a form they built themselves, with their own valid CSRF token: the server still says no
        Object status = ((JavascriptExecutor) browser).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                var token = document.querySelector('input[name=_csrf]').value;
                fetch('/console/rooms/%s/actions/disable', {method: 'POST',
                    headers: {'Content-Type': 'application/x-www-form-urlencoded'},
                    body: '_csrf=' + encodeURIComponent(token)}).then(r => done(r.status));""".formatted(room));
        assertThat(((Number) status).intValue()).isEqualTo(403);
        assertThat(api.get("/api/matrix/rooms/" + room + "/", TestTokens.staff()).json().get("state").asString())
                .isEqualTo("active");

        browser.get(url("/console/operations"));
        assertThat(browser.getPageSource()).doesNotContain("Event processors");
    }
}
