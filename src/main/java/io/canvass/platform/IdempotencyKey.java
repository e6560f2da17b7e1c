package io.canvass.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/**
 * A used {@code Idempotency-Key} and the answer its write was given, as an entity so that it is
 * written by the transaction the write commits (see {@link ReplaySafe.AnswerAfterCommit}).
 */
@Entity
@Table(name = "idempotency_key")
@IdClass(IdempotencyKey.Key.class)
public class IdempotencyKey {

    /** The key of a key: whose it is, and the key. */
    public record Key(UUID userId, String key) implements Serializable {

        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Id
    public String key;

    @Column(name = "request_hash")
    public byte[] requestHash;

    public String state = "DONE";

    /** Null until the answer is known. */
    public Integer status;

    public String headers;

    public String body;
}
