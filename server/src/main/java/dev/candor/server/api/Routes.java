package dev.candor.server.api;

/** Every API resource, registered in one place. */
public final class Routes {
    private Routes() {
    }

    public static RouteTable all(ApiContext ctx) {
        RouteTable t = new RouteTable(ctx);
        OpsApi.register(t);
        ItemsApi.register(t);
        ConsentApi.register(t);
        PreferencesApi.register(t);
        EventsApi.register(t);
        FeedbackApi.register(t);
        RecommendationsApi.register(t);
        RightsApi.register(t);
        AuditApi.register(t);
        MeApi.register(t);
        AnalyticsApi.register(t);
        ModelsApi.register(t);
        ExperimentsApi.register(t);
        CollectionsApi.register(t);
        TrustApi.register(t);
        OverviewApi.register(t);
        return t;
    }
}
