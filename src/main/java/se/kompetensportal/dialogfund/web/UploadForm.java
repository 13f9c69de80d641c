package se.kompetensportal.dialogfund.web;

import org.springframework.web.multipart.MultipartFile;

/** One uploaded file. Its type and size are checked by content in the service. */
record UploadForm(MultipartFile file) {

    static UploadForm empty() {
        return new UploadForm(null);
    }
}
