namespace CrossBorderConsumerCenter.Web.Features.EmailDelivery;

public static class EmailDeliveryRegistration
{
    /// <summary>The outbox's state for admins: failing and dead-lettered messages, and "send again".</summary>
    public static IServiceCollection AddEmailDelivery(this IServiceCollection services) => services
        .AddScoped<ListEmails.Handler>()
        .AddScoped<SendEmailAgain.Handler>();
}
