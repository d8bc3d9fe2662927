package org.truthline.image;

import io.swagger.v3.oas.annotations.Operation;
import java.nio.file.Path;
import java.security.Principal;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.truthline.dicom.WindowSetting;

/** De-identified image metadata and previews; originals for admins only. */
@RestController
@RequestMapping("/api/images")
public class ImageController {

    private final ImageService images;

    public ImageController(ImageService images) {
        this.images = images;
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a de-identified image's metadata")
    public ImageRecord get(@PathVariable long id, Principal principal) {
        return images.get(id, principal.getName());
    }

    @GetMapping(value = "/{id}/preview", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(summary = "Render a frame of the de-identified image as PNG",
            description = "Full size. Without parameters: frame 0 with the image's own first window. "
                    + "center and width (modality units) set another window; frame is 0-based.")
    public ResponseEntity<byte[]> preview(@PathVariable long id, @RequestParam(defaultValue = "0") int frame,
            @RequestParam(required = false) Double center, @RequestParam(required = false) Double width,
            Principal principal) {
        if ((center == null) != (width == null)) {
            throw new IllegalArgumentException("Give both center and width, or neither.");
        }
        WindowSetting window = center == null ? null : new WindowSetting(center, width, null);
        byte[] png = images.renderPng(id, frame, window, principal.getName());
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.noStore().cachePrivate()).body(png);
    }

    @GetMapping(value = "/{id}/thumbnail", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(summary = "Get the thumbnail made at intake",
            description = "Frame 0 with the image's own window, at most truthline.intake.thumbnail-size pixels "
                    + "(default 256) on its longest side.")
    public ResponseEntity<byte[]> thumbnail(@PathVariable long id, Principal principal) {
        byte[] png = images.thumbnailPng(id, principal.getName());
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.noStore().cachePrivate()).body(png);
    }

    @GetMapping(value = "/{id}/original", produces = "application/dicom")
    @Operation(summary = "Download the original, PHI-bearing file (admin only; audited)")
    public ResponseEntity<Resource> original(@PathVariable long id, Principal principal) {
        Path file = images.originalFile(id, principal.getName());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/dicom"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"original-" + id + ".dcm\"")
                .cacheControl(CacheControl.noStore()).body(new FileSystemResource(file));
    }
}
