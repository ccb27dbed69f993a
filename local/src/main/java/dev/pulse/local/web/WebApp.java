package dev.pulse.local.web;

import dev.pulse.local.http.HttpRequestData;
import dev.pulse.local.http.HttpResponseData;
import java.nio.file.Path;
import java.util.Optional;

/** What the local runtime serves beside the API's routes: the built web app and its dev sign-in. */
public record WebApp(Optional<StaticSite> site, Optional<DevSignIn> signIn) {
    public static WebApp none() {
        return new WebApp(Optional.empty(), Optional.empty());
    }

    /** The app built in {@code root} (if it is built) and the demo token of {@code ./pulse run} behind the button. */
    public static WebApp of(Path root, Path demoToken) {
        return new WebApp(StaticSite.at(root), Optional.of(new DevSignIn(demoToken)));
    }

    /** The dev sign-in's answer, checked before the routes. */
    public Optional<HttpResponseData> beforeRoutes(HttpRequestData request) {
        return signIn.flatMap(
                s -> s.serve(request.method(), request.rawPath(), request.header("origin"), request.header("host")));
    }

    /** A file of the app, for a path no route took. */
    public Optional<HttpResponseData> afterRoutes(HttpRequestData request) {
        return site.flatMap(s -> s.serve(request.method(), request.rawPath(), request.header("if-none-match")));
    }
}
