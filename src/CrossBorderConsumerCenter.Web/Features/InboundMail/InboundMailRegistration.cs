namespace CrossBorderConsumerCenter.Web.Features.InboundMail;

public static class InboundMailRegistration
{
    /// <summary>
    /// What the portal does with mail read from the center's mailbox (Infrastructure/Email/Inbound stores it and signals):
    /// the processor (matching each message to its case and applying it), and the staff page of mail that waits for them.
    /// </summary>
    public static IServiceCollection AddInboundMail(this IServiceCollection services)
    {
        services
            .AddScoped<MailEffects>()
            .AddScoped<ProcessInboundMail>()
            .AddScoped<ListMail.Handler>()
            .AddScoped<ShowMail.Handler>()
            .AddScoped<AttachMail.Handler>()
            .AddScoped<DiscardMail.Handler>()
            .AddHostedService<InboundMailProcessorService>();
        return services;
    }
}
