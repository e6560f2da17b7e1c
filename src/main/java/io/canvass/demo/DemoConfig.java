package io.canvass.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Demo organisation for trying Canvass out (dev mode). */
@ConfigMapping(prefix = "canvass.demo")
public interface DemoConfig {

    /** Fill an empty database with a demo organisation at start. */
    @WithDefault("false")
    boolean enabled();

    /** Password of every demo login. */
    @WithDefault("canvass-demo")
    String password();
}
