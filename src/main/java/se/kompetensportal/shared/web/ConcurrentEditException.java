package se.kompetensportal.shared.web;

/**
 * Someone else saved the same thing after the user opened the form: their change is kept, this one is not applied,
 * and the 409 page explains what to do.
 */
public class ConcurrentEditException extends RuntimeException {

    public ConcurrentEditException(String what, Object id) {
        super(what + " " + id + " was changed by someone else");
    }
}
