package io.canvass.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list. Lists are ordered by id (time-ordered UUIDs); {@code nextCursor} is the
 * opaque value to pass as {@code cursor} for the following page, absent on the last page.
 */
@RegisterForReflection
@Schema(description = "A page of results; pass nextCursor as the cursor query parameter to get the next page")
public record Page<T>(List<T> items,
                      @JsonInclude(JsonInclude.Include.NON_NULL)
                      @Schema(description = "The cursor of the next page; absent on the last page") String nextCursor) {

    public static final int MAX_LIMIT = 200;
    public static final String DEFAULT_LIMIT = "50";

    /**
     * Builds a page from rows fetched with {@code limit + 1}: the extra row only tells that more exist.
     */
    public static <E, T> Page<T> of(List<E> rows, int limit, Function<E, UUID> id, Function<E, T> view) {
        boolean more = rows.size() > limit;
        List<E> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? Cursor.encode(id.apply(shown.get(shown.size() - 1))) : null;
        return new Page<>(shown.stream().map(view).toList(), next);
    }
}
