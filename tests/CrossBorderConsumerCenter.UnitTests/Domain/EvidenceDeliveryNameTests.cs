using CrossBorderConsumerCenter.Web.Domain.Evidence;

namespace CrossBorderConsumerCenter.UnitTests.Domain;

/// <summary>The name an evidence file is served and forwarded under: the extension of its type, nothing that reads otherwise.</summary>
public class EvidenceDeliveryNameTests
{
    [Theory]
    [InlineData("statement.html", EvidenceFileType.Jpeg, "statement.jpg")]
    [InlineData("run.bat", EvidenceFileType.Jpeg, "run.jpg")]
    [InlineData("invoice\u202Egnp.exe", EvidenceFileType.Jpeg, "invoicegnp.jpg")]
    [InlineData("photo.JPEG", EvidenceFileType.Jpeg, "photo.jpg")]
    [InlineData("注文確認 メール.pdf", EvidenceFileType.Pdf, "注文確認 メール.pdf")]
    [InlineData("IMG_0001.HEIC", EvidenceFileType.Heic, "IMG_0001.heic")]
    [InlineData("receipt", EvidenceFileType.Png, "receipt.png")]
    [InlineData("a.pdf.exe", EvidenceFileType.Pdf, "a.pdf.pdf")]
    [InlineData("zero\u200Bwidth\u2066isolate\u2069.png", EvidenceFileType.Png, "zerowidthisolate.png")]
    [InlineData("..\\..\\evil\".jpg", EvidenceFileType.Jpeg, "_.._evil_.jpg")]
    [InlineData(".htaccess", EvidenceFileType.Png, "htaccess.png")]
    [InlineData("\u202E.exe", EvidenceFileType.Jpeg, "exe.jpg")]
    [InlineData("\u202E...", EvidenceFileType.Jpeg, "evidence.jpg")]
    [InlineData("", EvidenceFileType.Pdf, "evidence.pdf")]
    [InlineData("trailing dots...exe", EvidenceFileType.Pdf, "trailing dots.pdf")]
    public void TheNameEndsInTheExtensionOfTheTypeTheBytesShowed(string original, EvidenceFileType type, string expected) =>
        Assert.Equal(expected, EvidenceFiles.DeliveryName(original, type));

    [Fact]
    public void ALongNameIsCutAtAWholeCharacterBeforeItsExtension()
    {
        var name = EvidenceFiles.DeliveryName(new string('a', 99) + "\U0001F600.jpg", EvidenceFileType.Jpeg);

        Assert.Equal(new string('a', 99) + ".jpg", name);
    }
}
