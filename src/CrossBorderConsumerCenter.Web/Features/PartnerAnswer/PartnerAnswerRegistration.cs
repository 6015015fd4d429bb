using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;

namespace CrossBorderConsumerCenter.Web.Features.PartnerAnswer;

public static class PartnerAnswerRegistration
{
    /// <summary>The agencies' answer page (/partner/{token}): its links' settings, the answer, and its rate limit.</summary>
    public static IServiceCollection AddPartnerAnswer(this IServiceCollection services)
    {
        services.AddSettings<PartnerLinksOptions, PartnerLinksOptions.Validator>(PartnerLinksOptions.Section);
        return services
            .AddScoped<RecordPartnerAnswer.Handler>()
            .AddPartnerAnswerRateLimit();
    }
}
