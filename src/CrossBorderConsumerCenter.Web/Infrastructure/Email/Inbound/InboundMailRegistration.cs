namespace CrossBorderConsumerCenter.Web.Infrastructure.Email.Inbound;

public static class InboundMailRegistration
{
    /// <summary>
    /// Reading the center's mailbox (Imap settings): the store, the signal its processor waits on, the status for
    /// operators, both inboxes and the background reader. Register after the database, so that migrations have run
    /// when the reader starts.
    /// </summary>
    public static IServiceCollection AddPortalInboundMail(this IServiceCollection services)
    {
        services.AddSingleton<InboundMailSignal>();
        services.AddSingleton<InboundMailStatus>();
        services.AddSingleton<InboundMailStore>();
        services.AddSingleton<ImapInbox>();
        services.AddSingleton<FolderInbox>();
        services.AddHostedService<InboundMailReader>();
        return services;
    }
}
