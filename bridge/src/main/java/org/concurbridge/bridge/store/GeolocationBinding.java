package org.concurbridge.bridge.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On every start (service and CLI): binds the geolocation into refresh tokens stored before V11_1
 * ({@link ConnectionRepository#bindGeolocations()}); nothing to do once every row is bound.
 */
@Component
class GeolocationBinding implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(GeolocationBinding.class);
    private final ConnectionRepository connections;

    GeolocationBinding(ConnectionRepository connections) {
        this.connections = connections;
    }

    @Override
    public void run(ApplicationArguments args) {
        int bound = connections.bindGeolocations();
        if (bound > 0) {
            log.info("event=token_geolocation_binding_done rows={}", bound);
        }
    }
}
