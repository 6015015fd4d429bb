using System.Text.Encodings.Web;
using System.Text.Unicode;
using CrossBorderConsumerCenter.Web.Features.Account;
using CrossBorderConsumerCenter.Web.Features.Audit;
using CrossBorderConsumerCenter.Web.Features.CasePage;
using CrossBorderConsumerCenter.Web.Features.Clocks;
using CrossBorderConsumerCenter.Web.Features.Cases;
using CrossBorderConsumerCenter.Web.Features.Centers;
using CrossBorderConsumerCenter.Web.Features.Consultation;
using CrossBorderConsumerCenter.Web.Features.ConsultationDesk;
using CrossBorderConsumerCenter.Web.Features.ConsultationMail;
using CrossBorderConsumerCenter.Web.Features.ConsultationSettings;
using CrossBorderConsumerCenter.Web.Features.CoolingOffNotice;
using CrossBorderConsumerCenter.Web.Features.Counselors;
using CrossBorderConsumerCenter.Web.Features.EmailDelivery;
using CrossBorderConsumerCenter.Web.Features.FaxForm;
using CrossBorderConsumerCenter.Web.Features.Forwarding;
using CrossBorderConsumerCenter.Web.Features.InboundMail;
using CrossBorderConsumerCenter.Web.Features.Intake;
using CrossBorderConsumerCenter.Web.Features.Pages;
using CrossBorderConsumerCenter.Web.Features.PaperCases;
using CrossBorderConsumerCenter.Web.Features.PartnerAnswer;
using CrossBorderConsumerCenter.Web.Features.Partners;
using CrossBorderConsumerCenter.Web.Features.Queue;
using CrossBorderConsumerCenter.Web.Features.ReplyTemplates;
using CrossBorderConsumerCenter.Web.Features.Retention;
using CrossBorderConsumerCenter.Web.Features.Statistics;
using CrossBorderConsumerCenter.Web.Features.Supervisor;
using CrossBorderConsumerCenter.Web.Features.Forms;
using CrossBorderConsumerCenter.Web.Features.Tracking;
using CrossBorderConsumerCenter.Web.Features.Users;
using CrossBorderConsumerCenter.Web.Infrastructure;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using CrossBorderConsumerCenter.Web.Infrastructure.Database;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using CrossBorderConsumerCenter.Web.Infrastructure.Email.Inbound;
using CrossBorderConsumerCenter.Web.Infrastructure.Errors;
using CrossBorderConsumerCenter.Web.Infrastructure.Localization;
using CrossBorderConsumerCenter.Web.Infrastructure.Logging;
using CrossBorderConsumerCenter.Web.Infrastructure.Pdf;
using CrossBorderConsumerCenter.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
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
builder.Services.AddPortalInboundMail(); // the center's mailbox read over IMAP (or a pickup folder), each message stored once
builder.Services.AddPortalDataProtection();
builder.Services.AddPortalTransportSecurity();
builder.Services.AddPortalIdentity();
builder.Services.AddPortalRateLimiter(); // features add their policies (partner answers, lost tracking links, the complaint form)
builder.Services.AddHttpContextAccessor();
builder.Services.AddPortalLocalization();
builder.Services.AddPortalPdf(); // the Japanese font of the PDFs (the fax form, the cooling-off notice)
builder.Services.Configure<WebEncoderOptions>(encoder => encoder.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services
    .AddControllersWithViews(mvc =>
    {
        mvc.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
        mvc.Filters.Add(new TemporaryPasswordFilter()); // a temporary password is replaced before anything else
        mvc.Filters.Add(new TwoFactorSetUpFilter()); // then a second factor is set up where one is required
    })
    .AddRazorOptions(razor => FeatureFolders.Use(razor));

// Features, each registering its own use cases, settings, policies and workers.
builder.Services
    .AddForms()
    .AddAccount()
    .AddUsers()
    .AddAudit()
    .AddEmailDelivery()
    .AddPages()
    .AddIntake()
    .AddCases()
    .AddQueue()
    .AddSupervisor()
    .AddStatistics()
    .AddCasePage()
    .AddPartners()
    .AddForwarding()
    .AddPartnerAnswer()
    .AddClocks()
    .AddRetention()
    .AddTracking()
    .AddCenters()
    .AddConsultationSettings()
    .AddReplyTemplates()
    .AddCounselors()
    .AddPaperCases()
    .AddFaxForm()
    .AddCoolingOffNotice()
    .AddConsultation()
    .AddConsultationMail()
    .AddConsultationDesk()
    .AddInboundMail();

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
            .UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/health"), redirect => redirect.UseHttpsRedirection())
            .UseMiddleware<PlainHttpGuard>()); // still plain HTTP here (an untrusted proxy, no HTTPS port): a page that says why, not an empty 500

    app.UsePortalErrorPages();
    app.UseStaticFiles();
    app.UseRequestLocalization();
    app.UseCookiePolicy();
    app.UseRouting();
    app.UseRequestLoggingPathCapture();
    app.UseAuthentication();
    app.UseSessionCheckFailures(); // a database failure in the session check fails the request, with a page that needs no database
    app.UseAuthorization();
    app.UseRateLimiter(); // the partner answer pages and the lost tracking link per client address, the complaint form per draft

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
