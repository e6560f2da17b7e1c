package io.canvass.platform;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

/**
 * Adds the problem responses every API operation can give (validation, authentication, role,
 * database unavailable) so each resource only declares the ones specific to it.
 */
public class ProblemResponsesFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().forEach((method, operation) -> addCommon(method, operation));
            }
        });
    }

    private static void addCommon(PathItem.HttpMethod method, Operation operation) {
        boolean secured = operation.getSecurity() == null || !operation.getSecurity().isEmpty();
        add(operation, "400", "Validation");
        if (secured) {
            add(operation, "401", "Unauthorized");
            add(operation, "403", "Forbidden");
        }
        add(operation, "503", "Unavailable");
    }

    private static void add(Operation operation, String status, String ref) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        Map<String, ?> existing = operation.getResponses().getAPIResponses();
        if (existing == null || !existing.containsKey(status)) {
            operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().ref(ref));
        }
    }
}
