package io.canvass.expense;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.canvass.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Receipt images: checked from their bytes, limited in size and number, kept durably and shown only to those who see the claim. */
@QuarkusTest
class ExpenseReceiptTest {

    private static final String CLAIMS = "/api/v1/expense-claims/";

    @Test
    void receiptsAreCheckedByTheirBytesAndServedBackToThoseInScope() {
        Expenses.Team t = Expenses.team();
        Expenses.Team other = Expenses.team();
        Api.TestUser finance = Expenses.finance();
        Expenses.budget(t.id(), "TRAVEL", Expenses.thisMonth(), "1000.00", "CNY");
        String id = t.rep().as().body(Expenses.claimBody("TRAVEL", "88.00", "CNY")).post("/api/v1/expense-claims")
                .then().statusCode(201).extract().path("id");

        String location = Expenses.receipt(t.rep(), id).then().statusCode(201).body("sizeBytes", equalTo(Expenses.PNG.length))
                .extract().header("Location");
        byte[] webp = new byte[] { 'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' ' };
        given().auth().oauth2(t.rep().token()).contentType("image/webp").body(webp).post(CLAIMS + id + "/receipts").then().statusCode(201)
                .body("contentType", equalTo("image/webp"));
        given().auth().oauth2(t.rep().token()).contentType("image/jpeg").body(Expenses.PNG).post(CLAIMS + id + "/receipts").then()
                .statusCode(415).contentType("application/problem+json").body("detail", containsString("receipt"));
        given().auth().oauth2(t.rep().token()).contentType("image/png").body("<svg/>".getBytes()).post(CLAIMS + id + "/receipts").then()
                .statusCode(415);
        given().auth().oauth2(t.rep().token()).contentType("text/plain").body("hello").post(CLAIMS + id + "/receipts").then()
                .statusCode(415);
        byte[] huge = new byte[5_300_000];
        System.arraycopy(Expenses.PNG, 0, huge, 0, Expenses.PNG.length);
        given().auth().oauth2(t.rep().token()).contentType("image/png").body(huge).post(CLAIMS + id + "/receipts").then()
                .statusCode(413).contentType("application/problem+json");
        Expenses.receipt(t.manager(), id).then().statusCode(404);
        t.rep().as().get(CLAIMS + id).then().body("receipts.size()", equalTo(2)).body("receiptCount", equalTo(2));

        t.rep().as().post(CLAIMS + id + "/submit").then().statusCode(200);
        Expenses.receipt(t.rep(), id).then().statusCode(409);
        for (Api.TestUser viewer : new Api.TestUser[] { t.rep(), t.manager(), finance }) {
            byte[] back = given().auth().oauth2(viewer.token()).get(location).then().statusCode(200).contentType("image/png")
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Content-Disposition", "inline; filename=\"receipt-" + location.substring(location.lastIndexOf('/') + 1) + ".png\"")
                    .extract().asByteArray();
            assertArrayEquals(Expenses.PNG, back);
        }
        given().auth().oauth2(other.manager().token()).get(location).then().statusCode(404);
        given().auth().oauth2(other.rep().token()).get(location).then().statusCode(404);
        given().auth().oauth2(Api.user("REP", t.id()).token()).get(location).then().statusCode(404);
        given().auth().oauth2(t.rep().token()).get(CLAIMS + id + "/receipts/" + java.util.UUID.randomUUID()).then().statusCode(404);
        given().get(location).then().statusCode(401);
    }

    @Test
    void aClaimCarriesAtMostTenReceiptsAndTheRepRemovesThemWhileItIsADraft() {
        Expenses.Team t = Expenses.team();
        String id = t.rep().as().body(Expenses.claimBody("OTHER", "10.00", "CNY")).post("/api/v1/expense-claims")
                .then().statusCode(201).extract().path("id");
        String first = null;
        for (int i = 0; i < 10; i++) {
            String location = Expenses.receipt(t.rep(), id).then().statusCode(201).extract().header("Location");
            first = first == null ? location : first;
        }
        Expenses.receipt(t.rep(), id).then().statusCode(422).body("detail", containsString("at most 10 receipts"));
        t.manager().as().delete(first).then().statusCode(404);
        t.rep().as().delete(first).then().statusCode(204);
        t.rep().as().get(first).then().statusCode(404);
        Expenses.receipt(t.rep(), id).then().statusCode(201);
        t.rep().as().delete(CLAIMS + id).then().statusCode(204);
        t.rep().as().get(first.replaceAll("/receipts/.*", "")).then().statusCode(404);
    }
}
