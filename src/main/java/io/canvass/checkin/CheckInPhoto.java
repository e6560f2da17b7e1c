package io.canvass.checkin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The optional photo of a check-in, kept in the database so it is as durable as the check-in. */
@Entity
@Table(name = "check_in_photo")
public class CheckInPhoto {

    @Id
    @Column(name = "check_in_id")
    public UUID checkInId;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(name = "size_bytes", nullable = false)
    public int sizeBytes;

    @Column(nullable = false)
    public byte[] bytes;

    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;
}
