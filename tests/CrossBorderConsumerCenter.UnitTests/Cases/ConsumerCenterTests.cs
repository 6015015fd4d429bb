using CrossBorderConsumerCenter.Web.Domain.Counselors;

namespace CrossBorderConsumerCenter.UnitTests.Cases;

public class ConsumerCenterTests
{
    [Fact]
    public void ACenterHasANameAPrefectureAndAPhoneAndStartsActive()
    {
        var center = new ConsumerCenter("  足立区消費者センター ", "JP-13", "０３－３８８０－５３８０", TestComplaints.Now);
        Assert.Equal("足立区消費者センター", center.Name);
        Assert.Equal("JP-13", center.PrefectureCode);
        Assert.Equal("03-3880-5380", center.Phone);
        Assert.True(center.IsActive);
    }

    [Theory]
    [InlineData("", "JP-13", "03-3880-5380")]
    [InlineData("センター", "JP-99", "03-3880-5380")]
    [InlineData("センター", "JP-13", "188")]
    public void AnIncompleteCenterIsRefused(string name, string prefecture, string phone) =>
        Assert.Throws<ArgumentException>(() => new ConsumerCenter(name, prefecture, phone, TestComplaints.Now));

    [Fact]
    public void ANameLongerThanTheLimitIsRefused() =>
        Assert.Throws<ArgumentException>(() => new ConsumerCenter(new string('セ', ConsumerCenter.MaxNameLength + 1), "JP-13", "03-3880-5380", TestComplaints.Now));

    [Fact]
    public void ACenterCanBeMadeInactive()
    {
        var center = new ConsumerCenter("センター", "JP-13", "03-3880-5380", TestComplaints.Now);
        center.Update("センター", "JP-13", "03-3880-5380", isActive: false);
        Assert.False(center.IsActive);
    }
}
