package io.canvass.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

class ImageUploadTest {

    @Test
    void anImageIsServedInlineWithItsStoredTypeUnderASafeName() {
        Response response = ImageUpload.serve("receipt-1f0e\"; evil=\r\n.html", "image/png", new byte[] { 1 });
        assertEquals("image/png", response.getMediaType().toString());
        assertEquals("inline; filename=\"receipt-1f0e___evil___.html.png\"", response.getHeaderString("Content-Disposition"));
        assertEquals("private, max-age=86400", response.getHeaderString("Cache-Control"));
    }

    @Test
    void anythingButAnAcceptedImageTypeIsAnAttachmentOfUnknownType() {
        for (String stored : new String[] { "text/html", "image/svg+xml", null }) {
            Response response = ImageUpload.serve("checkin-42", stored, new byte[] { 1 });
            assertEquals("application/octet-stream", response.getMediaType().toString(), "stored as " + stored);
            assertEquals("attachment; filename=\"checkin-42\"", response.getHeaderString("Content-Disposition"));
        }
    }
}
