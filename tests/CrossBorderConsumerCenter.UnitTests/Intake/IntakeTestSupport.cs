using System.Globalization;
using CrossBorderConsumerCenter.Web.Features.Cases;
using CrossBorderConsumerCenter.Web.Features.Forms;
using CrossBorderConsumerCenter.Web.Features.Intake;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using CrossBorderConsumerCenter.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.UnitTests.Intake;

/// <summary>The real resources (as the running portal reads them) and a clock that stands still.</summary>
public static class IntakeTestSupport
{
    /// <summary>Noon in Japan today (<see cref="TestTime.Today"/>): the form's dates are weeks before it.</summary>
    public static readonly DateTimeOffset Now = TestTime.Today;

    /// <summary>As the portal reads them: cached, with the center's contact details (the settings' defaults) filled in.</summary>
    public static readonly IStringLocalizerFactory Localizers = new CachingStringLocalizerFactory(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance),
        Options.Create(new CenterContactOptions()));

    public static readonly IStringLocalizer<IntakeText> Text = new StringLocalizer<IntakeText>(Localizers);

    /// <summary>The choice lists and their names, as the portal has them.</summary>
    public static readonly ChoiceLists Choices = new(new StringLocalizer<CaseLabels>(Localizers), new StringLocalizer<FormText>(Localizers));

    public static TimeProvider Clock { get; } = new FixedClock(Now);

    /// <summary>Runs <paramref name="action"/> with the UI in <paramref name="language"/>, as a request would.</summary>
    public static T InLanguage<T>(string language, Func<T> action)
    {
        var (ui, culture) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(language);
        try
        {
            return action();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, culture);
        }
    }

    /// <summary>A complete, valid form; each test breaks what it is about.</summary>
    public static ComplaintForm ValidForm() => new()
    {
        Consumer = new ComplaintForm.ConsumerSection
        {
            Name = "山田 太郎", NameKana = "ヤマダ タロウ", Email = "taro@example.jp", EmailConfirmation = "taro@example.jp",
            Phone = "090-1234-5678", PostalCode = "100-0001", Prefecture = "JP-13", Address = "千代田区千代田1-1", AgeBand = "Forties",
        },
        Business = new ComplaintForm.BusinessSection
        {
            Name = "Example Gadgets Inc.", Website = "https://gadgets.example.com/", Country = "US", Email = "support@gadgets.example.com", Phone = "+1 (800) 555-0199",
        },
        Purchase = new ComplaintForm.PurchaseSection
        {
            Date = TestTime.Iso(TestComplaints.PurchaseDate), Item = "ワイヤレスイヤホン", Amount = "129.99", Currency = "USD", PaymentMethod = "CreditCard", Platform = "BusinessOwnSite", OrderNumber = "A-1001",
        },
        Trouble = new ComplaintForm.TroubleSection
        {
            Category = "NotDelivered", WhatHappened = "届きません。", ContactedOn = TestTime.Iso(TestComplaints.ContactedOn), ContactMethod = "Email", BusinessResponse = "回答なし", DesiredResolution = "Refund",
        },
    };

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
