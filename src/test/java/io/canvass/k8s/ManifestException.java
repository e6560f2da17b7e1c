package io.canvass.k8s;

/** A manifest that Kubernetes (or the renderer) would refuse, with where and why. */
final class ManifestException extends RuntimeException {

    ManifestException(String message) {
        super(message);
    }
}
