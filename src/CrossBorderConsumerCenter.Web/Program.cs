using System.Text.Encodings.Web;
using System.Text.Unicode;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Features.Account;
using CrossBorderConsumerCenter.Web.Features.Audit;
using CrossBorderConsumerCenter.Web.Features.CasePage;
using CrossBorderConsumerCenter.Web.Features.Clocks;
using CrossBorderConsumerCenter.Web.Features.Cases;
using CrossBorderConsumerCenter.Web.Features.Centers;
using CrossBorderConsumerCenter.Web.Features.Counselors;
using CrossBorderConsumerCenter.Web.Features.EmailDelivery;
using CrossBorderConsumerCenter.Web.Features.Forwarding;
using CrossBorderConsumerCenter.Web.Features.Intake;
using CrossBorderConsumerCenter.Web.Features.Pages;
using CrossBorderConsumerCenter.Web.Features.PartnerAnswer;
using CrossBorderConsumerCenter.Web.Features.Partners;
using CrossBorderConsumerCenter.Web.Features.Queue;
using CrossBorderConsumerCenter.Web.Features.Forms;
using CrossBorderConsumerCenter.Web.Features.Tracking;
using CrossBorderConsumerCenter.Web.Features.Users;
using CrossBorderConsumerCenter.Web.Infrastructure;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using CrossBorderConsumerCenter.Web.Infrastructure.Database;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using CrossBorderConsumerCenter.Web.Infrastructure.Errors;
using CrossBorderConsumerCenter.Web.Infrastructure.Localization;
using CrossBorderConsumerCenter.Web.Infrastructure.Logging;
using CrossBorderConsumerCenter.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;

// `dotnet run -- migrate` (and later commands) run a task and exit; no arguments serve the portal.
var command = PortalCommand.Parse(args);
var builder = WebApplication.CreateBuilder(command.HostArgs);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

// Infrastructure
builder.AddPortalLogging();
builder.Services.AddPortalSettings();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddPortalDatabase(builder.Environment);
builder.Services.AddPortalEmail(); // email: outbox, SMTP transport, background sender (after the database: it needs migrations)
builder.Services.AddPortalDataProtection();
builder.Services.AddPortalTransportSecurity();
builder.Services.AddPortalIdentity();
builder.Services.AddPortalRateLimiter(); // features add their policies (partner answers, lost tracking links)
builder.Services.AddHttpContextAccessor();
builder.Services.AddPortalLocalization();
builder.Services.Configure<WebEncoderOptions>(encoder => encoder.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services
    .AddControllersWithViews(mvc => mvc.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()))
    .AddRazorOptions(razor => FeatureFolders.Use(razor));

// Features: every form's validator, found in this assembly (FluentValidation's DI extensions; ADR 0022). Validators are
// stateless, so each is built once for the app's lifetime, not per request.
builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton);

// Features: handlers and services, one by one.

// Account: sign-in and own password (staff and counselors)
builder.Services.AddScoped<SignIn.Handler>();
builder.Services.AddScoped<ChangePassword.Handler>();

// Users: account administration (admins)
builder.Services.AddScoped<UserAdministration>();
builder.Services.AddScoped<ListUsers.Handler>();
builder.Services.AddScoped<CreateUser.Handler>();
builder.Services.AddScoped<EditUser.Handler>();
builder.Services.AddScoped<SetUserEnabled.Handler>();
builder.Services.AddScoped<ResetUserPassword.Handler>();

// Audit: the audit trail (admins)
builder.Services.AddScoped<ListAudit.Handler>();

// EmailDelivery: the outbox's state, failed messages and "send again" (admins)
builder.Services.AddScoped<ListEmails.Handler>();
builder.Services.AddScoped<SendEmailAgain.Handler>();
// Intake (issue 3): the consent gate, the complaint form with evidence, submission and receipt.
builder.Services.AddScoped<IntakeDrafts>();
builder.Services.AddSingleton<ChoiceLists>();
builder.Services.AddScoped<GiveConsent.Handler>();
builder.Services.AddScoped<SaveComplaint.Handler>();
builder.Services.AddScoped<SubmitComplaint.Handler>();
builder.Services.AddHostedService<DraftCleanup>();

// Pages (issue 3): the FAQ and the privacy notice, markdown in Content/{ja,en}/.
builder.Services.AddSingleton<MarkdownPages>();

// CasePage (issue 5): the staff case page, its actions (the workflow in the UI), evidence files, audited views and changes.
builder.Services.AddScoped<CaseChanges>();
builder.Services.AddScoped<ShowCase.Handler>();
builder.Services.AddScoped<ServeEvidence.Handler>();
builder.Services.AddScoped<AssignCase.Handler>();
builder.Services.AddScoped<ChangeCaseCategory.Handler>();
builder.Services.AddScoped<ChangeCasePriority.Handler>();
builder.Services.AddScoped<AddCaseNote.Handler>();
builder.Services.AddScoped<RequestInformation.Handler>();
builder.Services.AddScoped<DeclineCase.Handler>();
builder.Services.AddScoped<CloseCase.Handler>();
builder.Services.AddScoped<ReopenCase.Handler>();
// Queue (issue 5, part A): the staff queue at /staff/cases, the back office's home.
builder.Services.AddSingleton<SearchBigramStatistics>();
builder.Services.AddScoped<ListCases.Handler>();

