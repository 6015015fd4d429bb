namespace CrossBorderConsumerCenter.Web.Features.Intake;

public static class IntakeRegistration
{
    /// <summary>The consent gate, the complaint form with its evidence and its rate limit, submission, the receipt, and the drafts' clean-up.</summary>
    public static IServiceCollection AddIntake(this IServiceCollection services) => services
        .AddScoped<IntakeDrafts>()
        .AddSingleton<SubmissionTickets>()
        .AddScoped<GiveConsent.Handler>()
        .AddScoped<SaveComplaint.Handler>()
        .AddScoped<ComplaintFormFlow>()
        .AddScoped<SubmitComplaint.Handler>()
        .AddHostedService<DraftCleanup>()
        .AddIntakeFormRateLimit();
}
