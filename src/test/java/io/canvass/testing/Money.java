package io.canvass.testing;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Fixtures for deals and contracts, through the public API. */
public final class Money {

    private Money() {
    }

    /** A rep in a fresh team, with a manager of that team. */
    public record Team(UUID teamId, Api.TestUser rep, Api.TestUser manager) {
    }

    public static Team team() {
        UUID team = Api.team("money", null);
        return new Team(team, Api.user("REP", team), Api.manager(team));
    }

    public static String customer(Api.TestUser rep) {
        return customer(rep, "B");
    }

    public static String customer(Api.TestUser rep, String grade) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", Api.unique("客户"));
        body.put("grade", grade);
        body.put("stage", "KEY_ACCOUNT");
        return rep.as().body(body).post("/api/v1/customers").then().statusCode(201).extract().path("id");
    }

    public static Map<String, Object> contract(String customerId, String value, String currency, LocalDate startsOn, LocalDate endsOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", customerId);
        body.put("number", Api.unique("HT"));
        body.put("value", value);
        body.put("currency", currency);
        body.put("productLines", List.of("自动化设备"));
        body.put("startsOn", startsOn.toString());
        body.put("endsOn", endsOn.toString());
        body.put("status", "ACTIVE");
        return body;
    }

    /** An active contract ending on {@code endsOn}; returns its id. */
    public static String activeContract(Api.TestUser rep, String customerId, LocalDate endsOn) {
        return rep.as().body(contract(customerId, "120000.00", "CNY", endsOn.minusYears(1).plusDays(1), endsOn))
                .post("/api/v1/contracts").then().statusCode(201).extract().path("id");
    }

    /** A user with a given time zone. */
    public static Api.TestUser user(String role, UUID teamId, String zone) {
        String email = Api.unique(role.toLowerCase()) + "@example.com";
        Map<String, Object> body = new HashMap<>();
        body.put("email", email);
        body.put("displayName", "Test " + role + " " + zone);
        body.put("password", Api.PASSWORD);
        body.put("role", role);
        body.put("teamId", teamId);
        body.put("locale", "en");
        body.put("timeZone", zone);
        UUID id = UUID.fromString(Api.asAdmin().body(body).post("/api/v1/users").then().statusCode(201).extract().path("id"));
        String token = Api.login(email, Api.PASSWORD).get("accessToken").toString();
        return new Api.TestUser(id, email, Api.PASSWORD, role, teamId, token);
    }
}
