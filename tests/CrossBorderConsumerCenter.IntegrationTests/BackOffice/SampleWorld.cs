using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using CrossBorderConsumerCenter.IntegrationTests.InboundMail;
using CrossBorderConsumerCenter.IntegrationTests.Intake;
using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Domain.Cases;

namespace CrossBorderConsumerCenter.IntegrationTests.BackOffice;

/// <summary>
/// One of everything a signed-in page shows, so that every such page can be opened: an admin and a counselor signed
/// in, a case, a case the counselor's center filed, a message waiting for staff, the seeded partner agencies.
/// </summary>
public sealed class SampleWorld
{
    private SampleWorld(FormClient admin, StaffAccounts.Account adminAccount, FormClient counselor, Guid centerId, Case @case, Case counselorCase, Guid mailId, Guid replyTemplateId, Guid bookingId)
    {
        BookingId = bookingId;
        ReplyTemplateId = replyTemplateId;
        Admin = admin;
        AdminAccount = adminAccount;
        Counselor = counselor;
        CenterId = centerId;
        Case = @case;
        CounselorCase = counselorCase;
        MailId = mailId;
    }

    private static readonly KeyValuePair<string, string?>[] Attestation =
    [
        new("Attest.Relation", "Carer"),
        new("Attest.AgreesToHandling", "true"),
        new("Attest.HandlingMethod", "InPerson"),
        new("Attest.HasContactedBusiness", "true"),
        new("Attest.IsConsumerPurchase", "true"),
        new("Attest.ProvisionAbroad", "yes"),
        new("Attest.AbroadMethod", "Writing"),
    ];

    public FormClient Admin { get; }
    public StaffAccounts.Account AdminAccount { get; }
    public FormClient Counselor { get; }
    public Guid CenterId { get; }
    public Case Case { get; }
    public Case CounselorCase { get; }
    public Guid MailId { get; }

    /// <summary>An online consultation booking awaiting confirmation.</summary>
    public Guid BookingId { get; }

    /// <summary>One of the reply templates the migration adds.</summary>
    public Guid ReplyTemplateId { get; }

    /// <summary>A disclosure answered (of the case), and a deletion the case's consumer asked for, waiting.</summary>
    public Guid DisclosureId { get; private init; }

    public Guid DeletionRequestId { get; private init; }

    public static async Task<SampleWorld> CreateAsync(PortalFactory factory)
    {
        var (admin, adminAccount) = await StaffAccounts.SignedInAsync(factory, Roles.Admin);
        var (counselor, counselorAccount) = await StaffAccounts.SignedInAsync(factory, Roles.Counselor);
        var @case = await TestCases.ReceiveAsync(factory);
        var (counselorCase, _) = await TestCases.FileForResidentAsync(factory, counselorAccount);
        var mailId = await MailPagesFixture.StoreAsync(factory, MailPagesFixture.Message("someone@example.com", $"Re: {@case.Number}", "本文"));

        // The counselor's form and review need a draft: the attestation made and the form saved, as a counselor does.
        var gate = await counselor.GetOkAsync("/counselor/cases/new");
        using var attested = await counselor.SubmitAsync(gate, "form.attest-form", Attestation);
        var form = await counselor.FollowRedirectAsync(attested);
        using var toReview = await counselor.SubmitAsync(form, IntakeJourney.FormSelector, IntakeJourney.ValidForm(), submitName: "intent", submitValue: "review");
        Assert.True(toReview.StatusCode == System.Net.HttpStatusCode.Redirect, await IntakeJourney.DescribeAsync(toReview));
        // The paper intake's form and review need the admin's draft of a case being entered.
        await TestCases.PaperDraftAsync(factory, adminAccount.Id);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Web.Data.AppDbContext>();
        var replyTemplateId = await db.ReplyTemplates.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
        var booking = await Testing.Consultations.TestBookings.CreateAsync(factory,
            new(Testing.Consultations.TestBookings.ConsultationDayFrom(TestTime.TodayInJapan.AddDays(7)), new TimeOnly(10, 0)));
        var now = TestTime.Today;
        var disclosure = new Web.Domain.Privacy.PrivacyRequest(Web.Domain.Privacy.PrivacyRequestKind.Disclosure, null, "email=taro@example.jp", "本人", "窓口で確認", now);
        disclosure.Disclose([@case.Id], @case.Number, adminAccount.Id, now);
        var deletion = new Web.Domain.Privacy.PrivacyRequest(Web.Domain.Privacy.PrivacyRequestKind.Deletion, counselorCase.Id, null, "本人", "", now);
        db.PrivacyRequests.AddRange(disclosure, deletion);
        await db.SaveChangesAsync();
        return new SampleWorld(admin, adminAccount, counselor, counselorAccount.CenterId!.Value, @case, counselorCase, mailId, replyTemplateId, booking.Id)
        {
            DisclosureId = disclosure.Id,
            DeletionRequestId = deletion.Id,
        };
    }

    /// <summary>A path that opens <paramref name="route"/> (a route pattern), or null when there is no sample for it yet.</summary>
    public string? PathFor(string route) => route switch
    {
        "/admin/users/{id:guid}" => $"/admin/users/{AdminAccount.Id}",
        "/admin/centers/{id:guid}" => $"/admin/centers/{CenterId}",
        "/admin/partners/{code}" => "/admin/partners/CBBB",
        "/staff/mail/{id:guid}" => $"/staff/mail/{MailId}",
        "/staff/consultations/{id:guid}" => $"/staff/consultations/{BookingId}",
        "/admin/reply-templates/{id:guid}" => $"/admin/reply-templates/{ReplyTemplateId}",
        "/staff/supervisor/privacy/disclosures/{id:guid}" => $"/staff/supervisor/privacy/disclosures/{DisclosureId}",
        "/staff/supervisor/privacy/deletions/{id:guid}" => $"/staff/supervisor/privacy/deletions/{DeletionRequestId}",
        _ when route.StartsWith("/counselor/cases/{number}", StringComparison.Ordinal) => route.Replace("{number}", CounselorCase.Number, StringComparison.Ordinal),
        _ when route.Replace("{number}", "", StringComparison.Ordinal).Contains('{', StringComparison.Ordinal) => null,
        _ => route.Replace("{number}", Case.Number, StringComparison.Ordinal),
    };

    /// <summary>The number of the sample case <paramref name="path"/> opens.</summary>
    public string CaseNumberIn(string path) => path.Contains(CounselorCase.Number, StringComparison.Ordinal) ? CounselorCase.Number : Case.Number;
}