// Forwarding (issue 6): the partner agency registry (/admin/partners, addresses from PartnerAgencies:{Code}), forwarding
// with records of provision, the agencies' answer page (/partner/{token}, rate-limited), telling the consumer, the case clocks.
builder.Services.AddOptions<PartnerAgenciesOptions>()
    .Configure<IConfiguration>((o, config) => config.GetSection(PartnerAgenciesOptions.Section).Bind(o.Agencies))
    .ValidateOnStart();
builder.Services.AddSingleton<IValidateOptions<PartnerAgenciesOptions>, PartnerAgenciesOptions.Validator>();
builder.Services.AddSettings<PartnerLinksOptions, PartnerLinksOptions.Validator>(PartnerLinksOptions.Section);
builder.Services.AddSettings<ClocksOptions, ClocksOptions.Validator>(ClocksOptions.Section);
builder.Services.AddSingleton<PartnerDirectory>();
builder.Services.AddHostedService<ApplyConfiguredAddresses>();
builder.Services.AddScoped<ListPartnerAgencies.Handler>();
builder.Services.AddScoped<EditPartnerAgency.Handler>();
builder.Services.AddScoped<SetPartnerAgencyActive.Handler>();
builder.Services.AddScoped<CaseForwarding.Loader>();
builder.Services.AddScoped<ForwardEmail>();
builder.Services.AddScoped<ComposeForward.Handler>();
builder.Services.AddScoped<SendForward.Handler>();
builder.Services.AddScoped<NotifyConsumer.Handler>();
builder.Services.AddScoped<KeepWaiting.Handler>();
builder.Services.AddScoped<RecordPartnerAnswer.Handler>();
builder.Services.AddPartnerAnswerRateLimit();
builder.Services.AddSingleton<RunCaseClocks>();
builder.Services.AddHostedService<CaseClocksWorker>();
// Tracking and counselors (issue 7): centers, counselors filing for residents and their dashboard, the consumer's
// tracking link and page (answers, withdrawal, lost link), and the status emails to the consumer.
builder.Services.AddScoped<CaseAdditions>();
builder.Services.AddScoped<TrackingLinks>();
builder.Services.AddSingleton<ReceiptLinks>();
builder.Services.AddScoped<ShowTracking.Handler>();
builder.Services.AddScoped<AnswerRequest.Handler>();
builder.Services.AddScoped<WithdrawCase.Handler>();
builder.Services.AddScoped<ResendTrackingLink.Handler>();
builder.Services.AddSingleton<ConsumerStatusEmails>();
builder.Services.ConfigureDbContext<AppDbContext>((sp, options) => options.AddInterceptors(sp.GetRequiredService<ConsumerStatusEmails>()), ServiceLifetime.Singleton);
builder.Services.Configure<RequestLocalizationOptions>(options => options.RequestCultureProviders.Insert(2, new TrackingCulture()));
builder.Services.Configure<RateLimiterOptions>(limiter =>
    limiter.AddPolicy(TrackingController.LostLinkRateLimit, http => RateLimiting.PerClientAddress(http, 5, TimeSpan.FromMinutes(15))));
builder.Services.AddScoped<ListCenters.Handler>();
builder.Services.AddScoped<SaveCenter.Handler>();
builder.Services.AddScoped<CurrentCounselor>();
builder.Services.AddScoped<CounselorDrafts>();
builder.Services.AddScoped<ListCenterCases.Handler>();
builder.Services.AddScoped<ShowCounselorCase.Handler>();
builder.Services.AddScoped<AttestConsent.Handler>();
builder.Services.AddScoped<AddCaseInformation.Handler>();

var app = builder.Build();

try
{
    // Every setting is checked before anything runs, so that all invalid ones are printed, one per line, by the catch
    // below (the host's own check at start would also log them with a stack trace).
    app.Services.GetRequiredService<IStartupValidator>().Validate();
    if (command.Name != PortalCommand.Serve)
    {
        return await command.RunAsync(app);
    }

    // Settings are read per request, not here, so that invalid ones fail the host start with their message.
    app.UseForwardedHeaders();
    app.UseMiddleware<CorrelationIdMiddleware>();
    app.UsePortalRequestLogging();
    app.UseMiddleware<SecurityHeadersMiddleware>();
    app.UseWhen(
        ctx => ctx.RequestServices.GetRequiredService<IOptions<PortalOptions>>().Value.EnforceHttps,
        https => https
            .UseHsts()
            .UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/health"), redirect => redirect.UseHttpsRedirection()));

    app.UsePortalErrorPages();
    app.UseStaticFiles();
    app.UseRequestLocalization();
    app.UseCookiePolicy();
    app.UseRouting();
    app.UseRequestLoggingPathCapture();
    app.UseAuthentication();
    app.UseAuthorization();
    app.UseRateLimiter(); // the partner answer pages and the lost tracking link, per client address

    app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
    app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
    app.MapControllers();

    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (StartupFailure.Describe(ex) is { } message)
{
    // Invalid settings or an unreachable database: one clear message for the operator, no stack trace.
    await Console.Error.WriteLineAsync(message);
    return 1;
}

/// <summary>Entry point; public so that the tests' WebApplicationFactory can start it.</summary>
public partial class Program;
