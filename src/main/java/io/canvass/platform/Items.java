package io.canvass.platform;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A whole list in one answer. Every list Canvass answers is an object with {@code items}, never a
 * bare array, so a list can gain a field (a total, a cursor) without breaking its clients; a list
 * that pages is a {@link Page}, the same shape plus {@code nextCursor}.
 */
@RegisterForReflection
@Schema(description = "A whole list, in one answer (it has no further pages)")
public record Items<T>(List<T> items) {

    public static <T> Items<T> of(List<T> items) {
        return new Items<>(items);
    }
}
