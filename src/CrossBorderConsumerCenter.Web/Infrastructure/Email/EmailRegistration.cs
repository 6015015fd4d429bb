namespace CrossBorderConsumerCenter.Web.Infrastructure.Email;

public static class EmailRegistration
{
    /// <summary>
    /// The outbox (features enqueue in their own transaction), the reply addresses, the SMTP transport, and the background sender.
    /// Register after the database, so that migrations have run when the sender starts.
    /// </summary>
    public static IServiceCollection AddPortalEmail(this IServiceCollection services)
    {
        services.AddSingleton<EmailComposer>();
        services.AddSingleton<ReplyAddresses>();
        services.AddScoped<EmailOutbox>();
        services.AddSingleton<IEmailTransport, SmtpEmailTransport>();
        services.AddSingleton<EmailSender>();
        services.AddHostedService<EmailSenderService>();
        return services;
    }
}
