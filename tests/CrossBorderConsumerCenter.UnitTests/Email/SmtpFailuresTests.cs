using System.Net.Mail;
using System.Net.Sockets;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;

namespace CrossBorderConsumerCenter.UnitTests.Email;

public class SmtpFailuresTests
{
    public static TheoryData<int> TemporaryCodes() => [421, 450, 451, 452, 454, 455, 499];

    public static TheoryData<int> PermanentCodes() => [500, 501, 502, 503, 504, 550, 551, 552, 553, 554, 555, 599];

    [Theory]
    [MemberData(nameof(TemporaryCodes))]
    public void AFourHundredReplyIsTemporary(int code)
    {
        var result = SmtpFailures.Classify(new SmtpException((SmtpStatusCode)code, "4.3.0 Try again later"), 1);
        Assert.Equal(SendOutcome.TemporaryFailure, result.Outcome);
        Assert.Equal(code, result.SmtpStatus);
    }

    [Theory]
    [MemberData(nameof(PermanentCodes))]
    public void AFiveHundredReplyIsPermanent(int code)
    {
        var result = SmtpFailures.Classify(new SmtpException((SmtpStatusCode)code, "5.7.1 Message refused"), 1);
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
        var result = SmtpFailures.Classify(new SmtpException((SmtpStatusCode)code, "5.7.8 Authentication credentials invalid"), 1);
        Assert.Equal(SendOutcome.TemporaryFailure, result.Outcome);
        Assert.False(SmtpFailures.IsPermanent(code));
    }

    [Fact]
    public void TheServersReplyIsKeptWithItsCode()
    {
        var result = SmtpFailures.Classify(new SmtpException(SmtpStatusCode.LocalErrorInProcessing, "4.3.0 Try again later"), 1);
        Assert.StartsWith("451 ", result.Detail, StringComparison.Ordinal);
        Assert.Contains("4.3.0 Try again later", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ARefusedConnectionIsTemporaryAndSaysWhy()
    {
        var refused = new SmtpException("Failure sending mail.", new SocketException((int)SocketError.ConnectionRefused));
        var result = SmtpFailures.Classify(refused, 1);
        Assert.Equal(SendOutcome.TemporaryFailure, result.Outcome);
        Assert.Null(result.SmtpStatus);
        Assert.StartsWith("Failure sending mail. (", result.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SmtpStatusCode.GeneralFailure)]
    [InlineData(SmtpStatusCode.Ok)]
    [InlineData(SmtpStatusCode.StartMailInput)]
    public void ACodeThatIsNotAnErrorReplyIsTemporary(SmtpStatusCode code) =>
        Assert.Equal(SendOutcome.TemporaryFailure, SmtpFailures.Classify(new SmtpException(code, "odd"), 1).Outcome);

    [Fact]
    public void TheOnlyRecipientRefusedPermanentlyIsPermanent()
    {
        var result = SmtpFailures.Classify(new SmtpFailedRecipientException(SmtpStatusCode.MailboxUnavailable, "<taro@example.jp>", "5.1.1 User unknown"), 1);
        Assert.Equal(SendOutcome.PermanentFailure, result.Outcome);
        Assert.Equal(550, result.SmtpStatus);
        Assert.Contains("5.1.1 User unknown", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void TheOnlyRecipientRefusedTemporarilyIsTemporary()
    {
        var result = SmtpFailures.Classify(new SmtpFailedRecipientException(SmtpStatusCode.MailboxBusy, "<taro@example.jp>", "4.2.1 Mailbox busy"), 1);
        Assert.Equal(SendOutcome.TemporaryFailure, result.Outcome);
        Assert.Equal(450, result.SmtpStatus);
    }

    [Fact]
    public void OneRefusalAmongTwoRecipientsMeansTheOtherGotItAndItIsNotSentAgain()
    {
        var result = SmtpFailures.Classify(new SmtpFailedRecipientException(SmtpStatusCode.MailboxUnavailable, "<cc@example.jp>", "5.1.1 User unknown"), 2);
        Assert.Equal(SendOutcome.Delivered, result.Outcome);
        Assert.StartsWith("Delivered, but refused for 1 of 2 recipients: 550 ", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryRecipientRefusedPermanentlyIsPermanent()
    {
        var all = new SmtpFailedRecipientsException("refused", [Refusal(SmtpStatusCode.MailboxUnavailable), Refusal(SmtpStatusCode.MailboxNameNotAllowed)]);
        var result = SmtpFailures.Classify(all, 2);
        Assert.Equal(SendOutcome.PermanentFailure, result.Outcome);
        Assert.Equal(550, result.SmtpStatus);
        Assert.Contains(" | 553 ", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryRecipientRefusedWithOneOfThemTemporarilyIsRetried()
    {
        var all = new SmtpFailedRecipientsException("refused", [Refusal(SmtpStatusCode.MailboxUnavailable), Refusal(SmtpStatusCode.MailboxBusy)]);
        var result = SmtpFailures.Classify(all, 2);
        Assert.Equal(SendOutcome.TemporaryFailure, result.Outcome);
        Assert.Equal(450, result.SmtpStatus);
    }

    [Fact]
    public void SomeOfSeveralRecipientsRefusedIsDelivered()
    {
        var some = new SmtpFailedRecipientsException("refused", [Refusal(SmtpStatusCode.MailboxUnavailable), Refusal(SmtpStatusCode.MailboxBusy)]);
        var result = SmtpFailures.Classify(some, 3);
        Assert.Equal(SendOutcome.Delivered, result.Outcome);
        Assert.Contains("2 of 3", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void AMessageSystemNetMailCannotFormatIsPermanent() =>
        Assert.Equal(SendOutcome.PermanentFailure, SmtpFailures.Classify(new FormatException("The specified string is not in the form required for an e-mail address."), 1).Outcome);

    [Theory]
    [InlineData(typeof(IOException))]
    [InlineData(typeof(InvalidOperationException))]
    [InlineData(typeof(TimeoutException))]
    public void AnythingElseIsTemporaryAndNamesTheExceptionType(Type type)
    {
        var result = SmtpFailures.Classify((Exception)Activator.CreateInstance(type, "went wrong")!, 1);
        Assert.Equal(SendOutcome.TemporaryFailure, result.Outcome);
        Assert.Equal($"{type.Name}: went wrong", result.Detail);
    }

    private static SmtpFailedRecipientException Refusal(SmtpStatusCode code) => new(code, "<someone@example.jp>", "refused");
}
