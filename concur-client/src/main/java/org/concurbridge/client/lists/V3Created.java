package org.concurbridge.client.lists;

/** A v3 {@code CreateResponse}: the new resource's {@code ID} and {@code URI}. */
public record V3Created(String id, String uri) {
}
