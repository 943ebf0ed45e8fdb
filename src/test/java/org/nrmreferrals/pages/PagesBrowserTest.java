package org.nrmreferrals.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nrmreferrals.security.Roles;
import org.nrmreferrals.support.Agencies;
import org.nrmreferrals.support.Api;
import org.nrmreferrals.support.Authorities;
import org.nrmreferrals.support.Referrals;
import org.nrmreferrals.support.Releases;
import org.nrmreferrals.support.TestClock;
import org.nrmreferrals.support.Tokens;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The analyst and caseworker pages in a real browser: Debian's headless Chromium driven by Selenium
 * through its ChromeDriver (installed by the README's set-up and .ci/run), against the test
 * service. Each test saves a screenshot under target/screenshots.
 */
@QuarkusTest
class PagesBrowserTest {
  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  /** An analyst of these tests alone (the second instance limits statistics per analyst). */
  private static final String ANALYST = Tokens.role(Roles.ANALYST, "analyst-pages");

  private static WebDriver browser;
  private static Path profile;

  @TestHTTPResource("/")
  URL service;

  @BeforeAll
  static void startBrowser() throws Exception {
    File chromium = new File("/usr/bin/chromium");
    File driver = new File("/usr/bin/chromedriver");
    assertTrue(
        chromium.canExecute() && driver.canExecute(),
        "the page tests need Debian's chromium and chromium-driver: see the README's set-up");
    profile = Files.createTempDirectory("nrm-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium);
    // As the machine's own probe starts it: headless, and no background traffic, which this
    // machine's closed network would refuse.
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,800",
        "--user-data-dir=" + profile);
    browser =
        new ChromeDriver(
            new ChromeDriverService.Builder().usingDriverExecutable(driver).build(), options);
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void theDashboardShowsAReleaseWithItsSuppressedCellsMarkedAndThePublishedCountsDrawn()
      throws Exception {
    // Two referrals each of two nationalities no other test uses (cells under the threshold of 10,
    // each the other's complement), and a dozen each of two others, so that something is published.
    // Submitted in the middle of last month, so that a release cut now covers them (a release
    // answers for the whole months before its own).
    String agency = Agencies.police();
    LocalDate lastMonth = YearMonth.now(LONDON).minusMonths(1).atDay(15);
    TestClock.advance(
        Duration.between(TestClock.now(), lastMonth.atTime(12, 0).atZone(LONDON).toInstant()));
    try {
      for (Map.Entry<String, Integer> n : Map.of("AL", 12, "VN", 12, "TV", 2, "NR", 2).entrySet()) {
        for (int i = 0; i < n.getValue(); i++) {
          Map<String, Object> body = Referrals.anAdultReferral();
          Referrals.person(body).put("nationalities", new ArrayList<>(List.of(n.getKey())));
          Referrals.submit(agency, body);
        }
      }
    } finally {
      TestClock.reset();
    }
    long release = Releases.cut();
    String year = Integer.toString(lastMonth.getYear());

    browser.manage().window().setSize(new Dimension(1280, 800));
    browser.get(service + "analyst/");
    new Select(browser.findElement(By.id("year"))).selectByValue(year);
    signIn(ANALYST);
    WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("release"), "Release " + release + ":"));
    WebElement tuvalu =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.xpath(
                    "//section[@id='top-nationalities']//tr[td[1][.='Tuvalu' or .='TV']]/td[2]")));
    assertEquals("true", tuvalu.getAttribute("data-suppressed"));
    assertEquals("[suppressed]", tuvalu.getText());

    // The chart draws the ten largest published counts, as the API publishes them.
    String to =
        Api.as(ANALYST)
            .get("/api/v1/statistics/releases/" + release)
            .then()
            .extract()
            .path("throughMonth");
    if (to.compareTo(year + "-12") > 0) {
      to = year + "-12";
    }
    JsonPath published =
        Api.as(ANALYST)
            .queryParam("release", release)
            .queryParam("from", year + "-01")
            .queryParam("to", to)
            .queryParam("groupBy", "nationality")
            .queryParam("kind", "NRM")
            .get("/api/v1/statistics/referrals")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<Map<String, Object>> rows = new ArrayList<>(published.getList("rows"));
    rows.removeIf(r -> r.get("count") == null);
    rows.sort(
        Comparator.comparing((Map<String, Object> r) -> ((Number) r.get("count")).longValue())
            .reversed());
    List<Long> expected =
        rows.stream().limit(10).map(r -> ((Number) r.get("count")).longValue()).toList();
    @SuppressWarnings("unchecked")
    List<Number> drawn =
        (List<Number>)
            script(
                "return echarts.getInstanceByDom(document.querySelector("
                    + "'#top-nationalities .chart')).getOption().series[0].data");
    assertEquals(expected, drawn.stream().map(Number::longValue).toList());
    assertTrue(!expected.isEmpty(), "the chart has counts");
    assertEquals(
        0L,
        ((Number) script("return localStorage.length + sessionStorage.length")).longValue(),
        "nothing is kept in the browser's storage");
    // Every panel drew its table: the service refused none of the page's requests.
    assertEquals(
        List.of(),
        browser.findElements(By.cssSelector(".problem")).stream()
            .filter(WebElement::isDisplayed)
            .map(WebElement::getText)
            .toList());
    assertEquals(5, browser.findElements(By.cssSelector("#panels table")).size());
    screenshot("analyst-dashboard-1280x800");

    // On a phone's width nothing runs off the side.
    browser.manage().window().setSize(new Dimension(390, 844));
    new WebDriverWait(browser, PATIENCE)
        .withMessage("the page fits a phone's width")
        .until(
            b ->
                (Boolean)
                    script("return document.documentElement.scrollWidth <= window.innerWidth + 1"));
    screenshot("analyst-dashboard-phone");
  }

  @Test
  void aCaseworkerTakesACaseAndRecordsAnRgDecisionFromTheQueuePage() throws Exception {
    String council = Agencies.register("LOCAL_AUTHORITY");
    String panel = Authorities.panel(council);
    String id = Referrals.submit(council, Referrals.aChildReferral());
    String subject = "caseworker-" + UUID.randomUUID();
    String token = Tokens.caseworker(subject, panel);

    browser.manage().window().setSize(new Dimension(1280, 800));
    // Signed in as a deployment's identity provider would: the token in the address's fragment,
    // which the page takes into memory and removes from the address.
    browser.get(service + "casework/#token=" + token);
    WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("button[data-queue='unassigned']")))
        .click();
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("button[data-referral='" + id + "']")))
        .click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("case")));
    assertEquals("", script("return location.hash"), "the token left the address");

    // A refusal is shown in words: a negative decision without a reason.
    browser.findElement(By.id("rg-negative")).click();
    WebElement problem =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("problem")));
    assertTrue(problem.getText().contains("reason"), problem.getText());

    browser.findElement(By.id("take")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("done"), "taken"));
    browser.findElement(By.id("rg-positive")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("done"), "Positive RG decision recorded."));
    wait.until(
        ExpectedConditions.textToBe(By.cssSelector("#case dd[data-fact='Status']"), "RG_POSITIVE"));
    screenshot("casework-rg-decision");

    Api.as(token)
        .get("/api/v1/referrals/" + id)
        .then()
        .statusCode(200)
        .body("status", org.hamcrest.Matchers.equalTo("RG_POSITIVE"))
        .body("assignee", org.hamcrest.Matchers.equalTo(subject));
  }

  private static void signIn(String token) {
    WebElement field =
        new WebDriverWait(browser, PATIENCE)
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
    field.clear();
    // By keyboard: the token typed and Enter pressed, as a keyboard user signs in.
    field.sendKeys(token, Keys.ENTER);
  }

  private static Object script(String javascript) {
    return ((JavascriptExecutor) browser).executeScript(javascript);
  }

  private static void screenshot(String name) throws Exception {
    File shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(
        shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }
}
