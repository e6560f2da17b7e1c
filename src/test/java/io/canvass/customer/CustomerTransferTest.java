package io.canvass.customer;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.canvass.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CustomerTransferTest {

    private static final String NUL = "\u0000";

    @Test
    void importCreatesValidRowsAndReportsTheRest() {
        UUID team = Api.team("import", null);
        Api.TestUser manager = Api.manager(team);
        Api.TestUser rep = Api.user("REP", team);
        String unique = Api.unique("苏州");
        String csv = "name,grade,stage,owner_email,contact_name,contact_phone,tags\r\n"
                + unique + "精密模具有限公司,A,HIGH_INTENT," + rep.email() + ",王经理,138-0000-1111,展会;华东\r\n"
                + "\"" + unique + " Pumps, Ltd\",C,," + rep.email() + ",Ms Zhou,13800002222,\r\n"
                + ",B,," + rep.email() + ",,,\r\n"
                + unique + "坏等级,Z,," + rep.email() + ",,,\r\n"
                + unique + "精密模具有限公司,B,," + rep.email() + ",李,13800001111,\r\n"
                + unique + "无主,B,,nobody@example.com,,,\r\n";
        manager.as().contentType("text/csv; charset=UTF-8").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/customers/import").then()
                .statusCode(200)
                .body("rows", equalTo(6))
                .body("created.row", equalTo(List.of(2, 3)))
                .body("created[1].name", equalTo(unique + " Pumps, Ltd"))
                .body("duplicates.row", equalTo(List.of(6)))
                .body("invalid.row", equalTo(List.of(4, 5, 7)))
                .body("invalid.find { it.row == 5 }.errors[0].field", equalTo("grade"))
                .body("invalid.find { it.row == 7 }.errors[0].field", equalTo("owner_email"));
        rep.as().get("/api/v1/customers?q=" + unique).then().body("items.size()", equalTo(2))
                .body("items.tags.flatten()", hasItem("华东"));
        manager.as().contentType("text/csv; charset=UTF-8").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/customers/import").then().body("created.size()", equalTo(0)).body("duplicates.row", equalTo(List.of(2, 3, 6)));
    }

    @Test
    void importIsForManagersAndNeedsAHeader() {
        UUID team = Api.team("import", null);
        Api.user("REP", team).as().contentType("text/csv").body("name,grade\nx,A\n").post("/api/v1/customers/import").then().statusCode(403);
        Api.manager(team).as().contentType("text/csv").body("foo,bar\nx,A\n").post("/api/v1/customers/import").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aNulInACsvRowIsThatRowsErrorAndTheOtherRowsAreImported() {
        UUID team = Api.team("import", null);
        Api.TestUser owner = Api.user("REP", team);
        String good = Api.unique("导入客户");
        String csv = "name,grade,notes,owner_email\n" + good + ",A,fine," + owner.email() + "\nba" + NUL + "d,B,," + owner.email() + "\n"
                + Api.unique("c") + ",C,no" + NUL + "tes," + owner.email() + "\n";
        Api.manager(team).as().contentType("text/csv; charset=UTF-8").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/customers/import").then()
                .statusCode(200)
                .body("created", hasSize(1))
                .body("created[0].name", equalTo(good))
                .body("invalid", hasSize(2))
                .body("invalid[0].row", equalTo(3))
                .body("invalid[0].errors[0].field", equalTo("name"))
                .body("invalid[0].errors[0].message", containsString("U+0000"))
                .body("invalid[1].row", equalTo(4))
                .body("invalid[1].errors[0].field", equalTo("notes"));
    }

    @Test
    void aNulInACsvHeaderIsA400NamingTheColumn() {
        Api.manager(Api.team("import", null)).as().contentType("text/csv").body("name,grade,no" + NUL + "tes\nx,A,y\n")
                .post("/api/v1/customers/import").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", containsString("column 3"));
    }

    @Test
    void exportWritesWhatTheFilterSelectsInUtf8() {
        Api.TestUser rep = Api.user("REP", Api.team("export", null));
        rep.as().body(Map.of("name", "杭州, \"云帆\" 科技", "grade", "A")).post("/api/v1/customers").then().statusCode(201);
        rep.as().body(Map.of("name", "Other Co", "grade", "C")).post("/api/v1/customers").then().statusCode(201);
        byte[] body = rep.as().get("/api/v1/customers/export?grade=A").then()
                .statusCode(200).contentType(startsWith("text/csv")).extract().asByteArray();
        String csv = new String(body, StandardCharsets.UTF_8);
        List<List<String>> rows = io.canvass.platform.Csv.parse(csv);
        org.junit.jupiter.api.Assertions.assertEquals(2, rows.size(), "header and the one grade-A customer");
        org.junit.jupiter.api.Assertions.assertEquals("杭州, \"云帆\" 科技", rows.get(1).get(1));
        org.hamcrest.MatcherAssert.assertThat(csv, startsWith("\uFEFFid,name,grade"));
        org.hamcrest.MatcherAssert.assertThat(csv, containsString("\r\n"));
    }
}
