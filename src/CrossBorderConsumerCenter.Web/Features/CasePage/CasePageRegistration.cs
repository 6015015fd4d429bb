namespace CrossBorderConsumerCenter.Web.Features.CasePage;

public static class CasePageRegistration
{
    /// <summary>The staff case page: its view, evidence files and actions (the workflow in the UI), audited.</summary>
    public static IServiceCollection AddCasePage(this IServiceCollection services) => services
        .AddScoped<CaseChanges>()
        .AddScoped<ShowCase.Handler>()
        .AddScoped<ServeEvidence.Handler>()
        .AddScoped<AssignCase.Handler>()
        .AddScoped<ChangeCaseCategory.Handler>()
        .AddScoped<ChangeCasePriority.Handler>()
        .AddScoped<AddCaseNote.Handler>()
        .AddScoped<RequestInformation.Handler>()
        .AddScoped<NotifyConsumer.Handler>()
        .AddScoped<KeepWaiting.Handler>()
        .AddScoped<RecordReply.Handler>()
        .AddScoped<DeclineCase.Handler>()
        .AddScoped<DeclinePreview>()
        .AddScoped<CloseCase.Handler>()
        .AddScoped<ReopenCase.Handler>()
        .AddScoped<CorrectCase.Handler>();
}
