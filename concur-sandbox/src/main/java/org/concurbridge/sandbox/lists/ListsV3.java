package org.concurbridge.sandbox.lists;

import org.concurbridge.sandbox.SandboxRoutes;
import org.concurbridge.sandbox.SandboxState;

/** List Item v3 and Lists v3 (deprecated): see register. */
final class ListsV3 {

    private final Lists lists;
    private final SandboxState state;

    ListsV3(Lists lists, SandboxState state) {
        this.lists = lists;
        this.state = state;
    }

    void register(SandboxRoutes routes) {
    }
}
