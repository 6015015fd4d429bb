using System.Net.Sockets;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace CrossBorderConsumerCenter.UnitTests.Email;

public class SmtpFailuresTests
{
    public static TheoryData<int> TemporaryCodes() => [421, 450, 451, 452, 454, 455, 499];

    public static TheoryData<int> PermanentCodes() => [500, 501, 502, 503, 504, 550, 551, 552, 553, 554, 555, 599];

    [Theory]
    [MemberData(nameof(TemporaryCodes))]
    public void AFourHundredReplyIsTemporary(int code)
    {
        var result = SmtpFailures.Classify(Reply(code, "4.3.0 Try again later"));
        Assert.Equal(SendOutcome.TemporaryFailure, result.Outcome);
        Assert.Equal(code, result.SmtpStatus);
    }

    [Theory]
    [MemberData(nameof(PermanentCodes))]
    public void AFiveHundredReplyIsPermanent(int code)
    {
        var result = SmtpFailures.Classify(Reply(code, "5.7.1 Message refused"));
        Assert.Equal(SendOutcome.PermanentFailure, result.Outcome);
        Assert.Equal(code, result.SmtpStatus);
    }

    [Theory]
    [InlineData(530)]
    [InlineData(534)]
    [InlineData(535)]
    [InlineData(538)]
    public void AnAuthenticationOrTlsRefusalIsASettingsProblemAndWaitsForTheOperator(int code)
    {
        var result = SmtpFailures.Classify(Reply(code, "5.7.8 Authentication credentials invalid"));
        Assert.Equal(SendOutcome.TemporaryFailure, result.Outcome);
        Assert.False(SmtpFailures.IsPermanent(code));
    }

    [Fact]
    public void RefusedCredentialsWaitForTheOperatorAndNameTheSettings()
    {
        var result = SmtpFailures.Classify(new AuthenticationException("535: 5.7.8 Authentication credentials invalid"));
        Assert.Equal((SendOutcome.TemporaryFailure, 535), (result.Outcome, result.SmtpStatus));
        Assert.Contains("Smtp:UserName and Smtp:Password", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void AFailedTlsHandshakeWaitsForTheOperatorAndNamesTheSettings()
    {
        var result = SmtpFailures.Classify(new SslHandshakeException("An error occurred while attempting to establish an SSL or TLS connection.", new IOException("certificate rejected")));
        Assert.Equal(SendOutcome.TemporaryFailure, result.Outcome);
        Assert.Contains("Smtp:TrustedCertificatePath", result.Detail, StringComparison.Ordinal);
        Assert.Contains("certificate rejected", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void AServerWithoutStartTlsWhenItIsRequiredWaitsForTheOperator()
    {
        var result = SmtpFailures.Classify(new NotSupportedException("The SMTP server does not support the STARTTLS extension."));
        Assert.Equal(SendOutcome.TemporaryFailure, result.Outcome);
        Assert.Contains("Smtp:Security", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void TheServersReplyIsKeptWithItsCode()
    {
        var result = SmtpFailures.Classify(Reply(451, "4.3.0 Try again later"));
        Assert.StartsWith("451 ", result.Detail, StringComparison.Ordinal);
        Assert.Contains("4.3.0 Try again later", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ARefusedConnectionIsTemporaryAndSaysWhy()
    {
        var result = SmtpFailures.Classify(new SocketException((int)SocketError.ConnectionRefused));
        Assert.Equal(SendOutcome.TemporaryFailure, result.Outcome);
        Assert.Null(result.SmtpStatus);
        Assert.StartsWith("SocketException: ", result.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SmtpStatusCode.Ok)]
    [InlineData(SmtpStatusCode.StartMailInput)]
    [InlineData(SmtpStatusCode.ServiceReady)]
    public void ACodeThatIsNotAnErrorReplyIsTemporary(SmtpStatusCode code)
    {
        var result = SmtpFailures.Classify(new SmtpCommandException(SmtpErrorCode.UnexpectedStatusCode, code, "odd"));
        Assert.Equal((SendOutcome.TemporaryFailure, (int?)null), (result.Outcome, result.SmtpStatus));
    }

    [Fact]
    public void TheOnlyRecipientRefusedPermanentlyIsPermanent()
    {
        var result = SmtpFailures.ClassifyRecipients([Refusal(550, "5.1.1 User unknown")], 1);
        Assert.Equal(SendOutcome.PermanentFailure, result.Outcome);
        Assert.Equal(550, result.SmtpStatus);
        Assert.Contains("5.1.1 User unknown", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void TheOnlyRecipientRefusedTemporarilyIsTemporary()
    {
        var result = SmtpFailures.ClassifyRecipients([Refusal(450, "4.2.1 Mailbox busy")], 1);
        Assert.Equal(SendOutcome.TemporaryFailure, result.Outcome);
        Assert.Equal(450, result.SmtpStatus);
    }

    [Fact]
    public void OneRefusalAmongTwoRecipientsMeansTheOtherGotItAndItIsNotSentAgain()
    {
        var result = SmtpFailures.ClassifyRecipients([Refusal(550, "5.1.1 User unknown")], 2);
        Assert.Equal(SendOutcome.Delivered, result.Outcome);
        Assert.StartsWith("Delivered, but refused for 1 of 2 recipients: 550 ", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryRecipientRefusedPermanentlyIsPermanent()
    {
        var result = SmtpFailures.ClassifyRecipients([Refusal(550, "refused"), Refusal(553, "refused")], 2);
        Assert.Equal(SendOutcome.PermanentFailure, result.Outcome);
        Assert.Equal(550, result.SmtpStatus);
        Assert.Contains(" | 553 ", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryRecipientRefusedWithOneOfThemTemporarilyIsRetried()
    {
        var result = SmtpFailures.ClassifyRecipients([Refusal(550, "refused"), Refusal(450, "busy")], 2);
        Assert.Equal(SendOutcome.TemporaryFailure, result.Outcome);
        Assert.Equal(450, result.SmtpStatus);
    }

    [Fact]
    public void SomeOfSeveralRecipientsRefusedIsDelivered()
    {
        var result = SmtpFailures.ClassifyRecipients([Refusal(550, "refused"), Refusal(450, "busy")], 3);
        Assert.Equal(SendOutcome.Delivered, result.Outcome);
        Assert.Contains("2 of 3", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAddressThatCannotBeWrittenIsPermanent()
    {
        var failure = Assert.Throws<ParseException>(() => MailboxAddress.Parse("taro@@example.jp"));
        Assert.Equal(SendOutcome.PermanentFailure, SmtpFailures.Classify(failure).Outcome);
    }

    [Theory]
    [InlineData(typeof(IOException))]
    [InlineData(typeof(InvalidOperationException))]
    [InlineData(typeof(TimeoutException))]
    [InlineData(typeof(SmtpProtocolException))]
    public void AnythingElseIsTemporaryAndNamesTheExceptionType(Type type)
    {
        var result = SmtpFailures.Classify((Exception)Activator.CreateInstance(type, "went wrong")!);
        Assert.Equal(SendOutcome.TemporaryFailure, result.Outcome);
        Assert.Equal($"{type.Name}: went wrong", result.Detail);
    }

    private static SmtpCommandException Reply(int code, string text) => new(SmtpErrorCode.MessageNotAccepted, (SmtpStatusCode)code, text);

    private static RecipientRefusal Refusal(int code, string reply) => new("someone@example.jp", code, reply);
}
