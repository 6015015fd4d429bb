using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using CrossBorderConsumerCenter.Web.Infrastructure.Email.Inbound;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrossBorderConsumerCenter.Web.Features.InboundMail;

public static class InboundMailRegistration
{
    /// <summary>
    /// What the portal does with mail read from the center's mailbox: the processor (matching each message to its case
    /// and applying it), and the staff page of mail that waits for them.
    /// </summary>
    public static IServiceCollection AddInboundMail(this IServiceCollection services)
    {
        services.AddSingleton<InboundMailSignal>();
        // The processor reads the case a reply address names; kept when the email registration already provides them.
        services.TryAddSingleton<ReplyAddresses>();
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
