package io.canvass.contract;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.canvass.testing.Api;
import io.canvass.testing.Money;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A contract document's link is opened by everyone who reads the contract: only a web address is stored. */
@QuarkusTest
class ContractDocumentLinkTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Inject
    Pool pool;

    static final List<String> NOT_WEB_ADDRESSES = List.of(
            "javascript:alert(document.cookie)",
            " JavaScript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "/contracts/elsewhere",
            "//evil.example.com/x.pdf",
            "https://",
            "https:/docs.example.com/x.pdf",
            "https://user:secret@docs.example.com/x.pdf",
            "https://docs.example.com/a b.pdf",
            "");

    static Map<String, Object> document(String url) {
        return Map.of("name", "合同扫描件", "url", url, "kind", "SIGNED_CONTRACT");
    }

    @Test
    void aDocumentLinkThatIsNotAWebAddressIsRefusedNamingTheField() {
        Money.Team t = Money.team();
        String customer = Money.customer(t.rep());
        for (String url : NOT_WEB_ADDRESSES) {
            Map<String, Object> body = Money.contract(customer, "1000.00", "CNY", TODAY, TODAY.plusYears(1));
            body.put("documents", List.of(document("https://docs.example.com/ok.pdf"), document(url)));
            t.rep().as().body(body).post("/api/v1/contracts").then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://canvass.io/problems/validation"))
                    .body("errors.field", hasItem("documents[1].url"));
        }
    }

    @Test
    void aChangedDocumentLinkIsCheckedToo() {
        Money.Team t = Money.team();
        String id = Money.activeContract(t.rep(), Money.customer(t.rep()), TODAY.plusMonths(6));
        t.rep().as().body(Map.of("documents", List.of(document("javascript:alert(1)")))).patch("/api/v1/contracts/" + id).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("documents[0].url"));
        t.rep().as().get("/api/v1/contracts/" + id).then().statusCode(200).body("documents.size()", equalTo(0));
    }

    @Test
    void webAddressesAndDocumentsWithoutALinkAreKept() {
        Money.Team t = Money.team();
        Map<String, Object> body = Money.contract(Money.customer(t.rep()), "1000.00", "CNY", TODAY, TODAY.plusYears(1));
        body.put("documents", List.of(document("https://docs.example.com/合同/HT-1.pdf?v=2#page=3"),
                document("HTTP://dms.example.com:8443/d/42"), Map.of("name", "纸质原件")));
        Api.TestUser rep = t.rep();
        rep.as().body(body).post("/api/v1/contracts").then().statusCode(201)
                .body("documents.url", equalTo(java.util.Arrays.asList(
                        "https://docs.example.com/合同/HT-1.pdf?v=2#page=3", "HTTP://dms.example.com:8443/d/42", null)));
    }

    @Test
    void aLinkStoredBeforeTheRuleIsNotHandedOut() {
        Money.Team t = Money.team();
        String id = Money.activeContract(t.rep(), Money.customer(t.rep()), TODAY.plusMonths(6));
        pool.preparedQuery("update contract set documents = ($2::text)::jsonb where id = $1")
                .execute(Tuple.of(UUID.fromString(id), """
                        {"items": [{"name": "old scan", "url": "javascript:alert(1)"}, {"name": "dms", "url": "https://dms.example.com/1"}]}"""))
                .await().atMost(Duration.ofSeconds(10));
        t.rep().as().get("/api/v1/contracts/" + id).then().statusCode(200)
                .body("documents.name", equalTo(List.of("old scan", "dms")))
                .body("documents.url", equalTo(java.util.Arrays.asList(null, "https://dms.example.com/1")));
    }
}
