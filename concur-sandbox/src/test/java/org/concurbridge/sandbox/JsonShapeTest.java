package org.concurbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class JsonShapeTest {

    private static JsonNode j(String json) {
        return Http.JSON.readTree(json);
    }

    @Test
    void sameNamesAndTypesWithOtherValuesMatch() {
        assertThat(JsonShape.differences(j("{\"a\":\"x\",\"b\":{\"c\":1,\"d\":[true]}}"),
                j("{\"b\":{\"d\":[false,true],\"c\":99},\"a\":\"y\"}"), Set.of())).isEmpty();
    }

    @Test
    void reportsATypeChangeSuchAsANumericExpiresIn() {
        assertThat(JsonShape.differences(j("{\"expires_in\":\"3600\"}"), j("{\"expires_in\":3600}"), Set.of()))
                .containsExactly("$.expires_in: expected STRING, got NUMBER");
    }

    @Test
    void reportsMissingAndUnexpectedFieldsAtAnyDepth() {
        assertThat(JsonShape.differences(j("{\"a\":{\"b\":1}}"), j("{\"a\":{\"c\":1}}"), Set.of()))
                .containsExactly("$.a.b: missing", "$.a.c: not in the example");
    }

    @Test
    void allowedExtrasAreAcceptedOnlyAtTheirPath() {
        assertThat(JsonShape.differences(j("{\"a\":{}}"), j("{\"x\":1,\"a\":{\"x\":1}}"), Set.of("$.x")))
                .containsExactly("$.a.x: not in the example");
    }

    @Test
    void exampleNullAcceptsScalarsButNotObjects() {
        assertThat(JsonShape.differences(j("{\"a\":null,\"b\":null}"), j("{\"a\":\"s\",\"b\":{}}"), Set.of()))
                .containsExactly("$.b: expected null or a scalar, got OBJECT");
    }

    @Test
    void everyArrayElementIsComparedWithTheExamplesFirst() {
        assertThat(JsonShape.differences(j("[{\"a\":1}]"), j("[{\"a\":1},{\"a\":\"x\"}]"), Set.of()))
                .containsExactly("$[1].a: expected NUMBER, got STRING");
    }

    @Test
    void commentsInTheExampleAreIgnored() {
        assertThat(JsonShape.differences(j("{\"a\":1,\"_comment\":\"doc\"}"), j("{\"a\":2}"), Set.of())).isEmpty();
    }
}
