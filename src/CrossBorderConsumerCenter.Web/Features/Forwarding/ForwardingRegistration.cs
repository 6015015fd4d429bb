namespace CrossBorderConsumerCenter.Web.Features.Forwarding;

public static class ForwardingRegistration
{
    /// <summary>Forwarding a case to a partner agency: compose, preview, send, with the records of provision.</summary>
    public static IServiceCollection AddForwarding(this IServiceCollection services) => services
        .AddScoped<CaseForwarding.Loader>()
        .AddScoped<ForwardEmail>()
        .AddScoped<ComposeForward.Handler>()
        .AddScoped<SendForward.Handler>();
}
