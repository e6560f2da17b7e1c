package io.canvass.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;

import io.canvass.web.Accounts.Account;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A form opens showing the record as it is, and a filtered list shows the filter it was opened with. */
@QuarkusTest
class FormDefaultsBrowserTest extends BrowserTest {

    @Test
    void editingACustomerShowsItsGradeAndAFilteredListItsFilters() {
        Account rep = Accounts.create("REP", "en");
        String token = Accounts.token(rep);
        String name = "Grade C " + UUID.randomUUID().toString().substring(0, 8);
        String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", name, "grade", "C", "stage", "HIGH_INTENT"))
                .post("/api/v1/customers").then().statusCode(201).extract().path("id");

        open("en-US");
        signIn(rep);
        page.navigate("/customers/" + id + "/edit");
        assertThat(page.getByLabel("Grade")).hasValue("C");
        assertThat(page.getByLabel("Stage")).hasValue("HIGH_INTENT");

        page.navigate("/customers?grade=C&sort=NAME");
        assertThat(page.locator("#f-grade")).hasValue("C");
        assertThat(page.locator("#f-sort")).hasValue("NAME");
    }
}
